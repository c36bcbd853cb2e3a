import { claimsOf, delegatedTokens, SALES, startCodeDemo, SUPPORT } from './auth-code-helpers';
import { type Demo, getToken, type GraphErrorBody, postJson, simpleMessage } from './helpers';

const SUPPORT_ID = '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63';

const expectGraphError = async (response: Response, status: number, code: string, message: string) => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as GraphErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBe(message);
};

describe('Microsoft emulator Graph /me with delegated tokens', () => {
  let demo: Demo;
  let token: string;
  const graph = (path: string) => `${demo.emulator.graphBaseUrl}/v1.0${path}`;
  const get = (path: string, bearer = token) => fetch(graph(path), { headers: { Authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    demo = await startCodeDemo();
    token = (await delegatedTokens(demo)).access_token;
  });
  afterAll(() => demo.emulator.close());

  it('GET /me answers the signed-in user', async () => {
    const response = await get('/me?$select=id,mail,userPrincipalName,displayName');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users(id,mail,userPrincipalName,displayName)/$entity`,
      id: SUPPORT_ID,
      mail: SUPPORT.upn,
      userPrincipalName: SUPPORT.upn,
      displayName: 'Contoso Support',
    });
  });

  it('POST /me/sendMail lands in the Sent Items of the signed-in mailbox', async () => {
    const response = await postJson(graph('/me/sendMail'), token, simpleMessage('DEMO-16: sent as me'));
    expect(response.status).toBe(202);
    const sent = demo.emulator.sentMessages(SUPPORT.upn);
    expect(sent.at(-1)?.message.subject).toBe('DEMO-16: sent as me');
    expect(demo.emulator.sentMessages(SALES.upn)).toEqual([]);
  });

  it('sends as another signed-in user despite the app access policy, which binds application permissions only', async () => {
    const sales = (await delegatedTokens(demo, SALES)).access_token;
    expect((await postJson(graph('/me/sendMail'), sales, simpleMessage('DEMO-16: from sales'))).status).toBe(202);
    expect(demo.emulator.sentMessages(SALES.upn).map((message) => message.message.subject)).toEqual([
      'DEMO-16: from sales',
    ]);
    // The same app with its app-only token may use the support mailbox only.
    const appOnly = await getToken(demo);
    expect(
      (await postJson(graph(`/users/${SALES.upn}/sendMail`), appOnly, simpleMessage('DEMO-16: app-only'))).status,
    ).toBe(403);
  });

  it('creates a draft under /me, opens an upload session for it and sends it', async () => {
    const draft = await postJson(graph('/me/messages'), token, simpleMessage('DEMO-16: draft').message);
    expect(draft.status).toBe(201);
    const { id } = (await draft.json()) as { id: string };
    const small = await postJson(graph(`/me/messages/${id}/attachments`), token, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'note.txt',
      contentType: 'text/plain',
      contentBytes: Buffer.from('hello').toString('base64'),
    });
    expect(small.status).toBe(201);
    const session = await postJson(graph(`/me/messages/${id}/attachments/createUploadSession`), token, {
      AttachmentItem: { attachmentType: 'file', name: 'big.bin', size: 4 * 1024 * 1024 },
    });
    expect(session.status).toBe(201);
    expect(((await session.json()) as { uploadUrl: string }).uploadUrl).toEqual(expect.any(String));
    const send = await fetch(graph(`/me/messages/${id}/send`), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(send.status).toBe(202);
  });

  it('refuses an app-only token on /me', async () => {
    await expectGraphError(
      await get('/me', await getToken(demo)),
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
    );
  });

  it.each([
    ['sendMail', (user: string) => postJson(graph(`/users/${user}/sendMail`), token, simpleMessage())],
    [
      'messages (a draft)',
      (user: string) => postJson(graph(`/users/${user}/messages`), token, simpleMessage().message),
    ],
    ['mailFolders (a read)', (user: string) => get(`/users/${user}/mailFolders/inbox/messages`)],
  ])('refuses a delegated token on another user’s %s (403 ErrorAccessDenied)', async (_what, call) => {
    await expectGraphError(
      await call(SALES.upn),
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
  });

  it('lets a delegated token use its own user by UPN as by /me', async () => {
    expect((await postJson(graph(`/users/${SUPPORT.upn}/sendMail`), token, simpleMessage())).status).toBe(202);
  });

  it('checks the delegated scopes: without Mail.Send no sendMail, without User.Read no /me', async () => {
    const readOnly = (await delegatedTokens(demo, SUPPORT, 'Mail.ReadWrite')).access_token;
    expect(claimsOf(readOnly).scp).toBe('Mail.ReadWrite');
    await expectGraphError(
      await postJson(graph('/me/sendMail'), readOnly, simpleMessage()),
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
    await expectGraphError(
      await get('/me', readOnly),
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  });
});
