import { delaySecondsToSlot, delaySecondsUntil, SLOT_LEAD_MS } from '../../../src/outbox/outbox-queue';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

describe('the delays jobs are pushed with', () => {
  it('delays a job due on a pacing slot to 0.5 to 1.5 s before it, in whole seconds', () => {
    expect(SLOT_LEAD_MS).toBe(500);
    // The next slot of a busy mailbox, 2,075 ms on: 1 s, so the job comes 1,075 ms early and waits in its run.
    expect(delaySecondsToSlot(NOW + 2_075, NOW)).toBe(1);
    expect(delaySecondsToSlot(NOW + 2_500, NOW)).toBe(2);
    expect(delaySecondsToSlot(NOW + 2_499, NOW)).toBe(1);
    expect(delaySecondsToSlot(NOW + 1_499, NOW)).toBe(0);
    // A slot that has come, or passed: no delay.
    expect(delaySecondsToSlot(NOW + 400, NOW)).toBe(0);
    expect(delaySecondsToSlot(NOW - 5_000, NOW)).toBe(0);
  });

  it('delays any other job to up to a second before its time', () => {
    expect(delaySecondsUntil(NOW + 2_075, NOW)).toBe(2);
    expect(delaySecondsUntil(NOW + 15_000, NOW)).toBe(15);
    expect(delaySecondsUntil(NOW + 999, NOW)).toBe(0);
    expect(delaySecondsUntil(NOW - 1, NOW)).toBe(0);
  });
});
