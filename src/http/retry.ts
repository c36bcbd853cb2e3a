/**
 * When to send a throttled or unavailable call to a mail service again. A resolver has 25 s in all; the Graph phase (attempts
 * and waits together) keeps within `budgetMs`, leaving the rest for storage, the Jira read and the token request.
 */
export interface RetryPolicy {
  /** Further attempts after the first. */
  maxRetries: number;
  /** The most time, from the first attempt on, that sending may take. */
  budgetMs: number;
  /** Wait before the first retry when Graph gives no Retry-After; doubles each time. */
  baseDelayMs: number;
  /** A retry is only worth making with at least this long left for its answer. */
  minAttemptMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  budgetMs: 14_000,
  baseDelayMs: 1_000,
  minAttemptMs: 2_000,
};

const RETRYABLE = new Set([429, 503, 504]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE.has(status);

/**
 * Retry-After (RFC 9110 10.2.3) as milliseconds to wait: delay-seconds or an HTTP date. A date in the past
 * means 0. Anything else is ignored (undefined).
 */
export const parseRetryAfter = (header: string | null, now: number): number | undefined => {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/^[A-Za-z]{3},/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: 'attempts' | 'budget' };

/**
 * @param retriesSoFar retries already made (0 after the first attempt)
 * @param elapsedMs time since the first attempt started
 */
export const decideRetry = (
  retriesSoFar: number,
  retryAfterMs: number | undefined,
  elapsedMs: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision => {
  if (retriesSoFar >= policy.maxRetries) return { retry: false, reason: 'attempts' };
  const delayMs = retryAfterMs ?? policy.baseDelayMs * 2 ** retriesSoFar;
  if (elapsedMs + delayMs + policy.minAttemptMs > policy.budgetMs) return { retry: false, reason: 'budget' };
  return { retry: true, delayMs };
};

/** How long the next attempt may wait for its answer: the usual timeout, cut to what the budget has left. */
export const attemptTimeoutMs = (
  timeoutMs: number,
  elapsedMs: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number => Math.min(timeoutMs, Math.max(policy.minAttemptMs, policy.budgetMs - elapsedMs));
