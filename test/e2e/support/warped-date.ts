/**
 * A Date for tests that skip waiting: it runs at the machine's rate and jumps ahead only when told. The local host
 * (in this process) reads it, and its function processes follow it through the offset the host sends them
 * (local/host/runtime/isolation/worker-clock.ts), so the app, the queue and the emulators share one clock.
 *
 * Not jest's fake timers: with `advanceTimers` they move Date in 20 ms steps from a timer, so it falls behind the
 * machine's clock whenever this process is busy while the function processes keep real time. Under load the two
 * drifted apart by seconds, spending the outbox's pacing tolerances on the test's own clock.
 */
export interface WarpedDate {
  /** Moves the clock to `at` (never back). */
  jumpTo: (at: number) => void;
  /** Time skipped so far, ms. */
  jumpedMs: () => number;
  /** Puts the real Date back. */
  restore: () => void;
}

export const installWarpedDate = (): WarpedDate => {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  let offsetMs = 0;
  class Warped extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + offsetMs);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return realNow() + offsetMs;
    }
  }
  globalThis.Date = Warped as DateConstructor;
  return {
    jumpTo: (at) => {
      offsetMs += Math.max(0, at - (realNow() + offsetMs));
    },
    jumpedMs: () => offsetMs,
    restore: () => {
      globalThis.Date = RealDate;
    },
  };
};
