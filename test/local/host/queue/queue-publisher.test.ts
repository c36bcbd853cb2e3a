import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Queue } from '@forge/events';

import {
  type ConsumerInvoker,
  createLocalQueue,
  createQueuePublisher,
  type LocalQueue,
  QueueError,
  type QueuePublisher,
} from '../../../../local/host/queue';
import type { ConsumerInvocationRequest } from '../../../../local/host/runtime';
import type { ForgeConsumerHandler } from '../../../../local/host/runtime-types';
import { installTestRuntime, type TestRuntime } from '../runtime/fixtures/runtime-fixture';
import { eventually, severalPolls } from './fixtures/queue-host';

const NOW = Date.parse('2026-11-27T09:00:00.000Z');
const WORK_CONSUMER = { key: 'work-consumer', queue: 'work-queue', functionKey: 'work-fn', timeoutSeconds: undefined };
const HANDLERS = new Map<string, ForgeConsumerHandler>([['work-fn', async () => undefined]]);
const work = new Queue({ key: 'work-queue' });

let dataDir: string;
let queuePath: string;
let installed: TestRuntime | undefined;
let publishers: QueuePublisher[];
let queues: LocalQueue[];
let logLines: string[];
let seen: ConsumerInvocationRequest[];
let gates: Array<() => void>;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-queue-publisher-'));
  queuePath = path.join(dataDir, 'queue.sqlite');
  publishers = [];
  queues = [];
  logLines = [];
  seen = [];
  gates = [];
});

afterEach(async () => {
  for (const open of gates) open();
  installed?.runtime.uninstall();
  installed = undefined;
  for (const queue of queues) await queue.close();
  for (const publisher of publishers) publisher.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A publisher on queue.sqlite whose route the runtime's @forge/events calls reach, as in a child-invoke process. */
const publishThrough = (): QueuePublisher => {
  const publisher = createQueuePublisher({ dbPath: queuePath, now: () => NOW });
  publishers.push(publisher);
  installed?.runtime.uninstall();
  installed = installTestRuntime({ routes: [publisher.route] });
  return publisher;
};

/** A LocalQueue on the same file (its own connection), as the parent process holds it. */
const deliverFromSameFile = (hold = false): LocalQueue => {
  const queue = createLocalQueue({
    dbPath: queuePath,
    consumers: [WORK_CONSUMER],
    log: (line) => logLines.push(line),
    now: () => NOW,
  });
  queues.push(queue);
  const runtime: ConsumerInvoker = {
    invokeConsumer: async (_handler, request) => {
      seen.push(request);
      if (hold) await new Promise<void>((resolve) => gates.push(resolve));
      return { done: true };
    },
  };
  queue.start({ runtime, handlers: HANDLERS });
  return queue;
};

describe('createQueuePublisher', () => {
  it('stores pushes without delivering them; a LocalQueue over the same file delivers them', async () => {
    publishThrough();
    const { jobId } = await work.push({ body: { id: 'e1' }, concurrency: { key: 'mailbox-1', limit: 4 } });
    await severalPolls();
    expect(await work.getStats(jobId)).toEqual({ success: 0, inProgress: 1, failed: 0 });

    const queue = deliverFromSameFile();
    await queue.whenIdle();

    expect(seen).toEqual([
      {
        functionKey: 'work-fn',
        moduleKey: 'work-consumer',
        queueName: 'work-queue',
        body: { id: 'e1' },
        jobId,
        eventId: expect.any(String),
        concurrency: { key: 'mailbox-1', limit: 4 },
      },
    ]);
    expect(queue.status()).toMatchObject({ ready: 0, delayed: 0, inFlight: 0, delivered: 1, retried: 0, dropped: 0 });
    // Read through the publisher's own connection: the delivery the other connection recorded is seen at once.
    expect(await work.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
    expect(logLines).toEqual([]);
  });

  it("leaves another process's delivery in flight alone, and its pushes reach that process's queue on its next poll", async () => {
    const queue = deliverFromSameFile(true);
    publishThrough();
    const { jobId: held } = await work.push({ body: { id: 'held' } });
    await eventually(() => gates.length === 1, 'the first delivery to start');

    // Opening queue.sqlite again must not treat the lease of the running delivery as left behind.
    publishThrough();
    const { jobId: later } = await work.push({ body: { id: 'later' } });
    await eventually(() => gates.length === 2, 'the second delivery to start');
    expect(queue.status()).toMatchObject({ inFlight: 2, delivered: 0, retried: 0 });
    expect(await work.getStats(held)).toEqual({ success: 0, inProgress: 1, failed: 0 });

    for (const open of gates.splice(0)) open();
    await queue.whenIdle();
    expect(seen.map((request) => [request.body, request.jobId, request.retryContext])).toEqual([
      [{ id: 'held' }, held, undefined],
      [{ id: 'later' }, later, undefined],
    ]);
    expect(queue.status()).toMatchObject({ delivered: 2, retried: 0, dropped: 0 });
    expect(logLines).toEqual([]);
  });

  it('refuses calls once closed', async () => {
    const publisher = publishThrough();
    publisher.close();
    await expect(work.push({ body: { id: 'late' } })).rejects.toThrow(
      expect.objectContaining({
        code: 'QUEUE_CLOSED',
        message: 'The queue publisher is closed; cannot push to work-queue',
      }),
    );
    await expect(work.push({ body: { id: 'late' } })).rejects.toBeInstanceOf(QueueError);
  });
});
