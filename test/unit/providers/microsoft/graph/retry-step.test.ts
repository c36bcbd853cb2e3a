import { DEFAULT_RETRY_POLICY } from '../../../../../src/http/retry';
import { retryStep } from '../../../../../src/providers/microsoft/graph/retry-step';

const answer = (status: number, retryAfter?: string) => ({
  status,
  headers: new Headers(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }),
});
const NOW = Date.parse('2024-05-06T06:00:00Z');
const step = (status: number, retryable: boolean, retries: number, retryAfter?: string) =>
  retryStep({
    where: 'PUT host (test)',
    response: answer(status, retryAfter),
    text: '',
    retryable,
    retries,
    elapsedMs: 0,
    now: NOW,
    policy: DEFAULT_RETRY_POLICY,
  });

describe('retryStep', () => {
  it.each([
    ['seconds', '3', 3000],
    ['an HTTP date', new Date(NOW + 2000).toUTCString(), 2000],
  ])('waits as Retry-After says in %s', (_what, header, delayMs) => {
    expect(step(429, true, 0, header)).toEqual({ delayMs });
  });

  it('gives up after the policy allows no more retries, keeping Retry-After in seconds', () => {
    const result = step(429, true, DEFAULT_RETRY_POLICY.maxRetries, '3');
    expect(
      'error' in result && {
        code: result.error.code,
        status: result.error.status,
        retryAfterSeconds: result.error.retryAfterSeconds,
      },
    ).toEqual({
      code: 'GRAPH_THROTTLED',
      status: 429,
      retryAfterSeconds: 3,
    });
  });

  it('never retries what the caller says cannot be retried', () => {
    const result = step(400, false, 0);
    expect('error' in result && result.error.code).toBe('GRAPH_BAD_REQUEST');
  });
});
