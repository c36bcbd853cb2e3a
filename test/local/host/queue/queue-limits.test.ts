import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PayloadTooBigError, Queue, RateLimitError } from '@forge/events';

import { createLocalQueue, type LocalQueue } from '../../../../local/host/queue';
import { createQueuePublisher } from '../../../../local/host/queue/queue-publisher';
import type { ForgeFetchRoute } from '../../../../local/host/runtime';
import { installTestRuntime, type TestRuntime } from '../runtime/fixtures/runtime-fixture';

const START = Date.parse('2026-12-06T09:00:00.000Z');
const KB = 1024;
const STARGATE = { type: 'fpp', provider: 'app', remote: 'stargate' } as const;
const PUBLISH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';

let nowMs: number;
let queue: LocalQueue;
let installed: TestRuntime;
let logLines: string[];

beforeEach(() => {
  nowMs = START;
  logLines = [];
  queue = createLocalQueue({
    dbPath: ':memory:',
    consumers: [
      { key: 'short-consumer', queue: 'short-queue', functionKey: 'short-fn', timeoutSeconds: undefined },
      { key: 'edge-consumer', queue: 'edge-queue', functionKey: 'edge-fn', timeoutSeconds: 55 },
      { key: 'long-consumer', queue: 'long-queue', functionKey: 'long-fn', timeoutSeconds: 300 },
    ],
    log: (line) => logLines.push(line),
    now: () => nowMs,
  });
  installed = installTestRuntime({ routes: [queue.route] });
});

afterEach(async () => {
  await queue.close();
  installed.runtime.uninstall();
});

const events = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ body: { n: from + i } }));

/** A body whose JSON is exactly `bytes` long: {"text":"xxx…"}. */
const bodyOf = (bytes: number) => ({ text: 'x'.repeat(bytes - '{"text":""}'.length) });

describe('the queue enforces the async events limits per installation', () => {
  it('takes 500 events in a minute, refuses the 501st with RateLimitError, and takes more once the minute has passed', async () => {
    const short = new Queue({ key: 'short-queue' });
    for (let i = 0; i < 10; i += 1) {
      nowMs = START + i * 1000;
      await short.push(events(50, i * 50));
    }
    expect(queue.status().ready).toBe(500);

    nowMs = START + 59_999;
    await expect(short.push(events(1, 500))).rejects.toBeInstanceOf(RateLimitError);
    await expect(new Queue({ key: 'long-queue' }).push(events(1))).rejects.toThrow('Too many requests.');
    expect(queue.status().ready).toBe(500);
    expect(logLines).toContain('Queue short-queue: push refused, over the events a minute of the installation (429).');

    // The first push of 50 falls out of the minute: 50 more fit, and no more.
    nowMs = START + 60_000;
    await short.push(events(50, 500));
    await expect(short.push(events(1, 550))).rejects.toBeInstanceOf(RateLimitError);
    expect(queue.status().ready).toBe(550);
  });

  it('takes more when the host lifts the limit (eventsPerMinute), for tests that measure something else', async () => {
    const lifted = createLocalQueue({ dbPath: ':memory:', consumers: [], log: () => undefined, eventsPerMinute: 600 });
    installed.runtime.uninstall();
    installed = installTestRuntime({ routes: [lifted.route] });
    try {
      const short = new Queue({ key: 'short-queue' });
      for (let i = 0; i < 12; i += 1) await short.push(events(50, i * 50));
      await expect(short.push(events(1))).rejects.toBeInstanceOf(RateLimitError);
    } finally {
      await lifted.close();
    }
  });

  it('counts the pushes of every process on the same queue file as one installation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'queue-limits-'));
    const dbPath = path.join(dir, 'queue.sqlite');
    const hostQueue = createLocalQueue({ dbPath, consumers: [], log: () => undefined, now: () => nowMs });
    // What a child-invoke process pushes through: a publisher over the same file.
    const child = createQueuePublisher({ dbPath, now: () => nowMs });
    const push = (route: ForgeFetchRoute, count: number) =>
      route.handle(STARGATE, PUBLISH, {
        method: 'POST',
        body: JSON.stringify({
          queueName: 'short-queue',
          jobId: `job-${count}`,
          type: 'avi:forge:app:event',
          schema: 'ari:cloud:ecosystem::forge/app-event-2',
          payload: events(count),
          time: new Date(nowMs).toISOString(),
        }),
      });
    try {
      for (let i = 0; i < 9; i += 1) expect((await push(hostQueue.route, 50)).status).toBe(201);
      expect((await push(child.route, 50)).status).toBe(201);
      expect((await push(child.route, 1)).status).toBe(429);
      expect((await push(hostQueue.route, 1)).status).toBe(429);
    } finally {
      child.close();
      await hostQueue.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an event over 100 KB for a consumer whose timeout is over 55 s, and takes it for the others', async () => {
    const big = { body: bodyOf(100 * KB + 1) };
    await expect(new Queue({ key: 'long-queue' }).push([big])).rejects.toThrow(
      new PayloadTooBigError(
        "Event 0 is over 100 KB, the most an event may hold when its consumer's function has a timeout over 55 seconds.",
      ),
    );
    await expect(new Queue({ key: 'long-queue' }).push([{ body: bodyOf(100 * KB) }])).resolves.toBeDefined();
    await expect(new Queue({ key: 'edge-queue' }).push([big])).resolves.toBeDefined();
    await expect(new Queue({ key: 'short-queue' }).push([big])).resolves.toBeDefined();
    // A refused push uses none of the minute's events.
    expect(queue.status().ready).toBe(3);
  });
});
