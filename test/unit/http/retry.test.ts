import {
  attemptTimeoutMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../src/http/retry';
import { DEFAULT_TOKEN_TIMEOUT_MS } from '../../../src/oauth/token-client';
import { DEFAULT_GRAPH_TIMEOUT_MS } from '../../../src/providers/microsoft/graph/mail-client';

const NOW = Date.parse('2024-03-08T10:22:05Z');

describe('parseRetryAfter', () => {
  it.each([
    ['1', 1000],
    ['0', 0],
    [' 30 ', 30_000],
    ['2024', 2_024_000],
    ['Fri, 08 Mar 2024 10:22:10 GMT', 5000],
    ['Fri, 08 Mar 2024 10:22:00 GMT', 0],
  ])('%j -> %i ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it.each([[null], [''], ['-1'], ['1.5'], ['soon'], ['Fri, never']])('ignores %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  it('retries 429, 503 and 504 only', () => {
    expect([400, 401, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([429, 503, 504]);
  });

  it('waits what Retry-After says', () => {
    expect(decideRetry(0, 3000, 0)).toEqual({ retry: true, delayMs: 3000 });
  });

  it('backs off exponentially without Retry-After', () => {
    expect(decideRetry(0, undefined, 0)).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry(1, undefined, 1000)).toEqual({ retry: true, delayMs: 2000 });
  });

  it('stops after the last retry', () => {
    expect(decideRetry(DEFAULT_RETRY_POLICY.maxRetries, 0, 0)).toEqual({ retry: false, reason: 'attempts' });
  });

  it('stops when the wait and a last attempt would not fit the budget', () => {
    // budget 14 s, a retry needs 2 s for its answer
    expect(decideRetry(0, 12_000, 0)).toEqual({ retry: true, delayMs: 12_000 });
    expect(decideRetry(0, 12_001, 0)).toEqual({ retry: false, reason: 'budget' });
    expect(decideRetry(1, 5000, 7001)).toEqual({ retry: false, reason: 'budget' });
  });

  it('cuts an attempt timeout to what the budget has left, but never under the minimum', () => {
    expect(attemptTimeoutMs(8000, 0)).toBe(8000);
    expect(attemptTimeoutMs(8000, 10_000)).toBe(4000);
    expect(attemptTimeoutMs(8000, 13_500)).toBe(2000);
  });

  it('leaves at least 5 s of the 25 s invocation for storage and the Jira read', () => {
    expect(DEFAULT_TOKEN_TIMEOUT_MS + DEFAULT_RETRY_POLICY.budgetMs).toBeLessThanOrEqual(20_000);
    expect(DEFAULT_GRAPH_TIMEOUT_MS).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.budgetMs);
  });
});
