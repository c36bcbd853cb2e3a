import type { SendHookInfo, SendHookPoint } from '../../../local/microsoft';
import { Gate, type GraphErrorBody, postJson, sendMailUrl, simpleMessage, until, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const CLIENT_ID = '<hook.1@issue-mailer.example>';

type Json = Record<string, unknown>;

interface Call {
  point: SendHookPoint;
  info: SendHookInfo;
  /** Messages the emulator had stored for the mailbox when the hook ran. */
  stored: number;
}

describe('Microsoft emulator send hooks', () => {
  const demo = useDemo();
  const messagesUrl = () => `${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages`;
  let calls: Call[] = [];
  beforeEach(() => {
    calls = [];
    demo.emulator.setSendHook((point, info) => {
      calls.push({ point, info, stored: demo.emulator.sentMessages(SUPPORT).length });
    });
  });
  afterEach(() => demo.emulator.setSendHook(undefined));

  const message = (extra: Json = {}) => ({ ...simpleMessage('DEMO-5: Hooked').message, ...extra });

  /** The Message-ID Graph lists for the newest message of Sent Items. */
  const newestSentId = async (): Promise<string> => {
    const response = await fetch(
      `${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/mailFolders/sentitems/messages?$top=1&$select=internetMessageId`,
      {
        headers: { Authorization: `Bearer ${demo.token}` },
      },
    );
    const [newest] = ((await response.json()) as { value: Json[] }).value;
    return String(newest?.internetMessageId);
  };

  const createDraft = async (extra: Json = {}): Promise<Json> => {
    const created = await postJson(messagesUrl(), demo.token, message(extra));
    expect(created.status).toBe(201);
    return (await created.json()) as Json;
  };
  const sendDraft = (id: unknown) =>
    fetch(`${messagesUrl()}/${String(id)}/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}` },
    });

  it.each([
    [
      'sendMail with a client Message-ID',
      async () => postJson(sendMailUrl(demo), demo.token, { message: message({ internetMessageId: CLIENT_ID }) }),
      CLIENT_ID,
      CLIENT_ID,
    ],
    [
      "a draft's /send",
      async () => sendDraft((await createDraft({ internetMessageId: CLIENT_ID })).id),
      CLIENT_ID,
      CLIENT_ID,
    ],
  ])(
    'calls before-accept before storing and after-accept after, with the mailbox, for %s',
    async (_name, send, before, after) => {
      const stored = demo.emulator.sentMessages(SUPPORT).length;
      expect((await send()).status).toBe(202);
      expect(calls).toEqual([
        { point: 'before-accept', info: { mailbox: SUPPORT, internetMessageId: before }, stored },
        { point: 'after-accept', info: { mailbox: SUPPORT, internetMessageId: after }, stored: stored + 1 },
      ]);
      expect(await newestSentId()).toBe(after);
    },
  );

  it('gives no Message-ID before accepting a sendMail without one, and the one Exchange made after', async () => {
    expect((await postJson(sendMailUrl(demo), demo.token, { message: message() })).status).toBe(202);
    const made = await newestSentId();
    expect(made).toMatch(/^<[0-9A-F]{32}@contoso\.onmicrosoft\.com>$/);
    expect(calls.map((call) => [call.point, call.info])).toEqual([
      ['before-accept', { mailbox: SUPPORT }],
      ['after-accept', { mailbox: SUPPORT, internetMessageId: made }],
    ]);
  });

  it("gives a draft's /send the Message-ID its create answer showed", async () => {
    const draft = await createDraft();
    expect((await sendDraft(draft.id)).status).toBe(202);
    expect(calls.map((call) => call.info.internetMessageId)).toEqual([
      draft.internetMessageId,
      draft.internetMessageId,
    ]);
  });

  it('writes the 202 only once the after-accept hook has returned', async () => {
    const gate = new Gate();
    let reached = false;
    demo.emulator.setSendHook(async (point) => {
      if (point !== 'after-accept') return;
      reached = true;
      await gate.opened;
    });
    const stored = demo.emulator.sentMessages(SUPPORT).length;
    let status: number | undefined;
    const pending = postJson(sendMailUrl(demo), demo.token, { message: message() }).then((response) => {
      status = response.status;
    });
    await until(() => reached, 'the after-accept hook runs');
    expect(demo.emulator.sentMessages(SUPPORT)).toHaveLength(stored + 1);
    expect(demo.emulator.deliveryStats().acceptedSends[SUPPORT]?.length).toBeGreaterThan(0);
    expect(status).toBeUndefined();
    gate.open();
    await pending;
    expect(status).toBe(202);
  });

  it('answers 500 and stores nothing when the before-accept hook throws', async () => {
    demo.emulator.setSendHook((point) => {
      if (point === 'before-accept') throw new Error('the app process was killed');
    });
    const stored = demo.emulator.sentMessages(SUPPORT).length;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await postJson(sendMailUrl(demo), demo.token, { message: message() });
      expect(response.status).toBe(500);
      expect(((await response.json()) as GraphErrorBody).error.code).toBe('InternalServerError');
    } finally {
      errors.mockRestore();
    }
    expect(demo.emulator.sentMessages(SUPPORT)).toHaveLength(stored);
  });

  it.each([
    [
      'a sendMail Graph refuses',
      async () => postJson(sendMailUrl(demo), demo.token, { message: { ...message(), toRecipients: [] } }),
      400,
    ],
    ['a /send of an unknown draft', async () => sendDraft('AAMkAGnoSuchDraft'), 404],
  ])('is not called for %s', async (_name, send, status) => {
    expect((await send()).status).toBe(status);
    expect(calls).toEqual([]);
  });

  it('is not called once removed', async () => {
    demo.emulator.setSendHook(undefined);
    expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage())).status).toBe(202);
    expect(calls).toEqual([]);
  });
});
