import type { RetryPolicy } from '../http/retry';

/**
 * manifest.yml gives the `email-worker` function this long (timeoutSeconds: 300): an attempt that started longer
 * ago than this (plus a margin) has certainly ended. test/tooling checks the two agree.
 */
export const WORKER_TIME_LIMIT_SECONDS = 300;
export const WORKER_TIME_LIMIT_MS = WORKER_TIME_LIMIT_SECONDS * 1000;

/** One mail service request of the worker may take this long: uploads of big attachments go in chunks (Graph's 3.75 MB). */
export const WORKER_REQUEST_TIMEOUT_MS = 30_000;

/**
 * No retrying inside the worker: a 429 or 5xx comes back at once as the provider's error (with Retry-After), and the
 * outbox schedules the next attempt through the queue. A 401 still gets one fresh token (the provider's request).
 */
export const QUEUE_RETRY_POLICY: RetryPolicy = {
  maxRetries: 0,
  budgetMs: WORKER_REQUEST_TIMEOUT_MS * 4,
  baseDelayMs: 1_000,
  minAttemptMs: WORKER_REQUEST_TIMEOUT_MS,
};
