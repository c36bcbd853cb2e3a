import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../src/providers/google/scopes';
import { DEMO_CLIENT_ID, type GoogleWorld, startGoogleWorld, SUPPORT } from './helpers';

const METADATA_SCOPE = 'https://www.googleapis.com/auth/gmail.metadata';
const USERS = '/gmail/v1/users/me';

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

interface Answer {
  status: number;
  body: unknown;
}

const call = async (
  method: 'GET' | 'POST',
  path: string,
  options: { scopes?: readonly string[]; body?: unknown } = {},
): Promise<Answer> => {
  const token = (await world.token({ scopes: options.scopes ?? [GMAIL_MODIFY_SCOPE] })).accessToken;
  const response = await fetch(`${world.emulator.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

const googleError = (code: number, status: string, reason: string, message: string, domain = 'global') => ({
  error: { code, message, errors: [{ message, domain, reason }], status },
});

const RAW = [
  'From: Ann Example <ann@example.com>',
  `To: ${SUPPORT}`,
  'Subject: Printer on floor 2',
  'Message-ID: <m-1@example.com>',
  'Date: Mon, 07 Dec 2026 01:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'It jams again.',
  '',
].join('\r\n');

const deliverRaw = async (raw = RAW): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${world.emulator.url}/mailbox/api/deliver`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mailbox: SUPPORT, raw: Buffer.from(raw).toString('base64') }),
  });
  return { status: response.status, body: JSON.parse(await response.text()) as Record<string, unknown> };
};

describe('Gmail read routes on the emulator', () => {
  it('users.getProfile answers the mailbox totals and its historyId; gmail.send alone gets 403', async () => {
    expect(await call('GET', `${USERS}/profile`)).toEqual({
      status: 200,
      body: { emailAddress: SUPPORT, messagesTotal: 0, threadsTotal: 0, historyId: '1000' },
    });
    await deliverRaw();
    expect(await call('GET', `${USERS}/profile`)).toEqual({
      status: 200,
      body: { emailAddress: SUPPORT, messagesTotal: 1, threadsTotal: 1, historyId: '1003' },
    });
    expect(await call('GET', `${USERS}/profile`, { scopes: [GMAIL_SEND_SCOPE] })).toEqual({
      status: 403,
      body: googleError(
        403,
        'PERMISSION_DENIED',
        'insufficientPermissions',
        'Request had insufficient authentication scopes.',
      ),
    });
  });

  it('labels.list lists the system labels; labels.create adds Label_1 and answers 409 for a name taken', async () => {
    const listed = await call('GET', `${USERS}/labels`);
    expect(listed.status).toBe(200);
    expect((listed.body as { labels: Array<{ id: string }> }).labels.map((label) => label.id)).toEqual([
      'CHAT',
      'SENT',
      'INBOX',
      'IMPORTANT',
      'TRASH',
      'DRAFT',
      'SPAM',
      'CATEGORY_FORUMS',
      'CATEGORY_UPDATES',
      'CATEGORY_PERSONAL',
      'CATEGORY_PROMOTIONS',
      'CATEGORY_SOCIAL',
      'STARRED',
      'UNREAD',
    ]);
    expect(await call('POST', `${USERS}/labels`, { body: { name: 'Jira/Processed' } })).toEqual({
      status: 200,
      body: {
        id: 'Label_1',
        name: 'Jira/Processed',
        type: 'user',
        messageListVisibility: 'show',
        labelListVisibility: 'labelShow',
      },
    });
    const duplicate = googleError(409, 'ABORTED', 'duplicate', 'Label name exists or conflicts');
    for (const name of ['jira/processed', 'Inbox']) {
      expect(await call('POST', `${USERS}/labels`, { body: { name } })).toEqual({ status: 409, body: duplicate });
    }
    expect(await call('POST', `${USERS}/labels`, { body: { name: 'x' }, scopes: [GMAIL_SEND_SCOPE] })).toMatchObject({
      status: 403,
    });
  });

  it('delivers mail into INBOX UNREAD; history.list from the earlier historyId sees it, then the label change', async () => {
    const delivered = await deliverRaw();
    expect(delivered).toEqual({
      status: 201,
      body: {
        mailbox: SUPPORT,
        id: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
        threadId: delivered.body['id'],
        historyId: '1003',
        internetMessageId: '<m-1@example.com>',
      },
    });
    const id = String(delivered.body['id']);
    expect(await call('GET', `${USERS}/history?startHistoryId=1000&labelId=INBOX`)).toEqual({
      status: 200,
      body: {
        history: [
          {
            id: '1003',
            messages: [{ id, threadId: id }],
            messagesAdded: [{ message: { id, threadId: id, labelIds: ['INBOX', 'UNREAD'] } }],
          },
        ],
        historyId: '1003',
      },
    });
    expect(await call('POST', `${USERS}/messages/${id}/modify`, { body: { removeLabelIds: ['UNREAD'] } })).toEqual({
      status: 200,
      body: { id, threadId: id, labelIds: ['INBOX'] },
    });
    expect(await call('GET', `${USERS}/history?startHistoryId=1003&historyTypes=labelRemoved`)).toEqual({
      status: 200,
      body: {
        history: [
          {
            id: '1007',
            messages: [{ id, threadId: id }],
            labelsRemoved: [{ message: { id, threadId: id, labelIds: ['INBOX'] }, labelIds: ['UNREAD'] }],
          },
        ],
        historyId: '1007',
      },
    });
    // Nothing newer: Google leaves the empty list out.
    expect(await call('GET', `${USERS}/history?startHistoryId=1007`)).toEqual({
      status: 200,
      body: { historyId: '1007' },
    });
  });

  it('history.list pages by maxResults and answers 404 for an out-of-date startHistoryId', async () => {
    await deliverRaw();
    await deliverRaw(RAW.replace('m-1@', 'm-2@'));
    const first = await call('GET', `${USERS}/history?startHistoryId=1000&maxResults=1`);
    const firstBody = first.body as { history: Array<{ id: string }>; nextPageToken: string; historyId: string };
    expect([firstBody.history.map((record) => record.id), firstBody.historyId]).toEqual([['1003'], '1007']);
    const second = await call(
      'GET',
      `${USERS}/history?startHistoryId=1000&maxResults=1&pageToken=${firstBody.nextPageToken}`,
    );
    expect((second.body as { history: Array<{ id: string }> }).history.map((record) => record.id)).toEqual(['1007']);
    expect(second.body).not.toHaveProperty('nextPageToken');

    world.emulator.expireHistory(SUPPORT);
    expect(await call('GET', `${USERS}/history?startHistoryId=1003`)).toEqual({
      status: 404,
      body: googleError(404, 'NOT_FOUND', 'notFound', 'Requested entity was not found.'),
    });
    expect((await call('GET', `${USERS}/history?startHistoryId=1007`)).status).toBe(404);
    expect(await call('GET', `${USERS}/profile`)).toMatchObject({ body: { historyId: '1017' } });
    expect(await call('GET', `${USERS}/history?startHistoryId=1017`)).toEqual({
      status: 200,
      body: { historyId: '1017' },
    });
    expect(await call('GET', `${USERS}/history`)).toEqual({
      status: 400,
      body: googleError(400, 'INVALID_ARGUMENT', 'invalidArgument', 'Missing required parameter: startHistoryId'),
    });
  });

  it('messages.list filters by labelIds and q (rfc822msgid:, label:, is:unread), pages, and estimates', async () => {
    const one = String((await deliverRaw()).body['id']);
    const two = String((await deliverRaw(RAW.replace('m-1@', 'm-2@'))).body['id']);
    expect(await call('GET', `${USERS}/messages?q=${encodeURIComponent('rfc822msgid:<m-2@example.com>')}`)).toEqual({
      status: 200,
      body: { messages: [{ id: two, threadId: two }], resultSizeEstimate: 1 },
    });
    expect(await call('GET', `${USERS}/messages?q=rfc822msgid:m-1@example.com`)).toEqual({
      status: 200,
      body: { messages: [{ id: one, threadId: one }], resultSizeEstimate: 1 },
    });
    const paged = await call('GET', `${USERS}/messages?labelIds=INBOX&labelIds=UNREAD&maxResults=1`);
    expect(paged.body).toEqual({
      messages: [{ id: two, threadId: two }],
      nextPageToken: expect.any(String) as unknown,
      resultSizeEstimate: 2,
    });
    await call('POST', `${USERS}/messages/${two}/modify`, { body: { removeLabelIds: ['UNREAD'] } });
    expect(await call('GET', `${USERS}/messages?q=${encodeURIComponent('label:inbox is:unread')}`)).toEqual({
      status: 200,
      body: { messages: [{ id: one, threadId: one }], resultSizeEstimate: 1 },
    });
    expect(await call('GET', `${USERS}/messages?q=rfc822msgid:none@x`)).toEqual({
      status: 200,
      body: { resultSizeEstimate: 0 },
    });
    expect(await call('GET', `${USERS}/messages?q=subject:printer`)).toEqual({
      status: 400,
      body: googleError(400, 'INVALID_ARGUMENT', 'invalidArgument', 'The emulator does not search by: subject:printer'),
    });
  });

  it('messages.modify refuses an unknown label (400) and a missing message (404); gmail.send cannot modify', async () => {
    const id = String((await deliverRaw()).body['id']);
    expect(await call('POST', `${USERS}/messages/${id}/modify`, { body: { addLabelIds: ['Label_9'] } })).toEqual({
      status: 400,
      body: googleError(400, 'INVALID_ARGUMENT', 'invalidArgument', 'Invalid label: Label_9'),
    });
    expect(await call('POST', `${USERS}/messages/abc/modify`, { body: { removeLabelIds: ['UNREAD'] } })).toEqual({
      status: 404,
      body: googleError(404, 'NOT_FOUND', 'notFound', 'Requested entity was not found.'),
    });
    expect(
      await call('POST', `${USERS}/messages/${id}/modify`, { body: {}, scopes: [GMAIL_SEND_SCOPE] }),
    ).toMatchObject({ status: 403, body: { error: { errors: [{ reason: 'insufficientPermissions' }] } } });
  });

  it('messages.get answers each format; full names attachments by id and attachments.get returns their bytes', async () => {
    const raw = [
      'From: ann@example.com',
      `To: ${SUPPORT}`,
      'Subject: Log',
      'Message-ID: <m-3@example.com>',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See the log.',
      '--b1',
      'Content-Type: text/plain; name="log.txt"',
      'Content-Disposition: attachment; filename="log.txt"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('line 1\n').toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const id = String((await deliverRaw(raw)).body['id']);
    const base = {
      id,
      threadId: id,
      labelIds: ['INBOX', 'UNREAD'],
      snippet: 'See the log.',
      sizeEstimate: Buffer.byteLength(raw),
      historyId: '1003',
      internalDate: String(world.clock.ms),
    };
    expect(await call('GET', `${USERS}/messages/${id}?format=minimal`)).toEqual({ status: 200, body: base });
    expect(await call('GET', `${USERS}/messages/${id}?format=raw`)).toEqual({
      status: 200,
      body: { ...base, raw: Buffer.from(raw).toString('base64url') },
    });
    expect(
      await call('GET', `${USERS}/messages/${id}?format=metadata&metadataHeaders=Subject&metadataHeaders=message-id`),
    ).toEqual({
      status: 200,
      body: {
        ...base,
        payload: {
          mimeType: 'multipart/mixed',
          headers: [
            { name: 'Subject', value: 'Log' },
            { name: 'Message-ID', value: '<m-3@example.com>' },
          ],
        },
      },
    });
    const full = (await call('GET', `${USERS}/messages/${id}`)).body as {
      payload: { parts: Array<{ filename: string; body: { attachmentId?: string; size: number; data?: string } }> };
    };
    const [text, file] = full.payload.parts;
    expect(text?.body).toEqual({ size: 12, data: Buffer.from('See the log.').toString('base64url') });
    expect([file?.filename, file?.body.size]).toEqual(['log.txt', 7]);
    expect(await call('GET', `${USERS}/messages/${id}/attachments/${file?.body.attachmentId ?? ''}`)).toEqual({
      status: 200,
      body: { attachmentId: file?.body.attachmentId, size: 7, data: Buffer.from('line 1\n').toString('base64url') },
    });
  });

  it('the gmail.metadata scope may not search nor read bodies', async () => {
    world.emulator.setDelegation(DEMO_CLIENT_ID, [GMAIL_SEND_SCOPE, METADATA_SCOPE]);
    const id = String((await deliverRaw()).body['id']);
    expect(await call('GET', `${USERS}/messages/${id}?format=raw`, { scopes: [METADATA_SCOPE] })).toEqual({
      status: 403,
      body: googleError(403, 'PERMISSION_DENIED', 'forbidden', "Metadata scope doesn't allow format RAW"),
    });
    expect(await call('GET', `${USERS}/messages?q=is:unread`, { scopes: [METADATA_SCOPE] })).toEqual({
      status: 403,
      body: googleError(403, 'PERMISSION_DENIED', 'forbidden', "Metadata scope does not support 'q' parameter"),
    });
    expect(await call('GET', `${USERS}/messages/${id}?format=minimal`, { scopes: [METADATA_SCOPE] })).toMatchObject({
      status: 200,
    });
  });

  it('charges each method its quota units: getProfile 1, history.list 2', async () => {
    world.emulator.setGmailLimits({ unitsPerUserPerMinute: 4 });
    expect((await call('GET', `${USERS}/profile`)).status).toBe(200);
    expect((await call('GET', `${USERS}/history?startHistoryId=1000`)).status).toBe(200);
    expect((await call('GET', `${USERS}/profile`)).status).toBe(200);
    expect(await call('GET', `${USERS}/profile`)).toMatchObject({
      status: 429,
      body: { error: { errors: [{ reason: 'rateLimitExceeded' }] } },
    });
    world.clock.advanceSeconds(61);
    expect((await call('GET', `${USERS}/profile`)).status).toBe(200);
  });

  it('a reply to a sent message arrives from its recipient, in the same thread, quoting its Message-ID', async () => {
    const sentRaw = [
      `From: Support <${SUPPORT}>`,
      'To: Ann <ann@example.com>',
      'Subject: [DEMO-1] Printer',
      'Message-ID: <e-1.demo-1@example-google.test>',
      '',
      'We are on it.',
      '',
    ].join('\r\n');
    const sent = await call('POST', `${USERS}/messages/send`, {
      scopes: [GMAIL_SEND_SCOPE],
      body: { raw: Buffer.from(sentRaw).toString('base64url') },
    });
    const sentId = String((sent.body as { id: string }).id);
    const outcome = await world.emulator.deliverMail({ replyTo: sentId, text: 'Thanks, it works now.' });
    if (!outcome.ok) throw new Error(outcome.reason);
    const { message } = outcome;
    expect([outcome.mailbox, message.threadId, message.labelIds]).toEqual([SUPPORT, sentId, ['INBOX', 'UNREAD']]);
    expect([
      message.parsed.from,
      message.parsed.subject,
      message.parsed.inReplyTo,
      message.parsed.references,
      message.parsed.text?.trim(),
    ]).toEqual([
      { name: 'Ann', address: 'ann@example.com' },
      'Re: [DEMO-1] Printer',
      '<e-1.demo-1@example-google.test>',
      '<e-1.demo-1@example-google.test>',
      'Thanks, it works now.',
    ]);
    expect(world.emulator.sentMessages(SUPPORT).map((one) => one.id)).toEqual([sentId]);
    expect(world.emulator.mailboxMessages(SUPPORT).map((one) => one.id)).toEqual([sentId, message.id]);
    expect(await world.emulator.deliverMail({ replyTo: 'ffff', text: 'x' })).toEqual({
      ok: false,
      reason: 'No message has that id.',
    });
  });

  it('mail sent to other Workspace users arrives in their INBOX, without the Bcc header', async () => {
    const helpdesk = 'helpdesk@example-google.test';
    const sentRaw = [
      `From: ${SUPPORT}`,
      'To: ann@example.com',
      `Bcc: ${helpdesk}`,
      'Subject: Copy',
      'Message-ID: <copy-1@example-google.test>',
      '',
      'Hello',
      '',
    ].join('\r\n');
    await call('POST', `${USERS}/messages/send`, {
      scopes: [GMAIL_SEND_SCOPE],
      body: { raw: Buffer.from(sentRaw).toString('base64url') },
    });
    const [copy] = world.emulator.mailboxMessages(helpdesk);
    expect([copy?.labelIds, copy?.parsed.messageId, copy?.parsed.bcc, copy?.raw.toString('utf8')]).toEqual([
      ['INBOX', 'UNREAD'],
      '<copy-1@example-google.test>',
      undefined,
      sentRaw.replace(`Bcc: ${helpdesk}\r\n`, ''),
    ]);
    expect(world.emulator.mailboxMessages(SUPPORT).map((one) => one.labelIds)).toEqual([['SENT']]);
  });

  it("the mailbox page's reply form delivers a reply and goes back to the mailbox", async () => {
    const sentRaw = `From: ${SUPPORT}\r\nTo: bob@example.com\r\nSubject: Hi\r\nMessage-ID: <s@x.test>\r\n\r\nHello\r\n`;
    await call('POST', `${USERS}/messages/send`, {
      scopes: [GMAIL_SEND_SCOPE],
      body: { raw: Buffer.from(sentRaw).toString('base64url') },
    });
    const [sent] = world.emulator.sentMessages(SUPPORT);
    const page = await (await fetch(`${world.emulator.url}/mailbox/${encodeURIComponent(SUPPORT)}`)).text();
    const action = `/mailbox/${encodeURIComponent(SUPPORT)}/messages/${sent?.id ?? ''}/reply`;
    expect(page).toContain(`action="${action}"`);
    const response = await fetch(`${world.emulator.url}${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'Hi back' }).toString(),
      redirect: 'manual',
    });
    const replies = world.emulator.mailboxMessages(SUPPORT).filter((one) => one.labelIds.includes('INBOX'));
    expect([response.status, response.headers.get('location'), replies.length]).toEqual([
      303,
      `/mailbox/${encodeURIComponent(SUPPORT)}?delivered=${replies[0]?.id ?? ''}`,
      1,
    ]);
    expect(replies[0]?.parsed.from?.address).toBe('bob@example.com');
  });

  it("the mailbox page's raw form delivers a pasted message into INBOX", async () => {
    const page = await (await fetch(`${world.emulator.url}/mailbox/${encodeURIComponent(SUPPORT)}`)).text();
    const action = `/mailbox/${encodeURIComponent(SUPPORT)}/deliver`;
    expect(page).toContain(`action="${action}"`);
    const response = await fetch(`${world.emulator.url}${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ raw: RAW }).toString(),
      redirect: 'manual',
    });
    const [message] = world.emulator.mailboxMessages(SUPPORT);
    expect([response.status, response.headers.get('location')]).toEqual([
      303,
      `/mailbox/${encodeURIComponent(SUPPORT)}?delivered=${message?.id ?? ''}`,
    ]);
    expect([message?.raw.toString('utf8'), message?.labelIds]).toEqual([RAW, ['INBOX', 'UNREAD']]);
  });

  it('the deliver seam refuses an unknown mailbox and a body without raw or replyTo', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(`${world.emulator.url}/mailbox/api/deliver`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: JSON.parse(await response.text()) as unknown };
    };
    expect(await post({ mailbox: 'nobody@example-google.test', raw: 'eA==' })).toEqual({
      status: 400,
      body: { error: "No Workspace user 'nobody@example-google.test'." },
    });
    expect(await post({ mailbox: SUPPORT })).toEqual({
      status: 400,
      body: { error: 'Give raw (the message, base64) or replyTo (a message id).' },
    });
    expect(await post({ mailbox: SUPPORT, raw: 5 })).toEqual({
      status: 400,
      body: { error: 'raw: Invalid input: expected string, received number' },
    });
  });
});
