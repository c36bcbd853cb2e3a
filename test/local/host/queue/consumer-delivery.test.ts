import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { JobDoesNotExistError, type PushEvent, Queue, TooManyEventsError } from '@forge/events';
import { kvs, WhereConditions } from '@forge/kvs';

import * as queueApp from './fixtures/queue-app';
import { drain, eventually, type QueueHost, severalPolls, startQueueHost } from './fixtures/queue-host';

jest.setTimeout(30_000);

let dataDir: string;
let queueHost: QueueHost;
const work = new Queue({ key: 'work-queue' });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-queue-'));
  queueHost = await startQueueHost(dataDir);
});

afterAll(async () => {
  await queueHost?.host.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  queueApp.reset();
  queueHost.logLines.length = 0;
});

afterEach(async () => {
  // A failed test may leave a delivery waiting; its time-out timer would keep jest running.
  queueApp.release('slow');
  await drain(queueHost);
});

const body = (id: string, action: queueApp.WorkAction, extra: Record<string, unknown> = {}): queueApp.WorkBody => ({
  id,
  action,
  ...extra,
});

const counters = () => {
  const { delivered, retried, dropped } = queueHost.host.queue.status();
  return { delivered, retried, dropped };
};

describe('the local queue delivers @forge/events pushes to the consumer', () => {
  it('hands the body to the resolver method as its payload, with the job id and no user', async () => {
    const before = counters();
    const { jobId } = await work.push({ body: body('e1', 'ok', { to: ['ann@example.test'], nested: { n: 1 } }) });
    await queueHost.host.queue.whenIdle();

    expect(queueApp.calls).toEqual([
      {
        payload: { id: 'e1', action: 'ok', to: ['ann@example.test'], nested: { n: 1 } },
        jobId,
        retryContext: undefined,
        accountId: undefined,
        moduleKey: 'work-consumer',
        moduleType: 'core:consumer',
        functionKey: 'work-fn',
      },
    ]);
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(counters()).toEqual({ ...before, delivered: before.delivered + 1 });
    expect(await work.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
    expect(queueHost.logLines).toEqual([]);
  });

  it('keeps an event back for its delayInSeconds, by the queue clock', async () => {
    const { host, clock } = queueHost;
    const pushedAt = clock.now();
    const { jobId } = await work.push({ body: body('late', 'ok'), delayInSeconds: 600 });

    await severalPolls();
    expect(queueApp.calls).toEqual([]);
    expect(host.queue.status()).toMatchObject({ ready: 0, delayed: 1, inFlight: 0, nextDueAt: pushedAt + 600_000 });
    expect(await work.getStats(jobId)).toEqual({ success: 0, inProgress: 1, failed: 0 });

    clock.advance(599_999);
    await severalPolls();
    expect(queueApp.calls).toEqual([]);

    clock.advance(1);
    await host.queue.whenIdle();
    expect(queueApp.calls.map((call) => call.payload.id)).toEqual(['late']);
    expect(host.queue.status()).toMatchObject({ ready: 0, delayed: 0, inFlight: 0, nextDueAt: undefined });
  });

  it.each([
    [2, 2],
    [1, 1],
  ])('runs at most concurrency.limit %i of the same key at once (5 events)', async (limit, expected) => {
    const events: PushEvent[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      body: body(id, 'ok', { group: 'mailbox-1' }),
      concurrency: { key: 'mailbox-1', limit },
    }));
    await work.push(events);
    await queueHost.host.queue.whenIdle();

    expect(queueApp.calls.map((call) => call.payload.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(queueApp.concurrency.byGroup.get('mailbox-1')?.max).toBe(expected);
  });

  it('limits each concurrency key on its own, across queues', async () => {
    await work.push(
      [1, 2, 3].map((n) => ({ body: body(`x${n}`, 'ok', { group: 'x' }), concurrency: { key: 'x', limit: 1 } })),
    );
    await new Queue({ key: 'quick-queue' }).push(
      [1, 2, 3].map((n) => ({ body: body(`y${n}`, 'ok', { group: 'y' }), concurrency: { key: 'x', limit: 1 } })),
    );
    await queueHost.host.queue.whenIdle();

    expect(queueApp.calls).toHaveLength(6);
    // One key over two queues: still one at a time.
    expect(queueApp.concurrency.maxRunning).toBe(1);
  });

  it('redelivers after an InvocationError with retryContext, after its retryAfter', async () => {
    const { host, clock } = queueHost;
    const before = counters();
    const { jobId } = await work.push({ body: body('r1', 'ask-retry-once') });
    await eventually(() => host.queue.status().delayed === 1, 'the retry to be scheduled');

    expect(host.queue.status().nextDueAt).toBe(clock.now() + 30_000);
    expect(queueHost.logLines).toEqual([
      expect.stringMatching(
        /^Queue work-queue: event [0-9a-f-]{36} \(job [0-9a-f-]{36}\) asked for a retry \(FUNCTION_UPSTREAM_RATE_LIMITED\); retry 1 of 4 in 30 s\.$/,
      ),
    ]);
    clock.advance(30_000);
    await host.queue.whenIdle();

    expect(queueApp.calls.map((call) => [call.jobId, call.retryContext])).toEqual([
      [jobId, undefined],
      [jobId, { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 1 } }],
    ]);
    expect(counters()).toEqual({
      delivered: before.delivered + 1,
      retried: before.retried + 1,
      dropped: before.dropped,
    });
  });

  it('retries a consumer that throws as FUNCTION_PLATFORM_UNKNOWN_ERROR, with exponential backoff, logging no body', async () => {
    const { host, clock } = queueHost;
    await work.push({ body: body('t1', 'throw-once', { secret: 'hunter2' }) });
    await eventually(() => host.queue.status().delayed === 1, 'the retry to be scheduled');

    expect(host.queue.status().nextDueAt).toBe(clock.now() + 1_000);
    await drain(queueHost);

    expect(queueApp.calls.map((call) => call.retryContext)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
    ]);
    expect(queueHost.logLines).toEqual([
      expect.stringMatching(/\) failed \(FixtureWorkError FIXTURE_FAILED\); retry 1 of 4 in 1 s\.$/),
    ]);
    expect(queueHost.logLines.join('\n')).not.toContain('hunter2');
  });

  it('drops an event after 4 retries, and counts it failed in its job', async () => {
    const before = counters();
    const { jobId } = await work.push({ body: body('d1', 'throw') });
    await drain(queueHost);

    expect(queueApp.calls.map((call) => call.retryContext)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
      { retryCount: 2, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
      { retryCount: 3, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
      { retryCount: 4, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
    ]);
    expect(queueHost.logLines.map((line) => line.replace(/^.*\) failed/, 'failed'))).toEqual([
      'failed (FixtureWorkError FIXTURE_FAILED); retry 1 of 4 in 1 s.',
      'failed (FixtureWorkError FIXTURE_FAILED); retry 2 of 4 in 2 s.',
      'failed (FixtureWorkError FIXTURE_FAILED); retry 3 of 4 in 4 s.',
      'failed (FixtureWorkError FIXTURE_FAILED); retry 4 of 4 in 8 s.',
      'failed (FixtureWorkError FIXTURE_FAILED); dropped after 4 retries.',
    ]);
    expect(counters()).toEqual({
      delivered: before.delivered,
      retried: before.retried + 4,
      dropped: before.dropped + 1,
    });
    expect(await work.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('keeps the app retryData of each retry request, and drops after the 4th', async () => {
    await work.push({ body: body('a1', 'ask-retry-always') });
    await drain(queueHost);

    expect(queueApp.calls.map((call) => call.retryContext)).toEqual([
      undefined,
      ...[1, 2, 3, 4].map((retryCount) => ({
        retryCount,
        retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
        retryData: { attempt: retryCount },
      })),
    ]);
    expect(queueHost.logLines.at(-1)).toMatch(
      /asked for a retry \(FUNCTION_UPSTREAM_RATE_LIMITED\); dropped after 4 retries\.$/,
    );
  });

  it('retries a consumer that runs past its timeoutSeconds as FUNCTION_TIME_OUT', async () => {
    await new Queue({ key: 'quick-queue' }).push({ body: body('slow', 'hold-first') });
    await drain(queueHost);

    expect(queueApp.calls.map((call) => [call.functionKey, call.retryContext])).toEqual([
      ['quick-fn', undefined],
      ['quick-fn', { retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' }],
    ]);
    expect(queueHost.logLines).toEqual([
      expect.stringMatching(/\) failed \(ConsumerTimeoutError INVOCATION_TIMEOUT\); retry 1 of 4 in 1 s\.$/),
    ]);
    queueApp.release('slow');
  });

  it('refuses 51 events in one push on the client, as @forge/events does, and stores none', async () => {
    const before = queueHost.host.queue.status();
    const events = Array.from({ length: 51 }, (_, n) => ({ body: body(`m${n}`, 'ok') }));
    await expect(work.push(events)).rejects.toThrow(TooManyEventsError);
    await expect(work.push(events)).rejects.toThrow('This push contains more than the 50 events allowed.');
    expect(queueHost.host.queue.status()).toEqual(before);
  });

  it('cancels the waiting events of a job; stats of an unknown job are JobDoesNotExistError', async () => {
    const { host } = queueHost;
    const { jobId } = await work.push([
      { body: body('c1', 'ok'), delayInSeconds: 60 },
      { body: body('c2', 'ok'), delayInSeconds: 60 },
    ]);
    expect(host.queue.status().delayed).toBe(2);
    await work.cancel(jobId);
    expect(host.queue.status().delayed).toBe(0);
    expect(await work.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 0 });

    await expect(work.getStats('no-such-job')).rejects.toThrow(JobDoesNotExistError);
    await expect(work.cancel('no-such-job')).rejects.toThrow(
      'The job no-such-job was not found for the queue work-queue.',
    );
    // A job belongs to its queue.
    await expect(new Queue({ key: 'quick-queue' }).getStats(jobId)).rejects.toThrow(JobDoesNotExistError);
  });

  it('keeps events for a queue no consumer listens to, logs that once, and never delivers them', async () => {
    const nobody = new Queue({ key: 'nobody-listens' });
    await nobody.push({ body: body('n1', 'ok') });
    await nobody.push({ body: body('n2', 'ok') });
    await severalPolls();

    expect(queueApp.calls).toEqual([]);
    expect(queueHost.logLines).toEqual([
      'Queue nobody-listens: no consumer module listens to it; its events are kept but not delivered.',
    ]);
    expect(queueHost.host.queue.status()).toMatchObject({ ready: 0, delayed: 0, inFlight: 0 });
    await queueHost.host.queue.whenIdle();
  });

  it("passes the manifest's custom entities to the runtime, so their indexes can be queried", async () => {
    const entries = kvs.entity<{ status: string; dueAt: number }>('outbox-entry');
    await entries.set('m1', { status: 'queued', dueAt: 20 });
    await entries.set('m2', { status: 'queued', dueAt: 10 });
    await entries.set('m3', { status: 'sent', dueAt: 5 });
    const queued = await entries
      .query()
      .index('by-status-due', { partition: ['queued'] })
      .where(WhereConditions.greaterThan(0))
      .getMany();
    expect(queued.results.map((result) => result.key)).toEqual(['m2', 'm1']);
  });

  it('shows the consumers and the queue counts on the home page', async () => {
    const { host, clock } = queueHost;
    const before = counters();
    await work.push({ body: body('h1', 'ok'), delayInSeconds: 30 });
    const response = await fetch(`${host.url}/`);
    const page = (await response.text()).replace(/\s+/g, ' ');
    const card = /<section class="jl-card" aria-labelledby="card-queues">.*?<\/section>/.exec(page)?.[0] ?? '';
    expect(card).toContain('<h2 id="card-queues">Async events</h2>');
    expect(card).toContain('<li><code>work-queue</code> &rarr; <code>work-fn</code></li>');
    expect(card).toContain('<li><code>quick-queue</code> &rarr; <code>quick-fn</code></li>');
    expect(card).toContain('<div><dt>Delayed</dt><dd>1</dd></div>');
    expect(card).toContain(`<div><dt>Delivered</dt><dd>${before.delivered}</dd></div>`);
    clock.advance(30_000);
    await host.queue.whenIdle();
  });
});
