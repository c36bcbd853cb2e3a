/** Attempts to send an email before it fails, counted from when it was queued or last resent. */
export const MAX_ATTEMPTS = 8;
/** Backoff without Retry-After: 5 s, 10 s, 20 s ... at most 10 minutes, each with jitter. */
export const BACKOFF_BASE_SECONDS = 5;
export const BACKOFF_CAP_SECONDS = 600;

/**
 * Seconds to wait before attempt `roundAttempts + 1`: what Microsoft asked (Retry-After) when it asked, else
 * exponential backoff with "equal jitter" (half fixed, half random) so emails that failed together do not come
 * back together.
 */
export const retryDelaySeconds = (
  roundAttempts: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number => {
  if (retryAfterSeconds !== undefined) return Math.min(BACKOFF_CAP_SECONDS, Math.max(1, retryAfterSeconds));
  const ceiling = Math.min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.max(0, roundAttempts - 1));
  return Math.max(1, Math.ceil(ceiling / 2 + (ceiling / 2) * random()));
};
