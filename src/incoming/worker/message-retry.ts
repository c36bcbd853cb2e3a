import { GraphError } from '../../graph/errors';
import { MAX_INCOMING_DELAY_SECONDS } from '../queue/incoming-queue';

/**
 * Runs a message gets for a failure that may pass (Graph or Jira throttled or down, storage busy) before it is
 * recorded as failed: with the waits below, about an hour and a half of trying, longer than Graph's and Jira's usual
 * throttling windows.
 */
export const MAX_MESSAGE_ATTEMPTS = 8;

/** The first retry's wait; each next one doubles, up to Forge's longest delay (900 s). */
export const FIRST_RETRY_SECONDS = 30;

/** Seconds before retry number `attempt` (1 for the first): doubling, at least what Graph's Retry-After asked. */
export const retryDelaySeconds = (attempt: number, error: unknown): number => {
  const backoff = FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempt - 1);
  const asked = error instanceof GraphError ? (error.retryAfterSeconds ?? 0) : 0;
  return Math.min(MAX_INCOMING_DELAY_SECONDS, Math.max(backoff, asked));
};
