/**
 * One held slot of a mailbox: when, the email holding it, and 1 when that email is a retry (its slot is also the
 * time Microsoft asked it to wait for, so it is never moved earlier).
 */
export type PaceEntry = [at: number, emailId: string] | [at: number, emailId: string, retry: 1];

const entry = (at: number, emailId: string, retry: boolean): PaceEntry => (retry ? [at, emailId, 1] : [at, emailId]);

/** The entries still inside the log (at or after `since`), in time order. */
export const pruned = (entries: readonly PaceEntry[], since: number): PaceEntry[] =>
  entries.filter(([at]) => at >= since).sort((a, b) => a[0] - b[0]);

/**
 * The earliest time at or after `notBefore` that is at least `spacing` from every held slot: the first gap wide
 * enough, which may lie between slots held ahead (one given back leaves such a gap), or after the last.
 */
export const findFreeSlot = (entries: readonly PaceEntry[], notBefore: number, spacing: number): number => {
  let candidate = notBefore;
  for (const [at] of entries) {
    if (candidate <= at - spacing) break;
    if (candidate < at + spacing) candidate = at + spacing;
  }
  return candidate;
};

export const withSlot = (entries: readonly PaceEntry[], at: number, emailId: string, retry = false): PaceEntry[] =>
  [...entries, entry(at, emailId, retry)].sort((a, b) => a[0] - b[0]);

/** Without the slot at `at` if `emailId` holds it; unchanged otherwise (someone else's slot is never removed). */
export const withoutEntry = (entries: readonly PaceEntry[], at: number, emailId: string): PaceEntry[] =>
  entries.filter(([time, id]) => time !== at || id !== emailId);

/** The slot at `at` held by `emailId` instead. */
export const withHolder = (entries: readonly PaceEntry[], at: number, emailId: string, retry = false): PaceEntry[] =>
  entries.map((held) => (held[0] === at ? entry(at, emailId, retry) : held));
