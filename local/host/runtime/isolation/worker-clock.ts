/**
 * A worker's Date follows the host's clock. Tests move the host's clock (the fault test jumps it ahead while
 * nothing runs); a function in a worker must see the same time as the queue and the emulators that read the host's.
 * Only the offset is taken, so time still passes at the real rate during an invocation.
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offsetMs = 0;
let installed = false;

/** Offsets under this are the time the message took to arrive, not a moved clock. */
const SAME_CLOCK_MS = 1_000;

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

export const followHostClock = (hostNowMs: number): void => {
  const offset = hostNowMs - realNow();
  if (!installed && Math.abs(offset) < SAME_CLOCK_MS) return;
  if (!installed) install();
  offsetMs = Math.abs(offset) < SAME_CLOCK_MS ? 0 : offset;
};
