import { type FaultMix, MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from '../../../local/microsoft';
import { type GraphErrorBody, graphGet, postJson, sendMailUrl, simpleMessage, until, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
/** Enough draws for the proportions; 2,000 requests one after another, some 10 s alone and far more on a busy machine. */
const REQUESTS = 1000;

const MIX: FaultMix = {
  probability: 0.25,
  kinds: ['throttle', 'unavailable', 'slow'],
  retryAfterSeconds: { min: 1, max: 5 },
  slowDelayMs: { min: 0, max: 1 },
  seed: 20300601,
};

/**
 * What seed 20300601 gives over 1000 requests, pinned so a change of generator or draw order shows. Each count
 * lies within 4 standard deviations of its binomial expectation (total: 250 ± 55; each kind: 83.3 ± 35).
 */
const SEEDED_COUNTS = { throttle: 93, unavailable: 89, slow: 72 };

interface Seen {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
}

describe('Microsoft emulator fault mix', () => {
  const demo = useDemo();
  afterEach(() => {
    demo.emulator.setFaultMix(undefined);
    demo.emulator.clearFaults();
    demo.emulator.resetDeliveryStats();
  });

  const run = async (count: number): Promise<Seen[]> => {
    const seen: Seen[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox?$select=displayName`);
      const body = (await response.json()) as Partial<GraphErrorBody>;
      seen.push({ status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.code });
    }
    return seen;
  };

  it('gives the same faults for the same seed, in the proportions asked for', async () => {
    demo.emulator.setFaultMix(MIX);
    const first = await run(REQUESTS);
    const firstStats = demo.emulator.deliveryStats();
    demo.emulator.resetDeliveryStats();
    demo.emulator.setFaultMix(MIX);
    const second = await run(REQUESTS);

    expect(second).toEqual(first);
    expect(demo.emulator.deliveryStats()).toEqual(firstStats);
    expect(firstStats.injected).toEqual(SEEDED_COUNTS);
    const tally = (status: number) => first.filter((seen) => seen.status === status).length;
    expect([tally(429), tally(503), tally(200)]).toEqual([
      SEEDED_COUNTS.throttle,
      SEEDED_COUNTS.unavailable,
      REQUESTS - SEEDED_COUNTS.throttle - SEEDED_COUNTS.unavailable,
    ]);

    const total = SEEDED_COUNTS.throttle + SEEDED_COUNTS.unavailable + SEEDED_COUNTS.slow;
    expect(Math.abs(total - REQUESTS * MIX.probability)).toBeLessThanOrEqual(4 * Math.sqrt(REQUESTS * 0.25 * 0.75));
    for (const kind of Object.values(SEEDED_COUNTS)) {
      expect(Math.abs(kind - REQUESTS / 12)).toBeLessThanOrEqual(4 * Math.sqrt(REQUESTS * (1 / 12) * (11 / 12)));
    }
    // Every refusal carries a whole-second Retry-After from the range, and the whole range is used.
    const retryAfters = first.filter((seen) => seen.status !== 200).map((seen) => seen.retryAfter);
    expect([...new Set(retryAfters)].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(first.filter((seen) => seen.status === 429).map((seen) => seen.code))).toEqual(
      new Set(['TooManyRequests']),
    );
    expect(new Set(first.filter((seen) => seen.status === 503).map((seen) => seen.code))).toEqual(
      new Set(['serviceNotAvailable']),
    );
  }, 120_000);

  it('gives other faults for another seed', async () => {
    demo.emulator.setFaultMix(MIX);
    const first = await run(100);
    demo.emulator.setFaultMix({ ...MIX, seed: MIX.seed + 1 });
    expect(await run(100)).not.toEqual(first);
  });

  it.each([
    [
      'throttle',
      429,
      'TooManyRequests',
      'Please retry again later.',
      { code: '429', message: 'Please retry after', status: '429' },
    ],
    [
      'unavailable',
      503,
      'serviceNotAvailable',
      'The service is not available. Try the request again after a delay. There may be a Retry-After header.',
      {},
    ],
  ] as const)(
    'answers a %s draw as Graph does, with the drawn Retry-After',
    async (kind, status, code, message, inner) => {
      demo.emulator.setFaultMix({ ...MIX, probability: 1, kinds: [kind], retryAfterSeconds: { min: 7, max: 7 } });
      const before = demo.emulator.sentMessages().length;
      const response = await postJson(sendMailUrl(demo), demo.token, simpleMessage());
      expect(response.status).toBe(status);
      expect(response.headers.get('retry-after')).toBe('7');
      const body = (await response.json()) as GraphErrorBody;
      expect(body.error).toEqual({
        code,
        message,
        innerError: {
          ...inner,
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
          'request-id': response.headers.get('request-id'),
          'client-request-id': response.headers.get('request-id'),
        },
      });
      expect(demo.emulator.sentMessages()).toHaveLength(before);
      expect(demo.emulator.deliveryStats().injected).toEqual({ throttle: 0, unavailable: 0, slow: 0, [kind]: 1 });
    },
  );

  it('lets queued faults go first, without drawing from the mix', async () => {
    demo.emulator.setFaultMix({ ...MIX, probability: 1, kinds: ['unavailable'] });
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 1 });
    const queued = await postJson(sendMailUrl(demo), demo.token, simpleMessage());
    expect(queued.status).toBe(429);
    expect(((await queued.json()) as GraphErrorBody).error.code).toBe('ApplicationThrottled');
    expect((await postJson(sendMailUrl(demo), demo.token, simpleMessage())).status).toBe(503);
    expect(demo.emulator.deliveryStats().injected).toEqual({ throttle: 0, unavailable: 1, slow: 0 });
  });

  it('leaves the token endpoint alone', async () => {
    demo.emulator.setFaultMix({ ...MIX, probability: 1, kinds: ['throttle'] });
    const response = await fetch(`${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: demo.app.clientId,
        client_secret: 'wrong',
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    });
    expect(response.status).toBe(401);
    expect(demo.emulator.deliveryStats().injected.throttle).toBe(0);
  });

  describe('slow answers', () => {
    const slow = (slowAfterWork: boolean): FaultMix => ({
      ...MIX,
      probability: 1,
      kinds: ['slow'],
      slowDelayMs: { min: 60_000, max: 60_000 },
      slowAfterWork,
    });

    it('with slowAfterWork, accepts and stores the message before the wait, so a client that gives up does not know', async () => {
      demo.emulator.setFaultMix(slow(true));
      const before = demo.emulator.sentMessages(SUPPORT).length;
      const abort = new AbortController();
      let answered = false;
      const request = fetch(sendMailUrl(demo), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${demo.token}` },
        body: JSON.stringify(simpleMessage('DEMO-9: Slow but sent')),
        signal: abort.signal,
      }).then(
        () => {
          answered = true;
          return 'answered';
        },
        () => 'aborted',
      );
      await until(() => demo.emulator.sentMessages(SUPPORT).length === before + 1, 'the message is stored');
      expect(answered).toBe(false);
      expect(demo.emulator.deliveryStats().acceptedSends[SUPPORT]).toHaveLength(1);
      abort.abort();
      expect(await request).toBe('aborted');
      expect(demo.emulator.sentMessages(SUPPORT).at(-1)?.message.subject).toBe('DEMO-9: Slow but sent');
      expect(demo.emulator.deliveryStats().injected.slow).toBe(1);
    });

    it('without it, waits first and drops the request of a client that gave up', async () => {
      demo.emulator.setFaultMix({ ...slow(false), slowDelayMs: { min: 30, max: 30 } });
      const seenHooks: string[] = [];
      demo.emulator.setSendHook((point) => {
        seenHooks.push(point);
      });
      const before = demo.emulator.sentMessages(SUPPORT).length;
      const graphBefore = demo.emulator.requestCounts().graph;
      const abort = new AbortController();
      const request = fetch(sendMailUrl(demo), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${demo.token}` },
        body: JSON.stringify(simpleMessage('DEMO-9: Never sent')),
        signal: abort.signal,
      }).then(
        () => 'answered',
        () => 'aborted',
      );
      await until(
        () =>
          demo.emulator.deliveryStats().injected.slow === 1 && demo.emulator.requestCounts().graph === graphBefore + 1,
        'the request is held',
      );
      abort.abort();
      expect(await request).toBe('aborted');
      // A later request, drawn after the held one, is answered only after the held one's 30 ms have passed.
      demo.emulator.setFaultMix({ ...slow(false), slowDelayMs: { min: 60, max: 60 } });
      expect((await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox`)).status).toBe(200);
      demo.emulator.setSendHook(undefined);
      expect(seenHooks).toEqual([]);
      expect(demo.emulator.sentMessages(SUPPORT)).toHaveLength(before);
    });
  });

  it.each<[string, Partial<FaultMix>]>([
    ['a probability over 1', { probability: 1.5 }],
    ['a negative probability', { probability: -0.1 }],
    ['no kinds', { kinds: [] }],
    ['an unknown kind', { kinds: ['explode' as FaultMix['kinds'][number]] }],
    ['a fractional Retry-After', { retryAfterSeconds: { min: 0.5, max: 2 } }],
    ['a Retry-After range upside down', { retryAfterSeconds: { min: 5, max: 1 } }],
    ['a negative delay', { slowDelayMs: { min: -1, max: 10 } }],
    ['a fractional seed', { seed: 1.5 }],
  ])('refuses a mix with %s', (_name, change) => {
    let thrown: unknown;
    try {
      demo.emulator.setFaultMix({ ...MIX, ...change });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MicrosoftEmulatorError);
    expect((thrown as MicrosoftEmulatorError).code).toBe(MicrosoftEmulatorErrorCode.FaultInvalid);
  });
});
