import { postJson, sendMailUrl, simpleMessage, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';

describe('mailbox page: writing and replying to a mailbox', () => {
  const demo = useDemo({ limits: false });
  const pageText = async (path: string) => {
    const response = await fetch(`${demo.emulator.graphBaseUrl}${path}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('offers a labelled "Write to this mailbox" form for each enabled mailbox', async () => {
    const html = await pageText('/mailbox');
    expect(html).toContain('<summary>Write to this mailbox</summary>');
    expect(html).toContain(
      `<form method="post" action="${demo.emulator.graphBaseUrl}/mailbox/write" enctype="multipart/form-data" class="mail-form">`,
    );
    expect(html).toContain(`<input type="hidden" name="mailbox" value="${SUPPORT}">`);
    for (const label of [
      'From name <input',
      'From address <input',
      'Subject <input',
      'Text <textarea',
      'Attachment <input type="file"',
    ])
      expect(html).toContain(`<label>${label}`);
    expect(html).not.toContain('value="noreply@contoso.onmicrosoft.com"');
  });

  it('delivers the written mail with its attachment and shows it, with the counts', async () => {
    const form = new FormData();
    form.set('mailbox', SUPPORT);
    form.set('fromName', 'Alex <Wilber>');
    form.set('fromAddress', 'alex@fabrikam.example');
    form.set('subject', 'Form mail');
    form.set('text', 'Hello from the form');
    form.set('attachment', new Blob([Buffer.from([0, 1, 2, 255])], { type: 'application/pdf' }), 'report.pdf');
    const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/write`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(new RegExp(`^${demo.emulator.graphBaseUrl}/mailbox\\?delivered=`));
    const message = demo.emulator.receivedMessages(SUPPORT).at(-1);
    expect(message).toMatchObject({ subject: 'Form mail', from: { emailAddress: { name: 'Alex <Wilber>' } } });
    expect(Buffer.from(message?.attachments[0]?.contentBytes ?? '', 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(message?.attachments[0]).toMatchObject({ name: 'report.pdf', contentType: 'application/pdf', size: 4 });
    const html = await pageText('/mailbox?delivered=x');
    expect(html).toContain('<p class="note" role="status">Delivered.</p>');
    const link = `${demo.emulator.graphBaseUrl}/mailbox/received/${encodeURIComponent(message?.immutableId ?? '')}`;
    expect(html).toContain(`<td class="subject"><a href="${link}">Form mail</a></td>`);
    const received = await pageText(new URL(link).pathname);
    expect(received).toContain('<pre class="mail-body">Hello from the form</pre>');
    expect(received).toContain(
      '<dt>From</dt><dd><code>Alex &#60;Wilber&#62; &#60;alex@fabrikam.example&#62;</code></dd>',
    );
    const download = await fetch(`${link}/attachments/${encodeURIComponent(message?.attachments[0]?.id ?? '')}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
    expect((await fetch(`${link}/attachments/nope`)).status).toBe(404);
    expect(html).toContain('Alex &#60;Wilber&#62; &#60;alex@fabrikam.example&#62;');
    expect(html).toMatch(/<li>Inbox <span class="muted">\d+ unread, \d+ in all<\/span><\/li>/);
  });

  it('refuses a form without a sender, and says why', async () => {
    const form = new FormData();
    form.set('mailbox', SUPPORT);
    form.set('text', 'x');
    const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/write`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    const html = await pageText(
      new URL(response.headers.get('location') ?? '').pathname + new URL(response.headers.get('location') ?? '').search,
    );
    expect(html).toContain('<p class="note" role="alert">Not delivered: A sender address is needed.</p>');
  });

  it('replies to a sent message from its page, Outlook-style by default', async () => {
    expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage('DEMO-2: Reply me'))).status).toBe(202);
    const sent = demo.emulator.sentMessages(SUPPORT).at(-1);
    const id = encodeURIComponent(sent?.id ?? '');
    expect(await pageText('/mailbox')).toContain(
      `<a href="${demo.emulator.graphBaseUrl}/mailbox/messages/${id}/reply" aria-label="Reply to DEMO-2: Reply me">Reply</a>`,
    );
    const replyPage = await pageText(`/mailbox/messages/${id}/reply`);
    expect(replyPage).toContain('<option value="outlook-reply">');
    expect(replyPage).toContain('<label>Text <textarea name="text" rows="5" required></textarea></label>');
    // The customer's own client names the reply's sender (the app sends bare addresses); the recipient's name is offered.
    expect(replyPage).toContain('<label>Your name <input name="fromName" value="Alex Wilber"');
    const form = new FormData();
    form.set('fromName', 'Alex Customer');
    form.set('text', 'Fixed now, thanks');
    form.set('style', 'outlook-reply');
    form.set('attachment', new Blob(['log line'], { type: 'text/plain' }), 'log.txt');
    const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/messages/${id}/reply`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    const reply = demo.emulator.receivedMessages(SUPPORT).at(-1);
    expect(reply?.subject).toBe('RE: DEMO-2: Reply me');
    expect(reply?.from.emailAddress.name).toBe('Alex Customer');
    expect(reply?.body.content).toContain('divRplyFwdMsg');
    expect(reply?.attachments.map((attachment) => attachment.name)).toEqual(['log.txt']);
  });

  it('shows the notification switch, and the form switches notifications off and on', async () => {
    expect(await pageText('/mailbox')).toContain('<span class="badge ok">On</span>');
    const off = new URLSearchParams({ paused: 'true' });
    const response = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/notifications`, {
      method: 'POST',
      body: off,
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    const html = await pageText('/mailbox');
    expect(html).toContain('<span class="badge warn">Switched off</span>');
    expect(html).toContain('<input type="hidden" name="paused" value="false">');
    expect(html).toContain('<p class="muted">No subscriptions.</p>');
    demo.emulator.setNotificationsPaused(false);
  });
});
