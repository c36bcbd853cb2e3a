import type { RetryPolicy } from '../../http/retry';

/**
 * manifest.yml gives the `incoming-worker` function this long (timeoutSeconds: 300; test/tooling checks the two
 * agree). A claim's lease is this and a margin: a run older than that has certainly ended.
 */
export const INCOMING_WORKER_TIMEOUT_SECONDS = 300;
export const INCOMING_LEASE_MS = (INCOMING_WORKER_TIMEOUT_SECONDS + 60) * 1000;

/** A job's messages get this long; what is left then goes to a new job, far from the timeout. */
export const INCOMING_BUDGET_MS = 150_000;

/** One call to the mail service may take this long: a large attachment is read as a stream. */
export const INCOMING_CALL_TIMEOUT_MS = 30_000;

/**
 * No waiting inside a run: a throttled or unavailable call to the mail service ends the message's run at once, and
 * the message goes back to the queue delayed by the service's Retry-After (message-retry.ts). A handler's jobs run one at a time, so a
 * run that slept through Retry-After would hold up every other message of the mailbox
 * (https://learn.microsoft.com/en-us/graph/throttling: "wait the number of seconds specified in the Retry-After
 * header"; the waiting is the queue's). A 401 still gets one fresh token (the provider's client).
 */
export const INCOMING_RETRY_POLICY: RetryPolicy = {
  maxRetries: 0,
  budgetMs: INCOMING_CALL_TIMEOUT_MS * 2,
  baseDelayMs: 1_000,
  minAttemptMs: 5_000,
};
