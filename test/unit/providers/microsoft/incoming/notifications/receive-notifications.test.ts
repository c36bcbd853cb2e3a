import type { WebTriggerRequest } from '../../../../../../src/http/web-trigger-http';
import type { IncomingJob } from '../../../../../../src/incoming/notifications/incoming-jobs';
import { createSubscriptionRegistry } from '../../../../../../src/incoming/notifications/subscription-registry';
import { receiveNotifications } from '../../../../../../src/providers/microsoft/incoming/notifications/receive-notifications';
import { sha256Hex } from '../../../../../../src/shared/sha256-hex';
import { MemoryKvStore } from '../../../../support/memory-kv-store';

const SUPPORT_SUB = 'c6126aa3-0ed8-412f-a988-71e6cee627c4';
const SALES_SUB = '5522bd62-7c96-4530-85b0-00b916f6151a';
const SECRET = 'k3Y-support-clientState';

const world = async () => {
  const store = new MemoryKvStore();
  const subscriptions = createSubscriptionRegistry(store);
  await subscriptions.put({
    subscriptionId: SUPPORT_SUB,
    handlerId: 'h-support',
    clientStateDigest: sha256Hex(SECRET),
    expiresAt: '2026-12-09T10:00:00Z',
  });
  await subscriptions.put({
    subscriptionId: SALES_SUB,
    handlerId: 'h-sales',
    clientStateDigest: sha256Hex('sales-secret'),
    expiresAt: '2026-12-09T10:00:00Z',
  });
  const pushed: IncomingJob[][] = [];
  const logs: string[] = [];
  const deps = {
    subscriptions,
    push: async (jobs: readonly IncomingJob[]) => {
      pushed.push([...jobs]);
    },
    log: (line: string) => logs.push(line),
  };
  return { deps, pushed, logs, store };
};

const created = (subscriptionId: string, clientState: string | undefined, id: string) => ({
  subscriptionId,
  subscriptionExpirationDateTime: '2026-12-09T10:00:00Z',
  changeType: 'created',
  resource: `Users/622eaaff/Messages/${id}`,
  resourceData: { '@odata.type': '#Microsoft.Graph.Message', id },
  ...(clientState === undefined ? {} : { clientState }),
  tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
});

const post = (value: unknown[]): WebTriggerRequest => ({
  method: 'POST',
  headers: { 'Content-Type': ['application/json'] },
  body: JSON.stringify({ value }),
  queryParameters: {},
});

describe("the web trigger Graph calls: it checks and queues, and answers in Graph's 3 seconds", () => {
  it.each([
    ['a plain token', ['Validation: Testing client application reachability for subscription Request-Id: 4ac1']],
    ['a token with + and spaces as Forge decoded it', ['a+b c%2B d']],
    ['a token Forge split on its commas', ['one', 'two']],
  ])('echoes %s as text/plain, nothing else', async (_name, parts) => {
    const { deps, pushed } = await world();
    const answer = await receiveNotifications(
      { method: 'POST', body: '', queryParameters: { validationToken: parts } },
      deps,
    );
    expect(answer).toEqual({
      statusCode: 200,
      headers: { 'Content-Type': ['text/plain; charset=utf-8'], 'X-Content-Type-Options': ['nosniff'] },
      body: parts.join(','),
    });
    expect(pushed).toEqual([]);
  });

  it('echoes markup only as text: a browser is told not to read it as HTML', async () => {
    const { deps } = await world();
    const token = '<script>alert(1)</script>';
    const answer = await receiveNotifications({ method: 'POST', queryParameters: { validationToken: [token] } }, deps);
    expect(answer.body).toBe(token);
    expect(answer.headers?.['Content-Type']).toEqual(['text/plain; charset=utf-8']);
    expect(answer.headers?.['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it.each([
    ['an empty token', { validationToken: [''] }, 400],
    ["a token too long to be Graph's", { validationToken: ['x'.repeat(1025)] }, 400],
  ])('refuses %s', async (_name, queryParameters, status) => {
    const { deps } = await world();
    expect((await receiveNotifications({ method: 'POST', queryParameters }, deps)).statusCode).toBe(status);
  });

  it('takes POST only', async () => {
    const { deps } = await world();
    expect(await receiveNotifications({ method: 'GET', queryParameters: { validationToken: ['t'] } }, deps)).toEqual({
      statusCode: 405,
      headers: {
        'Content-Type': ['text/plain; charset=utf-8'],
        'X-Content-Type-Options': ['nosniff'],
        Allow: ['POST'],
      },
      body: 'Only POST.',
    });
  });

  it("queues one job per handler with its messages' ids, once each, and answers 202", async () => {
    const { deps, pushed, logs } = await world();
    const answer = await receiveNotifications(
      post([
        created(SUPPORT_SUB, SECRET, 'AAMk-1'),
        created(SALES_SUB, 'sales-secret', 'AAMk-9'),
        created(SUPPORT_SUB, SECRET, 'AAMk-2'),
        created(SUPPORT_SUB, SECRET, 'AAMk-1'),
      ]),
      deps,
    );
    expect(answer).toEqual({ statusCode: 202 });
    expect(pushed).toEqual([
      [
        { kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-1', 'AAMk-2'] },
        { kind: 'notified', handlerId: 'h-sales', messageIds: ['AAMk-9'] },
      ],
    ]);
    expect(logs).toEqual([]);
  });

  it('splits a burst into jobs of 50 messages', async () => {
    const { deps, pushed } = await world();
    const burst = Array.from({ length: 120 }, (_, n) => created(SUPPORT_SUB, SECRET, `AAMk-${n}`));
    await receiveNotifications(post(burst), deps);
    expect(pushed[0]?.map((job) => (job.kind === 'notified' ? job.messageIds.length : 0))).toEqual([50, 50, 20]);
  });

  it.each([
    [
      'a wrong clientState',
      [created(SUPPORT_SUB, 'guessed', 'AAMk-1')],
      '0 notification(s) of unknown subscriptions, 1 with a wrong clientState, 0 of another kind',
    ],
    [
      'no clientState',
      [created(SUPPORT_SUB, undefined, 'AAMk-1')],
      '0 notification(s) of unknown subscriptions, 1 with a wrong clientState, 0 of another kind',
    ],
    [
      "another subscription's clientState",
      [created(SUPPORT_SUB, 'sales-secret', 'AAMk-1')],
      '0 notification(s) of unknown subscriptions, 1 with a wrong clientState, 0 of another kind',
    ],
    [
      'an unknown subscription',
      [created('0b8a6a2e-0000-4000-8000-000000000000', SECRET, 'AAMk-1')],
      '1 notification(s) of unknown subscriptions, 0 with a wrong clientState, 0 of another kind',
    ],
    [
      'a subscription id that is no GUID',
      [created('credential:abc', SECRET, 'AAMk-1')],
      '1 notification(s) of unknown subscriptions, 0 with a wrong clientState, 0 of another kind',
    ],
    [
      'an update, not a new message',
      [{ ...created(SUPPORT_SUB, SECRET, 'AAMk-1'), changeType: 'updated' }],
      '0 notification(s) of unknown subscriptions, 0 with a wrong clientState, 1 of another kind',
    ],
  ])('refuses %s: nothing queued, logged, 202', async (_name, value, counts) => {
    const { deps, pushed, logs } = await world();
    expect(await receiveNotifications(post(value), deps)).toEqual({ statusCode: 202 });
    expect(pushed).toEqual([]);
    expect(logs).toEqual([`incoming mail: refused ${counts}; nothing queued for them`]);
    expect(logs.join('\n')).not.toContain(SECRET);
  });

  it('queues the good notifications of a POST that also carries refused ones', async () => {
    const { deps, pushed, logs } = await world();
    await receiveNotifications(
      post([created(SUPPORT_SUB, 'guessed', 'AAMk-6'), created(SUPPORT_SUB, SECRET, 'AAMk-7')]),
      deps,
    );
    expect(pushed).toEqual([[{ kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-7'] }]]);
    expect(logs).toHaveLength(1);
  });

  it('queues lifecycle events for the handler, and ignores kinds it does not know', async () => {
    const { deps, pushed, logs } = await world();
    const lifecycle = (event: string) => ({
      subscriptionId: SUPPORT_SUB,
      subscriptionExpirationDateTime: '2026-12-09T10:00:00Z',
      tenantId: '84bd8158',
      clientState: SECRET,
      lifecycleEvent: event,
    });
    await receiveNotifications(
      post([
        lifecycle('reauthorizationRequired'),
        lifecycle('missed'),
        lifecycle('subscriptionRemoved'),
        lifecycle('other'),
      ]),
      deps,
    );
    expect(pushed).toEqual([
      [
        { kind: 'lifecycle', handlerId: 'h-support', subscriptionId: SUPPORT_SUB, event: 'reauthorizationRequired' },
        { kind: 'lifecycle', handlerId: 'h-support', subscriptionId: SUPPORT_SUB, event: 'missed' },
        { kind: 'lifecycle', handlerId: 'h-support', subscriptionId: SUPPORT_SUB, event: 'subscriptionRemoved' },
      ],
    ]);
    expect(logs).toEqual([
      'incoming mail: refused 0 notification(s) of unknown subscriptions, 0 with a wrong clientState, 1 of another kind; nothing queued for them',
    ]);
  });

  it.each([
    ['no JSON', 'value=1', 'incoming mail: refused a web trigger call that is not JSON'],
    [
      'JSON without value',
      '{}',
      'incoming mail: refused a web trigger call that is no Graph notification (value: Invalid input: expected array, received undefined)',
    ],
  ])('answers 400 to %s, queueing nothing', async (_name, body, line) => {
    const { deps, pushed, logs } = await world();
    expect(await receiveNotifications({ method: 'POST', body }, deps)).toMatchObject({
      statusCode: 400,
      body: 'Not a Microsoft Graph notification.',
    });
    expect(pushed).toEqual([]);
    expect(logs).toEqual([line]);
  });

  it('answers 503 when the queue cannot take the work, so Graph sends it again', async () => {
    const { deps, logs } = await world();
    const answer = await receiveNotifications(post([created(SUPPORT_SUB, SECRET, 'AAMk-1')]), {
      ...deps,
      push: () => Promise.reject(new Error('RateLimitError')),
    });
    expect(answer).toMatchObject({ statusCode: 503, body: 'Try again later.' });
    expect(logs).toEqual(['incoming mail: could not queue 1 job(s); Graph will send the notifications again']);
  });
});
