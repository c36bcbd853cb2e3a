import { IncomingMailboxError } from '../../mail-model/incoming-errors';
import { MAX_INCOMING_DELAY_SECONDS } from '../queue/incoming-queue';

/**
 * Runs a message gets for a failure that may pass (the mail service or Jira throttled or down, storage busy) before it is
 * recorded as failed: with the waits below, about 35 minutes of trying, longer than the mail services' usual throttling
 * windows.
 */
export const MAX_MESSAGE_ATTEMPTS = 10;

/** The first retry's wait without a Retry-After; each next one doubles, up to Forge's longest delay (900 s). */
export const FIRST_RETRY_SECONDS = 5;

/**
 * Seconds before retry number `attempt` (1 for the first): what the mail service's Retry-After asked when it asked
 * (Microsoft Graph's throttling: "wait the number of seconds specified", https://learn.microsoft.com/en-us/graph/throttling),
 * else doubling.
 */
export const retryDelaySeconds = (attempt: number, error: unknown): number => {
  const asked = error instanceof IncomingMailboxError ? error.retryAfterSeconds : undefined;
  const wait = asked ?? FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempt - 1);
  return Math.min(MAX_INCOMING_DELAY_SECONDS, Math.max(1, wait));
};
