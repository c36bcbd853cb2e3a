import { seenMessage } from '../../../../src/incoming/process/claim-run';
import { claimMessage } from '../../../../src/incoming/records/claim-message';
import { connectionSource } from '../../../../src/incoming/upkeep/connection-source';
import { handleIncomingJob } from '../../../../src/incoming/worker/handle-incoming-job';
import { MAX_MESSAGE_ATTEMPTS, retryDelaySeconds } from '../../../../src/incoming/worker/message-retry';
import { JiraError, JiraErrorCode } from '../../../../src/jira/errors';
import { GraphError, GraphErrorCode } from '../../../../src/providers/microsoft/graph/errors';
import { asIncomingFailure } from '../../../../src/providers/microsoft/incoming/incoming-failure';
import { page } from '../../providers/microsoft/incoming/connection/connection-world';
import { inboundMessage, LEASE_MS, NOW } from '../process/process-world';
import { handlerView, workerWorld } from './worker-world';

const RECEIPT = { status: 200, requestId: 'r', clientRequestId: 'c', attempts: 1 };

const message = (n: number) =>
  inboundMessage({
    id: `AAMk-${n}`,
    internetMessageId: `<m${n}@customer.example>`,
    conversationId: `c-${n}`,
    subject: `Help ${n}`,
  });

describe('the incoming worker: notified messages', () => {
  it('processes each message of the job in order, each to its own issue', async () => {
    const world = workerWorld();
    for (const n of [1, 2, 3]) world.mailbox.put(message(n));
    const summary = await handleIncomingJob(
      { kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-1', 'AAMk-2', 'AAMk-3'] },
      world.deps,
    );
    expect(summary).toEqual({
      job: 'notified',
      outcome: 'processed',
      messages: { outcomes: ['created', 'created', 'created'], handedOn: 0 },
    });
    expect([...world.processing.jira.issues.values()].map((issue) => issue.summary)).toEqual([
      'Help 1',
      'Help 2',
      'Help 3',
    ]);
    expect(world.pushes).toEqual([]);
  });

  it('sends a throttled message back to the queue after Retry-After, and goes on with the others', async () => {
    const world = workerWorld();
    for (const n of [1, 2]) world.mailbox.put(message(n));
    world.mailbox.failures.set(
      'readMessage',
      new GraphError(GraphErrorCode.Throttled, 'GET message answered 429.', { status: 429, retryAfterSeconds: 7 }),
    );
    const summary = await handleIncomingJob(
      { kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-1', 'AAMk-2'] },
      world.deps,
    );
    expect(summary).toMatchObject({ messages: { outcomes: ['retry', 'created'] } });
    expect(world.pushes).toEqual([
      {
        jobs: [{ kind: 'message', handlerId: 'h-support', messageId: 'AAMk-1', attempt: 1 }],
        delaySeconds: 7,
      },
    ]);
  });

  it('waits out the lease of a message another run holds, without counting an attempt', async () => {
    const world = workerWorld();
    world.mailbox.put(message(1));
    const seen = seenMessage(
      message(1),
      { handlerId: 'h-support', messageId: 'AAMk-1' },
      'support@contoso.com',
      RECEIPT,
      NOW,
    );
    await claimMessage(world.processing.records, seen, { now: NOW, leaseMs: LEASE_MS });
    await handleIncomingJob({ kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-1'] }, world.deps);
    expect(world.pushes).toEqual([
      {
        jobs: [{ kind: 'message', handlerId: 'h-support', messageId: 'AAMk-1', attempt: 0 }],
        delaySeconds: LEASE_MS / 1000,
      },
    ]);
  });

  it('records a passing failure as failed on the last attempt, for Process again', async () => {
    const world = workerWorld();
    world.mailbox.put(message(1));
    world.processing.jira.failBefore.set(
      'createIssue',
      new JiraError(JiraErrorCode.RequestFailed, 'POST /rest/api/3/issue answered 503.', { status: 503 }),
    );
    const summary = await handleIncomingJob(
      { kind: 'message', handlerId: 'h-support', messageId: 'AAMk-1', attempt: MAX_MESSAGE_ATTEMPTS - 1 },
      world.deps,
    );
    expect(summary).toMatchObject({ messages: { outcomes: ['failed'] } });
    expect(world.pushes).toEqual([]);
    expect(
      (await world.processing.records.query({ status: 'failed', order: 'newest', limit: 10 })).records.map(
        (one) => one.error?.code,
      ),
    ).toEqual(['JIRA_REQUEST_FAILED']);
  });

  it('hands the messages left to a new job once its time is spent', async () => {
    const world = workerWorld();
    for (const n of [1, 2, 3]) world.mailbox.put(message(n));
    world.clock.tick = 40_000;
    const summary = await handleIncomingJob(
      { kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-1', 'AAMk-2', 'AAMk-3'] },
      world.deps,
    );
    expect(summary).toMatchObject({ messages: { outcomes: ['created'], handedOn: 2 } });
    expect(world.pushes).toEqual([
      {
        jobs: [{ kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-2', 'AAMk-3'] }],
        delaySeconds: undefined,
      },
    ]);
  });

  it.each([
    ['deleted', undefined],
    ['switched off', handlerView({ enabled: false })],
  ])('drops the jobs of a handler that is %s', async (_case, view) => {
    const world = workerWorld();
    world.handlers.clear();
    if (view !== undefined) world.handlers.set(view.id, view);
    world.mailbox.put(message(1));
    expect(
      await handleIncomingJob({ kind: 'notified', handlerId: 'h-support', messageIds: ['AAMk-1'] }, world.deps),
    ).toEqual({ job: 'notified', outcome: 'handler-off' });
    expect(world.processing.jira.issues.size).toBe(0);
  });
});

describe('the incoming worker: connections', () => {
  it('connects a handler: its state names what it reads, and the last N days are queued 50 a job', async () => {
    const world = workerWorld(handlerView({ backfillDays: 2 }));
    const ids = Array.from({ length: 120 }, (_, n) => `old-${n}`);
    world.connection.mailbox.pages.set('start', page(ids, { kind: 'done', deltaLink: 'delta-1' }));
    const summary = await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps);
    expect(summary).toEqual({ job: 'connect', outcome: 'queued', messages: 120 });
    expect(
      world.pushes.flatMap((push) => push.jobs).map((job) => (job.kind === 'notified' ? job.messageIds.length : 0)),
    ).toEqual([50, 50, 20]);
    const state = await world.connection.deps.states.get('h-support');
    expect(state).toMatchObject({ deltaLink: 'delta-1', source: connectionSource(handlerView()) });
  });

  it('leaves a handler connected to what it reads as it is (a save that changed only its project)', async () => {
    const world = workerWorld();
    await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps);
    world.connection.mailbox.calls.length = 0;
    expect(await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps)).toEqual({
      job: 'connect',
      outcome: 'connected',
    });
    expect(world.connection.mailbox.calls).toEqual([]);
  });

  it('runs the delta round and queues what it brings; a handler never connected has none', async () => {
    const world = workerWorld();
    expect(await handleIncomingJob({ kind: 'delta', handlerId: 'h-support' }, world.deps)).toEqual({
      job: 'delta',
      outcome: 'not-connected',
    });
    await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps);
    world.connection.mailbox.pages.set('delta-1', page(['new-1'], { kind: 'done', deltaLink: 'delta-2' }));
    expect(await handleIncomingJob({ kind: 'delta', handlerId: 'h-support' }, world.deps)).toEqual({
      job: 'delta',
      outcome: 'queued',
      messages: 1,
    });
    expect(world.pushes.at(-1)?.jobs).toEqual([{ kind: 'notified', handlerId: 'h-support', messageIds: ['new-1'] }]);
  });

  it.each([
    ['reauthorizationRequired', 'renew'],
    ['subscriptionRemoved', 'subscribe'],
    ['missed', 'follow'],
  ] as const)('answers the lifecycle event %s (%s)', async (event, call) => {
    const world = workerWorld();
    await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps);
    const subscriptionId = (await world.connection.deps.states.get('h-support'))?.subscriptionId ?? '';
    world.connection.mailbox.calls.length = 0;
    const summary = await handleIncomingJob(
      { kind: 'lifecycle', handlerId: 'h-support', subscriptionId, event },
      world.deps,
    );
    expect(summary).toMatchObject({ job: 'lifecycle', outcome: 'queued' });
    expect(world.connection.mailbox.calls.some((line) => line.startsWith(call))).toBe(true);
  });

  it('ignores a lifecycle event of a subscription the handler no longer uses', async () => {
    const world = workerWorld();
    await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps);
    world.connection.mailbox.calls.length = 0;
    expect(
      await handleIncomingJob(
        { kind: 'lifecycle', handlerId: 'h-support', subscriptionId: 'an-old-one', event: 'missed' },
        world.deps,
      ),
    ).toEqual({ job: 'lifecycle', outcome: 'stale' });
    expect(world.connection.mailbox.calls).toEqual([]);
  });

  it('disconnects a switched-off handler, and not one switched on again meanwhile', async () => {
    const world = workerWorld();
    await handleIncomingJob({ kind: 'connect', handlerId: 'h-support' }, world.deps);
    expect(await handleIncomingJob({ kind: 'disconnect', handlerId: 'h-support' }, world.deps)).toEqual({
      job: 'disconnect',
      outcome: 'handler-on',
    });
    world.handlers.set('h-support', handlerView({ enabled: false }));
    expect(await handleIncomingJob({ kind: 'disconnect', handlerId: 'h-support' }, world.deps)).toEqual({
      job: 'disconnect',
      outcome: 'disconnected',
    });
    expect(await world.connection.deps.states.get('h-support')).toBeUndefined();
    expect(world.connection.mailbox.subscriptions.size).toBe(0);
  });
});

describe('retry delays', () => {
  it.each([
    [1, asIncomingFailure(new GraphError(GraphErrorCode.Throttled, '429', { status: 429, retryAfterSeconds: 3 })), 3],
    [1, new Error('storage busy'), 5],
    [2, new Error('storage busy'), 10],
    [9, new Error('storage busy'), 900],
    [
      1,
      asIncomingFailure(new GraphError(GraphErrorCode.Throttled, '429', { status: 429, retryAfterSeconds: 4000 })),
      900,
    ],
    [1, asIncomingFailure(new GraphError(GraphErrorCode.Throttled, '429', { status: 429, retryAfterSeconds: 0 })), 1],
  ])('retry %p after %p waits %p s', (attempt, error, seconds) => {
    expect(retryDelaySeconds(attempt, error)).toBe(seconds);
  });
});
