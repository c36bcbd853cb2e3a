import type { IncomingStatus } from '../../contract/incoming-log-values';
import { changeRecord } from './change-record';
import { IncomingWriteConflictError } from './errors';
import type { IncomingRecord, IncomingTarget, SeenMessage } from './incoming-record';
import type { IncomingRecordStore } from './incoming-records';
import { incomingMessageKey } from './message-key';

/**
 * What a run may do with a message it has just read:
 * - `claimed`: no copy came before; this run processes it.
 * - `resumed`: an earlier run claimed it and has certainly ended (its lease ran out) without finishing. If the
 *   record names a `target`, that run may have written to Jira already: look for the write's marker there first.
 * - `busy`: another run holds it now; try again after `retryAfterMs`.
 * - `done`: it was processed, ignored, held or failed already; nothing to do (held and failed ones wait for
 *   "Process again").
 */
export type ClaimOutcome =
  | { kind: 'claimed'; record: IncomingRecord }
  | { kind: 'resumed'; record: IncomingRecord }
  | { kind: 'busy'; record: IncomingRecord; retryAfterMs: number }
  | { kind: 'done'; record: IncomingRecord };

export interface ClaimOptions {
  now: number;
  /** How long this run may take at most (its invocation's time limit and a margin): the lease it holds. */
  leaseMs: number;
}

const MAX_TRIES = 5;

/** Forge refuses a blank `string` attribute: blank text is left out. */
const text = <K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined || value.trim() === '' ? {} : ({ [name]: value } as Record<K, string>);

const freshRecord = (messageKey: string, seen: SeenMessage, options: ClaimOptions): IncomingRecord => ({
  messageKey,
  version: 1,
  status: 'processing',
  createdAt: options.now,
  updatedAt: options.now,
  ...text('internetMessageId', seen.internetMessageId),
  handlerId: seen.handlerId,
  mailbox: seen.mailbox,
  graphMessageId: seen.graphMessageId,
  from: { ...(seen.from.name === undefined ? {} : { name: seen.from.name }), address: seen.from.address },
  ...text('sender', seen.from.address.toLowerCase()),
  ...text('subject', seen.subject),
  receivedAt: seen.receivedAt,
  ...text('conversationId', seen.conversationId),
  ...text('requestId', seen.requestId),
  leaseUntil: options.now + options.leaseMs,
  attempts: 1,
});

/** A second handler's copy is named on the record, so the log shows why that handler wrote nothing. */
const noteCopy = async (records: IncomingRecordStore, record: IncomingRecord, handlerId: string) => {
  if (record.handlerId === handlerId || (record.alsoSeenBy ?? []).includes(handlerId)) return record;
  const written = await changeRecord(records, record, (current) =>
    current.handlerId === handlerId || (current.alsoSeenBy ?? []).includes(handlerId)
      ? undefined
      : { ...current, alsoSeenBy: [...(current.alsoSeenBy ?? []), handlerId] },
  );
  return written ?? record;
};

/**
 * Claims a message for this run, exactly once across every copy of it: the record is created only if absent (Forge's
 * FAIL_IF_EXISTS), and taken over only when the earlier claim's lease has run out, by a write conditional on the
 * version read.
 */
export const claimMessage = async (
  records: IncomingRecordStore,
  seen: SeenMessage,
  options: ClaimOptions,
): Promise<ClaimOutcome> => {
  const messageKey = incomingMessageKey(seen);
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const fresh = freshRecord(messageKey, seen, options);
    if (await records.create(fresh)) return { kind: 'claimed', record: fresh };
    const existing = await records.get(messageKey);
    if (existing === undefined) continue;
    if (existing.status !== 'processing')
      return { kind: 'done', record: await noteCopy(records, existing, seen.handlerId) };
    const leaseUntil = existing.leaseUntil ?? 0;
    if (leaseUntil > options.now) return { kind: 'busy', record: existing, retryAfterMs: leaseUntil - options.now };
    // The copy this run read is the one it can read, move and mark read, under its handler's rules.
    const earlierHandlers = [existing.handlerId, ...(existing.alsoSeenBy ?? [])].filter((id) => id !== seen.handlerId);
    const taken: IncomingRecord = {
      ...existing,
      version: existing.version + 1,
      updatedAt: options.now,
      handlerId: seen.handlerId,
      mailbox: seen.mailbox,
      graphMessageId: seen.graphMessageId,
      leaseUntil: options.now + options.leaseMs,
      attempts: existing.attempts + 1,
      ...(earlierHandlers.length === 0 ? {} : { alsoSeenBy: earlierHandlers }),
    };
    if (await records.replace(taken, existing.version)) return { kind: 'resumed', record: taken };
  }
  throw new IncomingWriteConflictError(messageKey);
};

/**
 * Names the Jira write this run is about to make, before it makes it. False when the claim is no longer this run's
 * (its lease ran out and another run took the message over): then it must not write.
 */
export const recordTarget = async (
  records: IncomingRecordStore,
  claimed: IncomingRecord,
  target: IncomingTarget,
  now: number,
): Promise<IncomingRecord | undefined> => {
  const written = { ...claimed, version: claimed.version + 1, target, updatedAt: now };
  return (await records.replace(written, claimed.version)) ? written : undefined;
};

/**
 * Ends this run's lease early: the run stops on a failure that may pass, and the queue runs the message again soon,
 * which can then take it over at once (looking for the Jira write's mark first) instead of waiting out the lease.
 * False when the claim is no longer this run's.
 */
export const releaseClaim = async (
  records: IncomingRecordStore,
  claimed: IncomingRecord,
  now: number,
): Promise<boolean> =>
  records.replace({ ...claimed, version: claimed.version + 1, leaseUntil: now, updatedAt: now }, claimed.version);

export type FinalOutcome =
  | { status: 'created'; issueKey: string }
  | { status: 'commented'; issueKey: string; commentId: string }
  | { status: 'ignored' | 'held'; reason: string }
  | { status: 'failed'; error: { code: string; message: string } };

/**
 * Writes how the message ended. Conditional on the version this run holds: a run whose lease ran out does not
 * overwrite the run that took over.
 */
export const finishMessage = async (
  records: IncomingRecordStore,
  claimed: IncomingRecord,
  outcome: FinalOutcome,
  now: number,
): Promise<IncomingRecord | undefined> => {
  const { leaseUntil: _lease, reason: _reason, error: _error, ...rest } = claimed;
  const status: IncomingStatus = outcome.status;
  const written: IncomingRecord = {
    ...rest,
    version: claimed.version + 1,
    status,
    updatedAt: now,
    ...('issueKey' in outcome ? { issueKey: outcome.issueKey } : {}),
    ...('commentId' in outcome ? { commentId: outcome.commentId } : {}),
    ...('reason' in outcome ? { reason: outcome.reason } : {}),
    ...('error' in outcome ? { error: outcome.error } : {}),
  };
  return (await records.replace(written, claimed.version)) ? written : undefined;
};

/**
 * "Process again" of a held or failed message: it becomes this run's claim, with a fresh lease, the earlier outcome
 * cleared. Undefined when the message is not held or failed (any more).
 */
export const reclaimMessage = async (
  records: IncomingRecordStore,
  messageKey: string,
  options: ClaimOptions,
): Promise<IncomingRecord | undefined> => {
  const stored = await records.get(messageKey);
  if (stored === undefined) return undefined;
  return changeRecord(records, stored, (current) => {
    if (current.status !== 'held' && current.status !== 'failed') return undefined;
    const { reason: _reason, error: _error, target: _target, ...rest } = current;
    return {
      ...rest,
      status: 'processing',
      updatedAt: options.now,
      leaseUntil: options.now + options.leaseMs,
      attempts: current.attempts + 1,
    };
  });
};
