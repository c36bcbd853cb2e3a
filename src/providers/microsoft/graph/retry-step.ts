import { decideRetry, parseRetryAfter, type RetryPolicy } from '../../../http/retry';
import { graphErrorFromResponse } from './error-response';
import type { GraphError } from './errors';

export interface RetryStepInput {
  where: string;
  response: Pick<Response, 'status' | 'headers'>;
  text: string;
  /** Whether this answer may be retried at all (the caller's rule for its kind of request). */
  retryable: boolean;
  retries: number;
  elapsedMs: number;
  now: number;
  policy: RetryPolicy;
}

/**
 * One step of a Graph retry loop after a failed answer: how long to wait before trying again (Retry-After, else
 * backoff, within the policy), or the GraphError to throw once retrying is not allowed or spent. The error keeps
 * Retry-After in seconds so a caller can say when to try again.
 */
export const retryStep = (input: RetryStepInput): { delayMs: number } | { error: GraphError } => {
  const retryAfterMs = parseRetryAfter(input.response.headers.get('retry-after'), input.now);
  if (input.retryable) {
    const decision = decideRetry(input.retries, retryAfterMs, input.elapsedMs, input.policy);
    if (decision.retry) return { delayMs: decision.delayMs };
  }
  return {
    error: graphErrorFromResponse({
      where: input.where,
      status: input.response.status,
      headers: input.response.headers,
      text: input.text,
      ...(retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }),
    }),
  };
};
