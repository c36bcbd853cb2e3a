import { attemptDelivery, type AttemptOutcome } from './attempt-delivery';
import { type EmailRecord, isFinal } from './email-record';
import { WriteConflictError } from './errors';
import { runFollowUps } from './follow-ups';
import { EARLY_TOLERANCE_MS, SEND_BY_MS } from './mailbox-pacer';
import type { OutboxDeps } from './outbox-deps';
import { delaySecondsToSlot, delaySecondsUntil, type OutboxJob } from './outbox-queue';
import { claimed, markedRetrying, without } from './record-changes';
import { checkTrace, type TraceOutcome } from './trace-check';

/** After the worker's time limit, a little more before an attempt counts as over. */
export const ATTEMPT_DEADLINE_MARGIN_MS = 30_000;

export type JobOutcome =
  AttemptOutcome | Exclude<TraceOutcome, 'resend'> | 'gone' | 'already-final' | 'early' | 'paced' | 'busy';

export interface JobDelivery {
  /** 0 for a first delivery; the platform's retry count when it delivers the same job again. */
  retryCount: number;
}

/**
 * Whether the attempt on record can no longer be running: its invocation's time is over, or the platform is
 * delivering again the very job that claimed it (Forge retries an event only after its invocation ended).
 */
const attemptIsOver = (record: EmailRecord, job: OutboxJob, delivery: JobDelivery, now: number): boolean => {
  const { attempt } = record;
  if (attempt === undefined) return true;
  return now >= attempt.deadlineAt || (delivery.retryCount > 0 && attempt.ticket === job.ticket);
};

/**
 * The delay is worked out from the time of the push, after this run's writes; a job due on a pacing slot comes a
 * little before it (outbox-queue.ts, SLOT_LEAD_MS).
 */
const pushAt = (deps: OutboxDeps, record: EmailRecord, at: number, onSlot: boolean) => {
  const now = deps.now();
  const delaySeconds = onSlot ? delaySecondsToSlot(at, now) : delaySecondsUntil(at, now);
  return deps.queue.push(record.emailId, { mailbox: record.senderMailbox, delaySeconds });
};

/**
 * A job this little early waits in its run: the queue's delays are whole seconds rounded down (outbox-queue.ts), and
 * a job due on its pacing slot is delayed to SLOT_LEAD_MS before it, so it comes 0.5 to 1.5 s early; the rest is room
 * for a queue that starts it a little early.
 */
export const IN_RUN_WAIT_MS = 2_000;

/**
 * The outbox worker's job: bring one email a step closer to sent or failed. Safe to run any number of times for
 * the same email, at once or one after another: every change is a write conditional on the version it read.
 *
 * The order of writes is what makes it exactly once:
 *  1. Claim: status `sending` with the attempt (ticket, start, deadline) is stored BEFORE the mail service is called.
 *  2. The mail service is called with the email's fixed Message-ID.
 *  3. The outcome (sent, retrying, failed) is stored; only then is a follow-up job pushed.
 * A worker that dies between 1 and 3 leaves `sending` behind. Whoever finds it after the attempt is over does
 * not send again blindly: it searches the sender's mailbox for the Message-ID (trace-check.ts) and only sends
 * again when there is no sent copy. When the mailbox cannot be searched the email fails as DELIVERY_UNCERTAIN.
 */
export const handleOutboxJob = async (job: OutboxJob, delivery: JobDelivery, deps: OutboxDeps): Promise<JobOutcome> => {
  for (let round = 0; round < 6; round += 1) {
    const record = await deps.records.get(job.emailId);
    if (record === undefined) return 'gone';
    let now = deps.now();

    if (isFinal(record.status)) {
      await runFollowUps(record, deps);
      return 'already-final';
    }

    if (record.status === 'sending') {
      if (!attemptIsOver(record, job, delivery, now)) {
        // Another invocation is on it; look again once it must have ended.
        await pushAt(deps, record, (record.attempt?.deadlineAt ?? now) + 1000, false);
        return 'busy';
      }
      const number = record.attempt?.number ?? record.attempts;
      const since = record.attempt?.startedAt ?? record.updatedAt;
      const interrupted = markedRetrying(
        record,
        now,
        now,
        `Attempt ${number} stopped before its outcome was recorded; the sender's mailbox is checked before any new attempt.`,
        { unsure: { since } },
      );
      if (!(await deps.records.replace({ ...interrupted, version: record.version + 1 }, record.version))) continue;
      continue;
    }

    // queued or retrying
    const dueAt = record.nextAttemptAt ?? now;
    if (now < dueAt - EARLY_TOLERANCE_MS && dueAt - now > IN_RUN_WAIT_MS) {
      // A job pushed for an earlier plan (or delivered twice, or a slot beyond the queue's 15 minutes of delay): it
      // keeps the email going, just later.
      await pushAt(deps, record, dueAt, dueAt === record.slotAt);
      return 'early';
    }
    if (now < dueAt) {
      await deps.sleep(dueAt - now);
      now = deps.now();
    }

    if (record.unsure !== undefined) {
      const outcome = await checkTrace(record, deps);
      if (outcome === 'resend') continue;
      return outcome;
    }

    let slotAt = record.slotAt !== undefined && now <= record.slotAt + SEND_BY_MS ? record.slotAt : undefined;
    if (slotAt === undefined) {
      // A slot the email held and let pass goes back in the same write: nobody sent in it.
      const decision = await deps.pacer.reserve(record.senderMailbox, {
        emailId: record.emailId,
        now,
        ...(record.slotAt === undefined ? {} : { releasing: record.slotAt }),
        ...(record.provider === undefined ? {} : { provider: record.provider }),
      });
      const waitUntil = 'askAgainAt' in decision ? decision.askAgainAt : decision.slotAt;
      if (waitUntil > now) {
        const paced: EmailRecord = {
          ...without(record, 'slotAt'),
          ...('slotAt' in decision ? { slotAt: decision.slotAt } : {}),
          nextAttemptAt: waitUntil,
          updatedAt: now,
          version: record.version + 1,
        };
        if (!(await deps.records.replace(paced, record.version))) continue;
        await pushAt(deps, record, waitUntil, 'slotAt' in decision);
        return 'paced';
      }
      if ('slotAt' in decision) slotAt = decision.slotAt;
    }

    const attempt = {
      number: record.attempts + 1,
      ticket: job.ticket,
      startedAt: now,
      deadlineAt: now + deps.attemptTimeLimitMs + ATTEMPT_DEADLINE_MARGIN_MS,
      ...(slotAt === undefined ? {} : { slotAt }),
    };
    const claim = { ...claimed(record, attempt, now), version: record.version + 1 };
    if (!(await deps.records.replace(claim, record.version))) continue;
    return attemptDelivery(claim, deps);
  }
  throw new WriteConflictError(`email ${job.emailId}`);
};
