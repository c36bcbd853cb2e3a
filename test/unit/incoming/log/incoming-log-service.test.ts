import { listIncomingLogSchema } from '../../../../src/contract/incoming-log';
import { IncomingLogErrorCode } from '../../../../src/incoming/log/errors';
import { createIncomingLogService } from '../../../../src/incoming/log/incoming-log-service';
import type { IncomingJob } from '../../../../src/incoming/notifications/incoming-jobs';
import { claimMessage } from '../../../../src/incoming/records/claim-message';
import { createIncomingRecordStore } from '../../../../src/incoming/records/incoming-records';
import { incomingMessageKey } from '../../../../src/incoming/records/message-key';
import { INCOMING_MESSAGE_INDEXES, MemoryEntityStore } from '../../support/memory-entity-store';
import { NOW, seedMessage, seenMessage } from './incoming-log-fixtures';

const HANDLERS = [
  { id: 'handler-1', name: 'Support inbox', enabled: true },
  { id: 'handler-2', name: 'Sales inbox', enabled: true },
  { id: 'handler-off', name: 'Paused inbox', enabled: false },
];

const world = () => {
  const entities = new MemoryEntityStore(INCOMING_MESSAGE_INDEXES);
  const records = createIncomingRecordStore(entities);
  const pushed: IncomingJob[][] = [];
  const queue = {
    failNext: false,
    push: async (jobs: readonly IncomingJob[]) => {
      if (queue.failNext) throw new Error('RateLimitError: over 500 events a minute');
      pushed.push([...jobs]);
    },
  };
  const clock = { now: NOW };
  const log = createIncomingLogService({ records, queue, now: () => clock.now, handlers: async () => HANDLERS });
  return { records, pushed, queue, clock, log };
};

const list = (log: ReturnType<typeof world>['log'], input: Parameters<typeof listIncomingLogSchema.parse>[0] = {}) =>
  log.list(listIncomingLogSchema.parse(input));

/** Five messages a minute apart, each ended another way. */
const seeded = async () => {
  const w = world();
  const { records } = w;
  await seedMessage(records, seenMessage(1), NOW - 5 * 60_000, { status: 'created', issueKey: 'DEMO-12' });
  await seedMessage(records, seenMessage(2, { handlerId: 'handler-2' }), NOW - 4 * 60_000, {
    status: 'commented',
    issueKey: 'DEMO-3',
    commentId: '10040',
  });
  await seedMessage(records, seenMessage(3, { from: { address: 'ooo@partner.example' } }), NOW - 3 * 60_000, {
    status: 'ignored',
    reason: 'AUTO_SUBMITTED',
  });
  await seedMessage(records, seenMessage(4), NOW - 2 * 60_000, { status: 'held', reason: 'sender-hourly-limit' });
  await seedMessage(records, seenMessage(5, { handlerId: 'handler-gone' }), NOW - 60_000, {
    status: 'failed',
    error: { code: 'JIRA_FORBIDDEN', message: 'Jira refused the app: it may not write to this issue or project.' },
  });
  return w;
};

const keyOf = (n: number) => incomingMessageKey(seenMessage(n));

describe('the incoming log service', () => {
  it('lists every message newest first, each with its handler, sender, result and request-id', async () => {
    const { log } = await seeded();
    const page = await list(log);
    expect(page.handlers).toEqual(HANDLERS);
    expect(page.cursor).toBeUndefined();
    expect(page.items.map((item) => [item.subject, item.handlerName, item.result, item.canProcessAgain])).toEqual([
      // A deleted handler's message cannot be processed again: the worker drops its jobs.
      [
        'Message 5',
        'Deleted handler',
        'Failed: Jira refused the app: it may not write to this issue or project.',
        false,
      ],
      ['Message 4', 'Support inbox', 'Held: sender over the hourly limit', true],
      ['Message 3', 'Support inbox', 'Ignored: auto-reply', false],
      ['Message 2', 'Sales inbox', 'Commented on DEMO-3', false],
      ['Message 1', 'Support inbox', 'Created DEMO-12', false],
    ]);
    expect(page.items[4]).toEqual({
      messageKey: keyOf(1),
      createdAt: new Date(NOW - 5 * 60_000).toISOString(),
      updatedAt: new Date(NOW - 5 * 60_000 + 1_000).toISOString(),
      receivedAt: new Date(NOW - 60_000).toISOString(),
      handlerId: 'handler-1',
      handlerName: 'Support inbox',
      mailbox: 'support@contoso.com',
      from: { name: 'Casey Customer', address: 'Casey@Customer.example' },
      subject: 'Message 1',
      status: 'created',
      result: 'Created DEMO-12',
      issueKey: 'DEMO-12',
      requestId: 'req-1',
      canProcessAgain: false,
    });
  });

  it.each([
    ['status', { status: 'held' }, ['Message 4']],
    ['handler', { handlerId: 'handler-2' }, ['Message 2']],
    ['sender, in any case', { sender: ' OOO@Partner.example ' }, ['Message 3']],
    ['sender and status', { sender: 'casey@customer.example', status: 'created' }, ['Message 1']],
    ['handler and status', { handlerId: 'handler-1', status: 'ignored' }, ['Message 3']],
    [
      'time range (from inclusive, to exclusive)',
      { from: new Date(NOW - 4 * 60_000).toISOString(), to: new Date(NOW - 2 * 60_000).toISOString() },
      ['Message 3', 'Message 2'],
    ],
  ] as const)('filters by %s', async (_name, filters, subjects) => {
    const { log } = await seeded();
    const page = await list(log, filters);
    expect(page.items.map((item) => item.subject)).toEqual(subjects);
  });

  it('pages with the cursor storage gives, and names a cursor storage refuses as a stale page', async () => {
    const { log } = await seeded();
    const first = await list(log, { limit: 2 });
    expect(first.items.map((item) => item.subject)).toEqual(['Message 5', 'Message 4']);
    expect(first.cursor).toBeDefined();
    const second = await list(log, { limit: 2, cursor: first.cursor });
    expect(second.items.map((item) => item.subject)).toEqual(['Message 3', 'Message 2']);
    const third = await list(log, { limit: 2, cursor: second.cursor });
    expect(third.items.map((item) => item.subject)).toEqual(['Message 1']);
    expect(third.cursor).toBeUndefined();
  });

  it('opens one message with its ids, codes and the handlers that had a copy, by name', async () => {
    const { log, records, clock } = await seeded();
    // A Cc copy of message 1 in the sales mailbox meets the same record.
    await claimMessage(records, seenMessage(1, { handlerId: 'handler-2', graphMessageId: 'AAMk-copy' }), {
      now: clock.now,
      leaseMs: 120_000,
    });
    const entry = await log.get(keyOf(1));
    expect(entry).toMatchObject({
      subject: 'Message 1',
      internetMessageId: '<message-1@customer.example>',
      attempts: 1,
      alsoSeenBy: ['Sales inbox'],
      result: 'Created DEMO-12',
    });
    expect(await log.get(keyOf(2))).toMatchObject({ commentId: '10040', issueKey: 'DEMO-3' });
    expect(await log.get(keyOf(5))).toMatchObject({
      error: { code: 'JIRA_FORBIDDEN', message: 'Jira refused the app: it may not write to this issue or project.' },
    });
    await expect(log.get('0'.repeat(64))).rejects.toMatchObject({ code: IncomingLogErrorCode.NotFound });
  });

  it.each([
    ['failed', 6, 'handler-2'],
    ['held', 4, 'handler-1'],
  ] as const)(
    '"Process again" of a %s message makes it Processing and queues one job for the worker',
    async (_status, n, handlerId) => {
      const { log, pushed, records, clock } = await seeded();
      await seedMessage(records, seenMessage(6, { handlerId: 'handler-2' }), NOW - 30_000, {
        status: 'failed',
        error: { code: 'GRAPH_ITEM_GONE', message: 'The message or an attachment is no longer in the mailbox.' },
      });
      clock.now = NOW + 10_000;
      const entry = await log.processAgain(keyOf(n));
      expect(entry).toMatchObject({ status: 'processing', result: 'Processing', canProcessAgain: false, attempts: 2 });
      expect(entry.error).toBeUndefined();
      expect(entry.reason).toBeUndefined();
      expect(pushed).toEqual([
        [{ kind: 'message', handlerId, messageId: `AAMk-${n}`, processAgain: true, messageKey: keyOf(n) }],
      ]);

      // The job's run takes the message over at once: no run holds the claim, so it is never "busy".
      const claim = await claimMessage(records, seenMessage(n, { handlerId }), {
        now: clock.now,
        leaseMs: 120_000,
      });
      expect(claim.kind).toBe('resumed');
    },
  );

  it.each([
    ['deleted', 'handler-gone'],
    ['switched off', 'handler-off'],
  ])('refuses "Process again" of a message whose handler is %s, and leaves it as it was', async (_name, handlerId) => {
    const { log, pushed, records } = world();
    await seedMessage(records, seenMessage(7, { handlerId }), NOW, {
      status: 'held',
      reason: 'sender-hourly-limit',
    });
    const before = await records.get(keyOf(7));
    expect((await log.get(keyOf(7))).canProcessAgain).toBe(false);
    await expect(log.processAgain(keyOf(7))).rejects.toMatchObject({ code: IncomingLogErrorCode.HandlerOff });
    expect(await records.get(keyOf(7))).toEqual(before);
    expect(pushed).toEqual([]);
  });

  it.each([1, 2, 3])(
    'refuses "Process again" of a message that is not held or failed (%i), and queues nothing',
    async (n) => {
      const { log, pushed, records } = await seeded();
      const before = await records.get(keyOf(n));
      await expect(log.processAgain(keyOf(n))).rejects.toMatchObject({ code: IncomingLogErrorCode.NotReprocessable });
      expect(await records.get(keyOf(n))).toEqual(before);
      expect(pushed).toEqual([]);
    },
  );

  it('refuses "Process again" of a message still processing, and of one not in the log', async () => {
    const { log, records, pushed } = world();
    await seedMessage(records, seenMessage(9), NOW);
    await expect(log.processAgain(incomingMessageKey(seenMessage(9)))).rejects.toMatchObject({
      code: IncomingLogErrorCode.NotReprocessable,
    });
    await expect(log.processAgain('a'.repeat(64))).rejects.toMatchObject({ code: IncomingLogErrorCode.NotFound });
    expect(pushed).toEqual([]);
  });

  it('puts the message back as it was when the queue does not take the job', async () => {
    const { log, queue, records, pushed } = await seeded();
    const before = await records.get(keyOf(4));
    queue.failNext = true;
    await expect(log.processAgain(keyOf(4))).rejects.toMatchObject({ code: IncomingLogErrorCode.QueueUnavailable });
    const after = await records.get(keyOf(4));
    expect(after).toMatchObject({ status: 'held', reason: before?.reason, attempts: before?.attempts });
    expect(pushed).toEqual([]);
    // And it can be processed again once the queue takes jobs.
    queue.failNext = false;
    await expect(log.processAgain(keyOf(4))).resolves.toMatchObject({ status: 'processing' });
  });
});
