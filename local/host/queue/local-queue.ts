import { randomUUID } from 'node:crypto';

import type { ForgeFetchRoute } from '../runtime/forge-fetch';
import type { ForgeConsumerHandler } from '../runtime-types';
import { newEventsOf } from './new-events';
import { type ConsumerInvoker, createDispatcher, type Dispatcher } from './queue-dispatcher';
import { MissingConsumerHandlerError, QueueError } from './queue-errors';
import { EVENT_RATE_WINDOW_MS, type JobRequest, MAX_EVENTS_PER_MINUTE, type PushRequest } from './queue-requests';
import { queueRoute } from './queue-route';
import { QueueStore } from './queue-store';
import type { JobStats, QueueConsumer, QueueStatus } from './queue-types';
import { type QueueCounters, reclaimLeases } from './settle-event';

export const DEFAULT_QUEUE_CONCURRENCY = 8;
export const DEFAULT_POLL_INTERVAL_MS = 25;
/** How long close() waits for deliveries in flight before it leaves them leased. */
export const DEFAULT_CLOSE_GRACE_MS = 2_000;

export interface LocalQueueOptions {
  /** queue.sqlite in the host's data dir; ':memory:' in unit tests. */
  dbPath: string;
  /** The manifest's `consumer` modules. */
  consumers: readonly QueueConsumer[];
  log: (line: string) => void;
  /** The queue's clock in ms (due times, delays, retries); `Date.now()` at each call otherwise. */
  now?: () => number;
  /** Invocations at once, over all queues; 8 by default. */
  concurrency?: number;
  /** How often the queue looks for due events; 25 ms by default. */
  pollIntervalMs?: number;
  closeGraceMs?: number;
  /**
   * Events the installation may push in a minute: Forge's 500 unless a test that measures something else lifts it
   * (then say why there). Child-invoke publishers on the same file keep Forge's.
   */
  eventsPerMinute?: number;
}

/** The local stand-in for Forge's async events queue. */
export interface LocalQueue {
  /** Answers @forge/events' calls; goes into `installForgeRuntime({ routes })`. */
  readonly route: ForgeFetchRoute;
  /** Starts delivering events, through the runtime, to the handlers of the consumers' functions. */
  start: (deps: { runtime: ConsumerInvoker; handlers: ReadonlyMap<string, ForgeConsumerHandler> }) => void;
  status: () => QueueStatus;
  /**
   * Resolves once no event of a queue with a consumer is stored and none is in flight (or the queue is closed).
   * Events whose delay never comes due (a clock that stands still) keep it waiting.
   */
  whenIdle: () => Promise<void>;
  /** Stops delivering, waits a short time for deliveries in flight, and closes queue.sqlite. */
  close: () => Promise<void>;
}

/**
 * Creates the queue over queue.sqlite. Events that a previous host left in flight are due again at once, as
 * FUNCTION_TIME_OUT retries; events of a queue with no consumer are kept but never delivered (logged once).
 */
export const createLocalQueue = (options: LocalQueueOptions): LocalQueue => {
  // Read at each call, so that a test that fakes the global Date moves the queue's time too.
  const now = options.now ?? (() => Date.now());
  const runId = randomUUID();
  const store = new QueueStore(options.dbPath);
  const counters: QueueCounters = { delivered: 0, retried: 0, dropped: 0 };
  const consumers = new Map(options.consumers.map((consumer) => [consumer.queue, consumer]));
  const queues = [...consumers.keys()];
  const unheard = new Set<string>();
  let dispatcher: Dispatcher | undefined;
  let closing: Promise<void> | undefined;
  let waiters: Array<() => void> = [];

  const notify = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };

  reclaimLeases({ store, counters, log: options.log }, runId, now(), false);

  const ensureOpen = (what: string) => {
    // In-flight deliveries may still push while close() waits for them; after that there is nowhere to store.
    if (!store.isOpen) throw new QueueError('QUEUE_CLOSED', `The local queue is closed; cannot ${what}`);
  };

  const backend = {
    push: (request: PushRequest): boolean => {
      ensureOpen(`push to ${request.queueName}`);
      const nowMs = now();
      const stored = store.insert(
        { jobId: request.jobId, queueName: request.queueName },
        newEventsOf(request, nowMs),
        nowMs,
        { limit: options.eventsPerMinute ?? MAX_EVENTS_PER_MINUTE, windowMs: EVENT_RATE_WINDOW_MS },
      );
      if (!stored) {
        options.log(`Queue ${request.queueName}: push refused, over the events a minute of the installation (429).`);
        return false;
      }
      if (!consumers.has(request.queueName) && !unheard.has(request.queueName)) {
        unheard.add(request.queueName);
        options.log(
          `Queue ${request.queueName}: no consumer module listens to it; its events are kept but not delivered.`,
        );
      }
      notify();
      if (dispatcher) setImmediate(dispatcher.pump);
      return true;
    },
    consumerTimeoutSeconds: (queueName: string) => consumers.get(queueName)?.timeoutSeconds,
    jobStats: (request: JobRequest): JobStats | undefined => {
      ensureOpen(`read the stats of job ${request.jobId}`);
      return store.jobStats(request.jobId, request.queueName);
    },
    cancelJob: (request: JobRequest): boolean => {
      ensureOpen(`cancel job ${request.jobId}`);
      const found = store.cancelJob(request.jobId, request.queueName);
      notify();
      return found;
    },
  };

  return {
    route: queueRoute(backend),

    start: (deps) => {
      if (dispatcher || closing) return;
      for (const consumer of consumers.values()) {
        if (!deps.handlers.has(consumer.functionKey)) {
          throw new MissingConsumerHandlerError(
            `Consumer ${consumer.key}: no handler for function ${consumer.functionKey}.`,
          );
        }
      }
      dispatcher = createDispatcher({
        store,
        counters,
        log: options.log,
        runId,
        consumers,
        handlers: deps.handlers,
        runtime: deps.runtime,
        now,
        capacity: options.concurrency ?? DEFAULT_QUEUE_CONCURRENCY,
        pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
        onChange: notify,
      });
      dispatcher.pump();
    },

    status: () => {
      const inFlight = dispatcher?.inFlight() ?? 0;
      if (!store.isOpen) return { ready: 0, delayed: 0, inFlight, nextDueAt: undefined, ...counters };
      return { ...store.waiting(queues, now()), inFlight, ...counters };
    },

    whenIdle: async () => {
      while (!closing && ((dispatcher?.inFlight() ?? 0) > 0 || store.hasEvents(queues))) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },

    close: () => {
      closing ??= (async () => {
        await dispatcher?.stop(options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
        store.close();
        notify();
      })();
      return closing;
    },
  };
};
