import type { DeliveryStats } from './types';

/** Accept times kept per mailbox for deliveryStats(), so a long local session cannot grow without bound. */
export const MAX_RECORDED_SENDS = 10_000;

/** The counters behind deliveryStats(). */
export class DeliveryRecorder {
  private stats: DeliveryStats = emptyStats();

  injected(kind: keyof DeliveryStats['injected']): void {
    this.stats.injected[kind] += 1;
  }

  limitRefused(limit: keyof DeliveryStats['limitRefusals']): void {
    this.stats.limitRefusals[limit] += 1;
  }

  expiredTokenRefused(): void {
    this.stats.expiredTokenRefusals += 1;
  }

  concurrency(mailbox: string, open: number): void {
    this.stats.peakConcurrency[mailbox] = Math.max(this.stats.peakConcurrency[mailbox] ?? 0, open);
  }

  accepted(mailbox: string, at: number): void {
    const times = (this.stats.acceptedSends[mailbox] ??= []);
    times.push(at);
    if (times.length > MAX_RECORDED_SENDS) times.splice(0, times.length - MAX_RECORDED_SENDS);
  }

  snapshot(): DeliveryStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = emptyStats();
  }
}

function emptyStats(): DeliveryStats {
  return {
    injected: { throttle: 0, unavailable: 0, slow: 0 },
    limitRefusals: { concurrency: 0, messageRate: 0 },
    expiredTokenRefusals: 0,
    peakConcurrency: {},
    acceptedSends: {},
  };
}
