import { BACKOFF_CAP_SECONDS, MAX_ATTEMPTS, retryDelaySeconds } from '../../../src/outbox/retry-schedule';

describe('retryDelaySeconds', () => {
  it('tries 8 times per round', () => {
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it.each([
    // roundAttempts, random 0, random 0.5, random 0.999999
    [0, 3, 4, 5],
    [1, 3, 4, 5],
    [2, 5, 8, 10],
    [3, 10, 15, 20],
    [4, 20, 30, 40],
    [5, 40, 60, 80],
    [6, 80, 120, 160],
    [7, 160, 240, 320],
    [8, 300, 450, 600],
    [20, 300, 450, 600],
  ])('after %i attempts backs off %i..%i..%i s', (roundAttempts, low, middle, high) => {
    expect(retryDelaySeconds(roundAttempts, undefined, () => 0)).toBe(low);
    expect(retryDelaySeconds(roundAttempts, undefined, () => 0.5)).toBe(middle);
    expect(retryDelaySeconds(roundAttempts, undefined, () => 0.999999)).toBe(high);
  });

  it.each([
    [0, 1],
    [1, 1],
    [3, 3],
    [600, 600],
    [601, BACKOFF_CAP_SECONDS],
    [86_400, BACKOFF_CAP_SECONDS],
  ])('waits what Retry-After asked (%i s) as %i s, without jitter', (retryAfter, delay) => {
    const random = jest.fn(() => 0.5);
    expect(retryDelaySeconds(3, retryAfter, random)).toBe(delay);
    expect(random).not.toHaveBeenCalled();
  });
});
