import { type GraphErrorBody, postJson, sendMailUrl, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const CLIENT_ID = '<e1f2.demo-7@contoso.onmicrosoft.com>';

type Json = Record<string, unknown>;

const message = (extra: Json = {}): Json => ({
  subject: 'DEMO-7: Thread me',
  body: { contentType: 'Text', content: 'See DEMO-7.' },
  toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example' } }],
  ...extra,
});

describe('Microsoft emulator: a client-supplied internetMessageId', () => {
  const demo = useDemo();
  const messagesUrl = () => `${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages`;

  /** The newest message as Graph lists it, with the two ids threading needs. */
  const newestListed = async (): Promise<Json> => {
    const response = await fetch(`${messagesUrl()}?$top=1&$select=internetMessageId,conversationId`, {
      headers: { Authorization: `Bearer ${demo.token}` },
    });
    expect(response.status).toBe(200);
    const [newest] = ((await response.json()) as { value: Json[] }).value;
    return newest ?? {};
  };

  const expectRefused = async (response: Response, value: string): Promise<void> => {
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphErrorBody;
    expect(body.error).toMatchObject({
      code: 'ErrorInvalidRequest',
      message: `The internetMessageId '${value}' is not an RFC 5322 Message-ID of the form '<local-part@domain>'.`,
    });
  };

  it('keeps it on sendMail, as Exchange does', async () => {
    const response = await postJson(sendMailUrl(demo), demo.token, {
      message: message({ internetMessageId: CLIENT_ID }),
    });
    expect(response.status).toBe(202);
    expect(demo.emulator.sentMessages(SUPPORT).at(-1)?.message.internetMessageId).toBe(CLIENT_ID);
    expect((await newestListed()).internetMessageId).toBe(CLIENT_ID);
  });

  it('keeps it on a draft, in the create answer and in the sent item', async () => {
    const created = await postJson(messagesUrl(), demo.token, message({ internetMessageId: CLIENT_ID }));
    expect(created.status).toBe(201);
    const draft = (await created.json()) as Json;
    expect(draft.internetMessageId).toBe(CLIENT_ID);
    const sent = await fetch(`${messagesUrl()}/${String(draft.id)}/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}` },
    });
    expect(sent.status).toBe(202);
    expect((await newestListed()).internetMessageId).toBe(CLIENT_ID);
  });

  it('sends a draft with the Message-ID its create answer gave when the client chose none', async () => {
    const draft = (await (await postJson(messagesUrl(), demo.token, message())).json()) as Json;
    expect(draft.internetMessageId).toMatch(/^<[0-9A-F]{32}@contoso\.onmicrosoft\.com>$/);
    await fetch(`${messagesUrl()}/${String(draft.id)}/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}` },
    });
    expect((await newestListed()).internetMessageId).toBe(draft.internetMessageId);
  });

  it('lets Exchange make one for null', async () => {
    const response = await postJson(sendMailUrl(demo), demo.token, { message: message({ internetMessageId: null }) });
    expect(response.status).toBe(202);
    expect((await newestListed()).internetMessageId).toMatch(/^<[0-9A-F]{32}@contoso\.onmicrosoft\.com>$/);
  });

  it.each(['e1f2.demo-7@contoso.onmicrosoft.com', '<e1f2.demo-7>', '<a@b@c>', '<a b@c>', '<>'])(
    'refuses %s on sendMail and on a draft',
    async (value) => {
      const before = demo.emulator.sentMessages(SUPPORT).length;
      await expectRefused(
        await postJson(sendMailUrl(demo), demo.token, { message: message({ internetMessageId: value }) }),
        value,
      );
      await expectRefused(await postJson(messagesUrl(), demo.token, message({ internetMessageId: value })), value);
      expect(demo.emulator.sentMessages(SUPPORT)).toHaveLength(before);
    },
  );
});
