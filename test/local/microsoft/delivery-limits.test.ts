import { MAILBOX_CONCURRENCY_LIMIT, MESSAGE_RATE_LIMIT, MESSAGE_RATE_WINDOW_MS } from '../../../local/microsoft';
import {
  appNamed,
  type DemoSession,
  Gate,
  getToken,
  type GraphErrorBody,
  graphGet,
  postJson,
  sendMailUrl,
  simpleMessage,
  until,
  useDemo,
} from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
/** Any fixed instant: the message-rate window reads Date.now(), which these tests hold still and move by hand. */
const T0 = Date.UTC(2030, 5, 1, 12, 0, 0);

const expectGraphError = async (
  response: Response,
  status: number,
  code: string,
  message: string,
  retryAfter: string,
): Promise<void> => {
  expect(response.status).toBe(status);
  expect(response.headers.get('retry-after')).toBe(retryAfter);
  const body = (await response.json()) as GraphErrorBody;
  expect([body.error.code, body.error.message]).toEqual([code, message]);
};

/** Holds every send inside its 'before-accept' hook until the gate opens. */
const holdSends = (demo: DemoSession): { gate: Gate; held: () => number } => {
  const gate = new Gate();
  let held = 0;
  demo.emulator.setSendHook(async (point) => {
    if (point !== 'before-accept') return;
    held += 1;
    await gate.opened;
  });
  return { gate, held: () => held };
};

describe('Microsoft emulator Exchange limits', () => {
  const demo = useDemo();
  afterEach(() => {
    demo.emulator.setSendHook(undefined);
    demo.emulator.resetDeliveryStats();
    jest.restoreAllMocks();
  });

  describe('mailbox concurrency', () => {
    it(`refuses the ${MAILBOX_CONCURRENCY_LIMIT + 1}th open request of one app to one mailbox with 429 ApplicationThrottled`, async () => {
      const { gate, held } = holdSends(demo);
      const open = Array.from({ length: MAILBOX_CONCURRENCY_LIMIT }, (_, i) =>
        postJson(sendMailUrl(demo), demo.token, simpleMessage(`DEMO-${i}: held`)),
      );
      await until(() => held() === MAILBOX_CONCURRENCY_LIMIT, 'four sends are held');

      await expectGraphError(
        await graphGet(demo, `/users/${SUPPORT}/messages?$top=1`),
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        '1',
      );
      // Another app has its own count for the same mailbox.
      const otherApp = await getToken(demo, appNamed(demo, 'Issue Mailer (secret expiring soon)'));
      expect((await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox`, otherApp)).status).toBe(200);

      gate.open();
      expect((await Promise.all(open)).map((response) => response.status)).toEqual([202, 202, 202, 202]);
      expect((await graphGet(demo, `/users/${SUPPORT}/messages?$top=1`)).status).toBe(200);
      const stats = demo.emulator.deliveryStats();
      expect(stats.limitRefusals).toEqual({ concurrency: 1, messageRate: 0 });
      expect(stats.peakConcurrency).toEqual({ [SUPPORT]: MAILBOX_CONCURRENCY_LIMIT + 1 });
    });

    it('frees the place of a request whose client went away', async () => {
      const { gate, held } = holdSends(demo);
      const aborts = Array.from({ length: MAILBOX_CONCURRENCY_LIMIT }, () => new AbortController());
      const open = aborts.map((abort) =>
        fetch(sendMailUrl(demo), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${demo.token}` },
          body: JSON.stringify(simpleMessage()),
          signal: abort.signal,
        }).catch(() => 'aborted'),
      );
      await until(() => held() === MAILBOX_CONCURRENCY_LIMIT, 'four sends are held');
      aborts[0]?.abort();
      await open[0];
      // The server sees the connection close on its own turn of the event loop.
      let status = 429;
      await until(
        () => status !== 429,
        'the aborted request no longer counts',
        async () => {
          status = (await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox`)).status;
        },
      );
      expect(status).toBe(200);
      gate.open();
      await Promise.all(open);
    });
  });

  describe('message rate', () => {
    let now = T0;
    let cases = 0;
    beforeEach(() => {
      now = T0;
      jest.spyOn(Date, 'now').mockImplementation(() => now);
    });

    const sendMail = () => postJson(sendMailUrl(demo), demo.token, simpleMessage());
    const sendDraft = async () => {
      const messagesUrl = `${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages`;
      const created = await postJson(messagesUrl, demo.token, simpleMessage().message);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      return fetch(`${messagesUrl}/${id}/send`, { method: 'POST', headers: { Authorization: `Bearer ${demo.token}` } });
    };
    const rateRefusal =
      'Cannot send mail. The mailbox is over its message rate limit of 30 messages per minute; retry after the Retry-After interval.';

    it.each([
      ['sendMail', sendMail],
      ["a draft's /send", sendDraft],
    ])(
      `refuses the ${MESSAGE_RATE_LIMIT + 1}st message in ${MESSAGE_RATE_WINDOW_MS / 1000} s sent by %s, and takes it once the window has passed`,
      async (_name, send) => {
        // Each case starts in its own hour, clear of the sends of the one before.
        cases += 1;
        now = T0 + cases * 60 * MESSAGE_RATE_WINDOW_MS;
        const start = now;
        const before = demo.emulator.sentMessages(SUPPORT).length;
        for (let i = 0; i < MESSAGE_RATE_LIMIT; i += 1) {
          expect((await sendMail()).status).toBe(202);
          now += 1000;
        }
        // 30 sent at start+0 s … start+29 s; now is start+30 s: the first leaves the window at start+60 s.
        await expectGraphError(await send(), 429, 'ErrorExceededMessageLimit', rateRefusal, '30');
        now = start + MESSAGE_RATE_WINDOW_MS - 1;
        await expectGraphError(await send(), 429, 'ErrorExceededMessageLimit', rateRefusal, '1');
        now = start + MESSAGE_RATE_WINDOW_MS;
        expect((await send()).status).toBe(202);
        // The window slides: the second message (start+1 s) is still in it.
        await expectGraphError(await send(), 429, 'ErrorExceededMessageLimit', rateRefusal, '1');

        expect(demo.emulator.sentMessages(SUPPORT)).toHaveLength(before + MESSAGE_RATE_LIMIT + 1);
        const stats = demo.emulator.deliveryStats();
        expect(stats.limitRefusals).toEqual({ concurrency: 0, messageRate: 3 });
        expect(stats.acceptedSends).toEqual({
          [SUPPORT]: [
            ...Array.from({ length: MESSAGE_RATE_LIMIT }, (_, i) => start + i * 1000),
            start + MESSAGE_RATE_WINDOW_MS,
          ],
        });
      },
    );
  });
});

describe('Microsoft emulator with limits: false', () => {
  const demo = useDemo({ limits: false });
  afterEach(() => jest.restoreAllMocks());

  it('refuses neither a fifth open request nor a 31st message in a minute, and still counts them', async () => {
    jest.spyOn(Date, 'now').mockImplementation(() => T0);
    const { gate, held } = holdSends(demo);
    const open = Array.from({ length: MAILBOX_CONCURRENCY_LIMIT + 1 }, () =>
      postJson(sendMailUrl(demo), demo.token, simpleMessage()),
    );
    await until(() => held() === MAILBOX_CONCURRENCY_LIMIT + 1, 'five sends are held');
    gate.open();
    expect((await Promise.all(open)).every((response) => response.status === 202)).toBe(true);
    demo.emulator.setSendHook(undefined);
    for (let i = 0; i < MESSAGE_RATE_LIMIT - MAILBOX_CONCURRENCY_LIMIT; i += 1)
      expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage())).status).toBe(202);

    const stats = demo.emulator.deliveryStats();
    expect(stats.limitRefusals).toEqual({ concurrency: 0, messageRate: 0 });
    expect(stats.peakConcurrency).toEqual({ [SUPPORT]: MAILBOX_CONCURRENCY_LIMIT + 1 });
    expect(stats.acceptedSends[SUPPORT]).toEqual(Array.from({ length: MESSAGE_RATE_LIMIT + 1 }, () => T0));
  });
});
