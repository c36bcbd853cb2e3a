/**
 * What jest's fake timers must leave alone for a warped clock: every timer stays real; only Date is replaced, and it
 * runs at real speed between jumps (test/e2e/outbox-faults.e2e.ts, test/e2e/incoming/warp-support.ts).
 */
export const ONLY_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;
