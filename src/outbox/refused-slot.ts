import { safeErrorLabel } from '../shared/error-names';
import type { EmailRecord } from './email-record';
import type { SlotDecision } from './mailbox-pacer';
import type { OutboxDeps } from './outbox-deps';
import { updateRecord } from './update-record';

/** When a retry is due, and the slot it holds for it (none: it reserves one when it runs). */
export interface RetryPlan {
  at: number;
  slotAt?: number;
}

const planOf = (decision: SlotDecision): RetryPlan =>
  'slotAt' in decision ? { at: decision.slotAt, slotAt: decision.slotAt } : { at: decision.askAgainAt };

/**
 * Moves the email that takes a refused attempt's slot up to that slot: its record first (only while it still waits
 * for the slot it gave up: any other change of it wins), then its job, due now. False when it could not be moved.
 */
const moveUp = async (mover: { emailId: string; slotAt: number; from: number }, deps: OutboxDeps): Promise<boolean> => {
  const record = await deps.records.get(mover.emailId);
  if (record === undefined) return false;
  const now = deps.now();
  const moved = await updateRecord(deps.records, record, (current) =>
    (current.status === 'queued' || current.status === 'retrying') && current.slotAt === mover.from
      ? { ...current, slotAt: mover.slotAt, nextAttemptAt: mover.slotAt, updatedAt: now }
      : undefined,
  );
  if (moved === undefined) return false;
  await deps.queue.push(moved.emailId, { mailbox: moved.senderMailbox, delaySeconds: 0 });
  return true;
};

/**
 * The slot of an attempt Microsoft refused (429, 503, refused connection) was not spent: Exchange counts only the
 * messages it accepted. It goes to the next email in line, whose job runs now in it, and the retry takes that email's
 * later slot (at or after `notBefore`, when Retry-After or the backoff allow): so a refusal costs the mailbox no
 * sending capacity. Pacing trouble never stops the retry: without a slot, it reserves one when it runs.
 */
export const planRetry = async (record: EmailRecord, notBefore: number, deps: OutboxDeps): Promise<RetryPlan> => {
  const now = deps.now();
  const mailbox = record.senderMailbox;
  const request = {
    emailId: record.emailId,
    now,
    notBefore,
    ...(record.provider === undefined ? {} : { provider: record.provider }),
  };
  try {
    const slotAt = record.attempt?.slotAt;
    if (slotAt === undefined) return planOf(await deps.pacer.reserve(mailbox, request));
    const decision = await deps.pacer.handOver(mailbox, { ...request, slotAt });
    if (decision.movedUp === undefined || (await moveUp(decision.movedUp, deps))) return planOf(decision);
    // The other email kept its slot (it changed meanwhile), so the retry may not have it: it takes one of its own.
    return planOf(await deps.pacer.reserve(mailbox, request));
  } catch (error) {
    deps.log(`email ${record.emailId}: no pacing slot for the retry (${safeErrorLabel(error)})`);
    return { at: notBefore };
  }
};

/** A slot whose attempt sent nothing and will not be retried (failed for good) is given back. */
export const releaseSlot = async (record: EmailRecord, deps: OutboxDeps): Promise<void> => {
  const slotAt = record.attempt?.slotAt;
  if (slotAt === undefined) return;
  try {
    await deps.pacer.release(record.senderMailbox, record.emailId, slotAt, deps.now());
  } catch (error) {
    deps.log(`email ${record.emailId}: its pacing slot was not given back (${safeErrorLabel(error)})`);
  }
};
