import type { LocalHost } from '../../../local/host';
import { installWarpedDate } from '../support/warped-date';

export interface WarpedClock {
  /** Time skipped so far, ms. */
  jumpedMs: () => number;
  stop: () => void;
}

/**
 * Replaces Date with a clock that runs at real speed and jumps to the queue's next delayed event whenever nothing is
 * due and nothing runs (as test/e2e/outbox-faults.e2e.ts does): a message sent back to the queue for Graph's
 * Retry-After, or for another run's lease, comes due at once, without the test waiting it out. Time never jumps
 * under a queue invocation. The app (its workers follow the host's clock), the queue and the emulators read the same
 * Date. Call it before the host starts; `stop()` in afterAll, after the host closed.
 */
export const warpClock = (host: () => LocalHost | undefined): WarpedClock => {
  const clock = installWarpedDate();
  const timer = setInterval(() => {
    const current = host();
    if (current === undefined) return;
    const status = current.queue.status();
    const now = Date.now();
    if (status.inFlight === 0 && status.ready === 0 && status.nextDueAt !== undefined && status.nextDueAt > now)
      clock.jumpTo(status.nextDueAt);
  }, 20);
  return {
    jumpedMs: clock.jumpedMs,
    stop: () => {
      clearInterval(timer);
      clock.restore();
    },
  };
};
