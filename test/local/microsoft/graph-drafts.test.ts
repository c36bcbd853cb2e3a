import { createHash } from 'node:crypto';

import { demoConfig, getToken, type GraphErrorBody, postJson, startDemo, useDemo } from './helpers';

const MB = 1024 * 1024;
const SUPPORT = 'support@contoso.onmicrosoft.com';
const sha256 = (bytes: Buffer | string) =>
  createHash('sha256')
    .update(typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes)
    .digest('hex');

/** Deterministic bytes, so a hash mismatch shows a misplaced chunk. */
const pattern = (size: number): Buffer => {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + (i >> 10)) & 0xff;
  return bytes;
};

const expectError = async (response: Response, status: number, code: string, message: string): Promise<void> => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as GraphErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBe(message);
};

describe('Microsoft emulator Graph drafts and upload sessions', () => {
  const demo = useDemo();
  const messagesUrl = () => `${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages`;

  const createDraft = async (extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const response = await postJson(messagesUrl(), demo.token, {
      subject: 'DEMO-2: Large logs',
      body: { contentType: 'HTML', content: '<p>Logs attached <img src="cid:logo"></p>' },
      toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example' } }],
      ...extra,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, unknown>;
  };

  const openSession = async (draftId: string, item: Record<string, unknown>): Promise<Response> =>
    postJson(`${messagesUrl()}/${draftId}/attachments/createUploadSession`, demo.token, {
      AttachmentItem: { attachmentType: 'file', ...item },
    });

  const put = (url: string, bytes: Buffer, range: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': range, ...headers },
      body: new Uint8Array(bytes),
    });

  it('creates a draft, takes a small and an inline attachment and a 5 MB upload in 2 chunks, and sends it byte for byte', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({
      id: expect.stringMatching(/^AAMkAG[A-Za-z0-9_-]+$/),
      internetMessageId: expect.stringMatching(/^<[0-9A-F]{32}@contoso\.onmicrosoft\.com>$/),
      conversationId: expect.stringMatching(/^AAQkAG/),
      isDraft: true,
      subject: 'DEMO-2: Large logs',
      hasAttachments: false,
    });
    const id = String(draft.id);

    const small = await postJson(`${messagesUrl()}/${id}/attachments`, demo.token, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'note.txt',
      contentType: 'text/plain',
      contentBytes: Buffer.from('small one').toString('base64'),
    });
    expect(small.status).toBe(201);
    expect(await small.json()).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'note.txt',
      size: 9,
      isInline: false,
    });
    const inline = await postJson(`${messagesUrl()}/${id}/attachments`, demo.token, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'logo.png',
      contentType: 'image/png',
      isInline: true,
      contentId: 'logo',
      contentBytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'),
    });
    expect(await inline.json()).toMatchObject({ isInline: true, contentId: 'logo', size: 4 });

    const bytes = pattern(5 * MB);
    const session = await openSession(id, { name: 'logs.bin', size: bytes.length, contentType: 'application/zip' });
    expect(session.status).toBe(201);
    const created = (await session.json()) as {
      uploadUrl: string;
      expirationDateTime: string;
      nextExpectedRanges: string[];
    };
    expect(created).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: expect.stringMatching(
        new RegExp(`^${demo.emulator.graphBaseUrl}/attachment-uploads/[A-Za-z0-9_-]{64}$`),
      ),
      expirationDateTime: '2030-06-01T12:15:00.0000000Z',
      nextExpectedRanges: ['0-'],
    });

    const first = await put(created.uploadUrl, bytes.subarray(0, 4 * MB), `bytes 0-${4 * MB - 1}/${bytes.length}`);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      ExpirationDateTime: '2030-06-01T12:15:00.0000000Z',
      NextExpectedRanges: [String(4 * MB)],
    });
    const last = await put(
      created.uploadUrl,
      bytes.subarray(4 * MB),
      `bytes ${4 * MB}-${bytes.length - 1}/${bytes.length}`,
    );
    expect(last.status).toBe(201);
    expect(await last.text()).toBe('');
    expect(last.headers.get('location')).toBe(
      `${demo.emulator.graphBaseUrl}/v1.0/users('${demo.tenant.mailboxes[0]?.id}')/messages('${id}')/attachments('${id}.2')`,
    );

    const before = demo.emulator.sentMessages(SUPPORT).length;
    const sent = await fetch(`${messagesUrl()}/${id}/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}`, 'Content-Length': '0' },
    });
    expect(sent.status).toBe(202);
    expect(await sent.text()).toBe('');
    const stored = demo.emulator.sentMessages(SUPPORT);
    expect(stored).toHaveLength(before + 1);
    const attachments = stored.at(-1)?.message.attachments ?? [];
    expect(
      attachments.map(({ name, size, contentType, isInline, contentId }) => ({
        name,
        size,
        contentType,
        isInline,
        contentId,
      })),
    ).toEqual([
      { name: 'note.txt', size: 9, contentType: 'text/plain', isInline: undefined, contentId: undefined },
      { name: 'logo.png', size: 4, contentType: 'image/png', isInline: true, contentId: 'logo' },
      { name: 'logs.bin', size: 5 * MB, contentType: 'application/zip', isInline: undefined, contentId: undefined },
    ]);
    expect(sha256(attachments[2]?.contentBytes ?? '')).toBe(sha256(bytes));

    const page = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/messages/${stored.at(-1)?.id}`);
    expect(await page.text()).toContain('inline <code>cid:logo</code>');
    const download = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/messages/${stored.at(-1)?.id}/attachments/2`);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));

    // Sent: the draft is gone.
    const again = await fetch(`${messagesUrl()}/${id}/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}` },
    });
    await expectError(again, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  });

  it('refuses an upload URL called with an Authorization header, a chunk over 4 MB and bad Content-Ranges, and cancels on DELETE', async () => {
    const draft = await createDraft();
    const size = 6 * MB;
    const session = (await (await openSession(String(draft.id), { name: 'big.bin', size })).json()) as {
      uploadUrl: string;
    };
    const url = session.uploadUrl;
    const chunk = pattern(MB);

    await expectError(
      await put(url, chunk, `bytes 0-${MB - 1}/${size}`, { Authorization: `Bearer ${demo.token}` }),
      401,
      'InvalidAuthenticationToken',
      'The upload URL already authorizes the request; do not send an Authorization header with it.',
    );
    await expectError(
      await put(url, pattern(4 * MB + 1), `bytes 0-${4 * MB}/${size}`),
      413,
      'RequestEntityTooLarge',
      'The maximum fragment length supported is 4MB.',
    );
    for (const range of [
      `bytes 0-${MB}/${size}`,
      `bytes 0-${MB - 1}/${size + 1}`,
      'bytes */6291456',
      `0-${MB - 1}/${size}`,
    ]) {
      await expectError(
        await put(url, chunk, range),
        400,
        'InvalidContentRange',
        `The Content-Range header '${range}' is not of the form 'bytes {start}-{end}/{total}' for this upload session.`,
      );
    }
    await expectError(
      await put(url, chunk, `bytes ${MB}-${2 * MB - 1}/${size}`),
      416,
      'InvalidRange',
      `The uploaded fragment starts at byte ${MB}; the next expected byte is 0.`,
    );
    expect((await put(url, chunk, `bytes 0-${MB - 1}/${size}`)).status).toBe(200);
    // Overlapping what was already received.
    await expectError(
      await put(url, chunk, `bytes 0-${MB - 1}/${size}`),
      416,
      'InvalidRange',
      `The uploaded fragment starts at byte 0; the next expected byte is ${MB}.`,
    );

    const cancel = await fetch(url, { method: 'DELETE' });
    expect(cancel.status).toBe(204);
    await expectError(
      await put(url, chunk, `bytes ${MB}-${2 * MB - 1}/${size}`),
      404,
      'ErrorItemNotFound',
      'The upload session was not found or has expired.',
    );
  });

  it.each([
    [150 * MB, 201],
    [150 * MB + 1, 400],
  ])('createUploadSession for %i bytes answers %i', async (size, status) => {
    const draft = await createDraft();
    const response = await openSession(String(draft.id), { name: 'huge.bin', size });
    expect(response.status).toBe(status);
    if (status === 400) {
      expect(((await response.json()) as GraphErrorBody).error).toMatchObject({
        code: 'ErrorMessageSizeExceeded',
        message: 'The message exceeds the maximum supported size.',
      });
    }
  });

  it('validates the draft like a sendMail message and refuses to send one without recipients', async () => {
    await expectError(
      await postJson(messagesUrl(), demo.token, { subject: 5 }),
      400,
      'RequestBodyRead',
      "Cannot convert the literal '5' to the expected type 'Edm.String'.",
    );
    const draft = await createDraft({ toRecipients: [] });
    const sent = await fetch(`${messagesUrl()}/${String(draft.id)}/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}` },
    });
    await expectError(
      sent,
      400,
      'ErrorInvalidRecipients',
      "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    );
  });

  it.each([
    ['create a draft', 'Mail.Send', (base: string) => `${base}`],
    ['open an upload session', 'Mail.Send', (base: string) => `${base}/AAMkAGx/attachments/createUploadSession`],
    ['send a draft', 'Mail.ReadWrite', (base: string) => `${base}/AAMkAGx/send`],
  ])('refuses to %s with only %s', async (_what, permission, url) => {
    const config = demoConfig();
    const app = config.tenants[0]?.apps[0];
    if (app === undefined) throw new Error('the demo tenant has no app');
    app.applicationPermissions = [permission];
    const other = await startDemo(config);
    try {
      const token = await getToken(other);
      const base = `${other.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages`;
      await expectError(
        await postJson(url(base), token, { subject: 'x' }),
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
      );
    } finally {
      await other.emulator.close();
    }
  });

  it('deletes an unfinished draft (204), after which it is gone (404) and cannot be sent', async () => {
    const draft = await createDraft();
    const url = `${messagesUrl()}/${String(draft.id)}`;
    const auth = { Authorization: `Bearer ${demo.token}` };
    expect((await fetch(url, { method: 'DELETE', headers: auth })).status).toBe(204);
    const again = await fetch(url, { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
    expect(((await again.json()) as GraphErrorBody).error.code).toBe('ErrorItemNotFound');
    const send = await postJson(`${url}/send`, demo.token, {});
    expect(send.status).toBe(404);
    expect(
      demo.emulator
        .sentMessages(SUPPORT)
        .some((message) => message.message.subject === 'DEMO-2: Large logs' && message.id === draft.id),
    ).toBe(false);
  });
});
