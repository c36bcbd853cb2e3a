import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Queue } from '@forge/events';

import * as queueApp from './fixtures/queue-app';
import { drain, eventually, type QueueHost, startQueueHost } from './fixtures/queue-host';

jest.setTimeout(30_000);

let dataDir: string;
let running: QueueHost | undefined;

beforeEach(async () => {
  queueApp.reset();
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-queue-restart-'));
});

afterEach(async () => {
  // A failed test may leave a delivery waiting; its time-out timer would keep jest running.
  queueApp.release('stuck');
  await running?.host.close();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local queue across host restarts', () => {
  it('delivers events pushed before a restart after it', async () => {
    const first = await startQueueHost(dataDir);
    running = first;
    const { jobId } = await new Queue({ key: 'work-queue' }).push({
      body: { id: 'kept', action: 'ok' },
      delayInSeconds: 900,
    });
    await first.host.close();

    const second = await startQueueHost(dataDir);
    running = second;
    expect(second.host.queue.status()).toMatchObject({ ready: 0, delayed: 1, inFlight: 0 });
    await drain(second);

    expect(queueApp.calls.map((call) => [call.payload.id, call.jobId, call.retryContext])).toEqual([
      ['kept', jobId, undefined],
    ]);
    expect(second.host.queue.status()).toMatchObject({ delivered: 1, retried: 0, dropped: 0 });
  });

  it('redelivers an event left in flight by a host that stopped, once, as FUNCTION_TIME_OUT', async () => {
    const first = await startQueueHost(dataDir, { closeGraceMs: 50 });
    running = first;
    const { jobId } = await new Queue({ key: 'work-queue' }).push({ body: { id: 'stuck', action: 'hold-first' } });
    await eventually(() => queueApp.held('stuck') === 1, 'the first delivery to start');
    // close() gives up on the delivery that never answers: its lease stays in queue.sqlite.
    await first.host.close();
    expect(first.host.queue.status()).toMatchObject({ inFlight: 1, delivered: 0, retried: 0 });

    const second = await startQueueHost(dataDir);
    running = second;
    await second.host.queue.whenIdle();

    expect(queueApp.calls.map((call) => [call.payload.id, call.jobId, call.retryContext])).toEqual([
      ['stuck', jobId, undefined],
      ['stuck', jobId, { retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' }],
    ]);
    expect(second.host.queue.status()).toEqual({
      ready: 0,
      delayed: 0,
      inFlight: 0,
      nextDueAt: undefined,
      delivered: 1,
      retried: 1,
      dropped: 0,
    });
    // The queue opens before the demo credential is seeded, so its line comes first.
    expect(second.logLines).toEqual([
      expect.stringMatching(
        /^Queue work-queue: event [0-9a-f-]{36} \(job [0-9a-f-]{36}\) was left in flight by a host that stopped \(FUNCTION_TIME_OUT\); retry 1 of 4 in 0 s\.$/,
      ),
      'Demo credential not seeded: the manifest has no admin page with a resolver.',
    ]);

    // The first host's delivery answers late: nothing changes, the event is not delivered again.
    queueApp.release('stuck');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queueApp.calls).toHaveLength(2);
    expect(second.host.queue.status()).toMatchObject({ delivered: 1, retried: 1, ready: 0, delayed: 0 });
  });
});
