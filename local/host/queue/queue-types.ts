/** How often the platform delivers an event again after its first delivery, at most, before it drops it. */
export const MAX_RETRIES = 4;

/** Forge's retry reasons (@forge/events' InvocationErrorCode) that the local queue sets on its own. */
export const RETRY_REASONS = {
  timeOut: 'FUNCTION_TIME_OUT',
  // @forge/events' InvocationErrorCode; the platform retries a container stopped over its memory on its own.
  outOfMemory: 'FUNCTION_OUT_OF_MEMORY',
  unknownError: 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
  retryRequest: 'FUNCTION_RETRY_REQUEST',
} as const;

/**
 * A `consumer` module (`{ key, queue, function }`), as the queue needs it
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/consumer/).
 */
export interface QueueConsumer {
  /** The consumer module's key, e.g. 'email-outbox-consumer'. */
  key: string;
  /** The queue it listens to, e.g. 'email-outbox'. */
  queue: string;
  /** The manifest function it invokes with each event, e.g. 'email-worker'. */
  functionKey: string;
  /** The function's `timeoutSeconds`; 55 s when undefined. */
  timeoutSeconds: number | undefined;
}

export interface QueueConcurrency {
  key: string;
  limit: number;
}

/** One event as the store keeps it. */
export interface StoredEvent {
  eventId: string;
  queueName: string;
  jobId: string;
  /** The body's JSON text. */
  body: string;
  /** When it may be delivered, ms since the epoch (the queue's clock). */
  dueAt: number;
  concurrency: QueueConcurrency | undefined;
  retryCount: number;
  retryReason: string | undefined;
  /** The retry data's JSON text; undefined when there is none. */
  retryData: string | undefined;
  /** The run (one queue instance) that is delivering it now; undefined while it waits. */
  leaseOwner: string | undefined;
  leaseExpiresAt: number | undefined;
  createdAt: number;
}

/** An event as Queue.push sent it, with its due time worked out. */
export interface NewEvent {
  eventId: string;
  body: string;
  dueAt: number;
  concurrency: QueueConcurrency | undefined;
}

/** What the queue holds and has done, for tests and the host's pages. */
export interface QueueStatus {
  /** Waiting and due now (including those held back by their concurrency key). */
  ready: number;
  /** Waiting for their delay or retry delay. */
  delayed: number;
  /** Being delivered by this host now. */
  inFlight: number;
  /** The earliest due time of a waiting event, ms since the epoch. */
  nextDueAt: number | undefined;
  /** Counted since this host started. */
  delivered: number;
  retried: number;
  dropped: number;
}

/** The per-job counts @forge/events' `getStats` answers. */
export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}
