/**
 * A worker's Date follows the host's clock. Tests move the host's clock (the fault test jumps it ahead while
 * nothing runs); a function in a worker must see the same time as the queue and the emulators that read the host's.
 * The host sends how far its Date is from the machine's clock, which this process shares, so both agree to the
 * millisecond and time passes at the real rate during an invocation.
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offsetMs = 0;
let installed = false;

/** Offsets under this are two readings of the same clock a moment apart, not a moved clock. */
const SAME_CLOCK_MS = 2;

const install = (): void => {
  class HostDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + offsetMs);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return realNow() + offsetMs;
    }
  }
  globalThis.Date = HostDate as DateConstructor;
  installed = true;
};

export const followHostClock = (hostClockOffsetMs: number): void => {
  if (!installed && Math.abs(hostClockOffsetMs) < SAME_CLOCK_MS) return;
  if (!installed) install();
  offsetMs = hostClockOffsetMs;
};
