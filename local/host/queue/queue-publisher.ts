import type { ForgeFetchRoute } from '../runtime/forge-fetch';
import { newEventsOf } from './new-events';
import { QueueError } from './queue-errors';
import { EVENT_RATE_WINDOW_MS, type JobRequest, MAX_EVENTS_PER_MINUTE, type PushRequest } from './queue-requests';
import { queueRoute } from './queue-route';
import { QueueStore } from './queue-store';
import type { QueueConsumer } from './queue-types';

export interface QueuePublisherOptions {
  /** The queue.sqlite that a LocalQueue (in this or another process) delivers from. */
  dbPath: string;
  /** The queue's clock in ms, for due times; `Date.now()` at each call otherwise. */
  now?: () => number;
  /** The manifest's consumers, so that the 100 KB event limit of long-running consumers applies. */
  consumers?: readonly QueueConsumer[];
}

/** The queue seen from a process that only pushes to it: a Forge function container, not the platform. */
export interface QueuePublisher {
  /** Answers @forge/events' push, getStats and cancel; goes into `installForgeRuntime({ routes })`. */
  readonly route: ForgeFetchRoute;
  close: () => void;
}

/**
 * Opens queue.sqlite to push events into it, for a process that is not the queue: a child-invoke process whose
 * function calls `Queue.push`. Unlike createLocalQueue it never delivers and never touches leases, so the
 * process that does deliver (another process's LocalQueue over the same file) keeps its deliveries in flight;
 * that queue sees what was pushed on its next poll.
 */
export const createQueuePublisher = (options: QueuePublisherOptions): QueuePublisher => {
  const now = options.now ?? (() => Date.now());
  const store = new QueueStore(options.dbPath);

  const ensureOpen = (what: string) => {
    if (!store.isOpen) throw new QueueError('QUEUE_CLOSED', `The queue publisher is closed; cannot ${what}`);
  };

  const route = queueRoute({
    push: (request: PushRequest): boolean => {
      ensureOpen(`push to ${request.queueName}`);
      const nowMs = now();
      return store.insert({ jobId: request.jobId, queueName: request.queueName }, newEventsOf(request, nowMs), nowMs, {
        limit: MAX_EVENTS_PER_MINUTE,
        windowMs: EVENT_RATE_WINDOW_MS,
      });
    },
    consumerTimeoutSeconds: (queueName: string) =>
      options.consumers?.find((consumer) => consumer.queue === queueName)?.timeoutSeconds,
    jobStats: (request: JobRequest) => {
      ensureOpen(`read the stats of job ${request.jobId}`);
      return store.jobStats(request.jobId, request.queueName);
    },
    cancelJob: (request: JobRequest): boolean => {
      ensureOpen(`cancel job ${request.jobId}`);
      return store.cancelJob(request.jobId, request.queueName);
    },
  });

  return { route, close: () => store.close() };
};
