import { graphGet, postJson, sendMailUrl, simpleMessage, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const SALES = 'sales@contoso.onmicrosoft.com';

type Json = Record<string, unknown>;

describe('inbound mail: delivery into emulated mailboxes', () => {
  const demo = useDemo({ limits: false });
  const seam = (path: string, body: unknown) =>
    postJson(`${demo.emulator.graphBaseUrl}/mailbox/api/${path}`, undefined, body);
  const inboxCounts = async () => {
    const response = await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox?$select=unreadItemCount,totalItemCount`);
    expect(response.status).toBe(200);
    return (await response.json()) as { unreadItemCount: number; totalItemCount: number };
  };

  it('delivers written mail to the Inbox, unread, with its attachment', async () => {
    const before = await inboxCounts();
    const response = await seam('deliver', {
      mailbox: SUPPORT,
      fromName: 'Alex Wilber',
      fromAddress: 'alex@fabrikam.example',
      subject: 'Printer on fire',
      text: 'It is burning.\nPlease help.',
      attachments: [
        { name: 'photo.png', contentType: 'image/png', contentBytes: Buffer.from('png!').toString('base64') },
      ],
    });
    expect(response.status).toBe(201);
    const delivered = (await response.json()) as Json;
    expect(delivered).toMatchObject({
      mailbox: SUPPORT,
      internetMessageId: expect.stringMatching(/^<.+@fabrikam\.example>$/),
    });
    expect(await inboxCounts()).toEqual({
      '@odata.context': expect.any(String),
      id: expect.any(String),
      unreadItemCount: before.unreadItemCount + 1,
      totalItemCount: before.totalItemCount + 1,
    });
    const list = (await (
      await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox/messages?$select=subject,from,isRead,hasAttachments`)
    ).json()) as { value: Json[] };
    expect(list.value[0]).toMatchObject({
      id: delivered.id,
      subject: 'Printer on fire',
      isRead: false,
      hasAttachments: true,
      from: { emailAddress: { name: 'Alex Wilber', address: 'alex@fabrikam.example' } },
    });
  });

  it('refuses a delivery without text or to an unknown mailbox', async () => {
    expect((await seam('deliver', { mailbox: SUPPORT })).status).toBe(400);
    const unknown = await seam('deliver', {
      mailbox: 'nobody@contoso.onmicrosoft.com',
      fromAddress: 'a@b.example',
      text: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: "No emulated mailbox 'nobody@contoso.onmicrosoft.com'." });
  });

  it("adds the asked headers after the style's own", async () => {
    const response = await seam('deliver', {
      mailbox: SUPPORT,
      fromAddress: 'vacation@fabrikam.example',
      subject: 'Away',
      text: 'Back on Monday.',
      headers: [{ name: 'X-Autoreply', value: 'yes' }],
    });
    expect(response.status).toBe(201);
    const received = demo.emulator.receivedMessages(SUPPORT).at(-1);
    expect(received?.internetMessageHeaders.at(-1)).toEqual({ name: 'X-Autoreply', value: 'yes' });
    expect(received?.internetMessageHeaders.map((header) => header.name)).toContain('Message-ID');
  });

  it('gives a Cc that is another emulated mailbox its own copy, with the same Message-ID', async () => {
    const salesBefore = demo.emulator.receivedMessages(SALES).length;
    const message = demo.emulator.deliverMail({
      mailbox: SUPPORT,
      fromAddress: 'alex@fabrikam.example',
      cc: [SALES.toUpperCase(), SALES, 'someone@fabrikam.example'],
      subject: 'To both',
      text: 'Hello both.',
    });
    const sales = demo.emulator.receivedMessages(SALES);
    expect(sales).toHaveLength(salesBefore + 1);
    expect(sales.at(-1)).toMatchObject({
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      subject: 'To both',
      isRead: false,
    });
    expect(sales.at(-1)?.id).not.toBe(message.id);
  });

  it('delivers what sendMail sends to an emulated mailbox into its Inbox, with the same Message-ID and headers', async () => {
    const message = simpleMessage('Loop test');
    message.message.toRecipients = [{ emailAddress: { address: SALES, name: 'Sales' } }];
    const sent = await postJson(sendMailUrl(demo), demo.token, {
      message: { ...message.message, internetMessageHeaders: [{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }] },
    });
    expect(sent.status).toBe(202);
    const copy = demo.emulator.sentMessages(SUPPORT).at(-1);
    const received = demo.emulator.receivedMessages(SALES).at(-1);
    expect(received).toMatchObject({
      subject: 'Loop test',
      from: { emailAddress: { address: SUPPORT } },
      isRead: false,
      internetMessageHeaders: expect.arrayContaining([{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }]),
    });
    expect(copy?.id).toBeDefined();
    const sentItem = (await (
      await graphGet(
        demo,
        `/users/${SUPPORT}/mailFolders/sentitems/messages?$select=internetMessageId,conversationId&$top=1`,
      )
    ).json()) as { value: Json[] };
    expect(received?.internetMessageId).toBe(sentItem.value[0]?.internetMessageId);
    expect(received?.conversationId).toBe(sentItem.value[0]?.conversationId);
  });

  it('writes a reply to a sent message as Outlook does', async () => {
    expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage('DEMO-1: Printer on fire'))).status).toBe(202);
    const sent = demo.emulator.sentMessages(SUPPORT).at(-1);
    const sentItem = (await (
      await graphGet(
        demo,
        `/users/${SUPPORT}/mailFolders/sentitems/messages?$select=internetMessageId,conversationId,conversationIndex&$top=1`,
      )
    ).json()) as { value: Json[] };
    const original = sentItem.value[0] as Json;
    const response = await seam('deliver', { replyTo: sent?.id, text: 'Thanks, fixed.' });
    expect(response.status).toBe(201);
    const reply = demo.emulator.receivedMessages(SUPPORT).at(-1);
    expect(reply).toMatchObject({
      subject: 'RE: DEMO-1: Printer on fire',
      conversationId: original.conversationId,
      from: { emailAddress: { name: 'Alex Wilber', address: 'alex@fabrikam.example' } },
    });
    const header = (name: string) => reply?.internetMessageHeaders.find((h) => h.name === name)?.value;
    expect(header('In-Reply-To')).toBe(original.internetMessageId);
    expect(header('References')).toBe(original.internetMessageId);
    expect(Buffer.from(reply?.conversationIndex ?? '', 'base64').subarray(0, 22)).toEqual(
      Buffer.from(String(original.conversationIndex), 'base64'),
    );
    expect(reply?.body.content).toContain('<div id="divRplyFwdMsg" dir="ltr">');
    expect(reply?.body.content).toContain('<b>Subject:</b> DEMO-1: Printer on fire');
    expect(reply?.body.content).toContain('See DEMO-1.');
    expect(reply?.uniqueBody.content).toContain('Thanks, fixed.');
    expect(reply?.uniqueBody.content).not.toContain('divRplyFwdMsg');
  });

  it.each([
    ['gmail-reply', 'Re: ', 'gmail_quote', undefined],
    ['auto-reply', 'Automatic reply: ', 'Out', 'Auto-Submitted'],
    ['dsn', 'Undeliverable: ', 'Out', 'Return-Path'],
  ])('writes a %s', async (style, prefix, _marker, headerName) => {
    expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage('Variant'))).status).toBe(202);
    const sent = demo.emulator.sentMessages(SUPPORT).at(-1);
    const message = demo.emulator.deliverMail({ replyTo: sent?.id, style: style as 'dsn', text: 'Out of office' });
    expect(message.subject).toBe(`${prefix}Variant`);
    if (style === 'gmail-reply') expect(message.uniqueBody).toEqual(message.body);
    if (style === 'auto-reply')
      expect(message.internetMessageHeaders).toContainEqual({ name: 'Auto-Submitted', value: 'auto-replied' });
    if (style === 'dsn') {
      expect(message.from.emailAddress.address).toBe('postmaster@fabrikam.example');
      expect(message.internetMessageHeaders).toContainEqual({ name: 'Return-Path', value: '<>' });
      expect(message.internetMessageHeaders.find((h) => h.name === 'Content-Type')?.value).toMatch(
        /^multipart\/report; report-type=delivery-status/,
      );
    }
    expect(headerName === undefined || message.internetMessageHeaders.some((h) => h.name === headerName)).toBe(true);
  });

  it('marks bulk mail with Precedence: bulk', () => {
    const message = demo.emulator.deliverMail({
      mailbox: SUPPORT,
      style: 'bulk',
      fromAddress: 'news@list.example',
      text: 'News',
    });
    expect(message.internetMessageHeaders).toContainEqual({ name: 'Precedence', value: 'bulk' });
  });

  it('seeds 1,000 old messages and keeps new mail beside them', async () => {
    const before = (await inboxCounts()).totalItemCount;
    const seeded = await seam('seed', {
      mailbox: SUPPORT,
      count: 1000,
      newest: '2030-05-01T00:00:00Z',
      stepSeconds: 600,
    });
    expect(seeded.status).toBe(201);
    demo.emulator.deliverMail({ mailbox: SUPPORT, fromAddress: 'new@fabrikam.example', text: 'New mail' });
    expect((await inboxCounts()).totalItemCount).toBe(before + 1001);
    const oldest = demo.emulator.receivedMessages(SUPPORT).find((message) => message.subject === 'Old message 1');
    expect(oldest?.receivedDateTime).toBe(new Date(Date.parse('2030-05-01T00:00:00Z') - 999 * 600_000).toISOString());
  });
});
