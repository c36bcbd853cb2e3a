import { MailServiceError } from '../mail-model/mail-service-error';
import type { DeliveryResult, StreamedAttachment } from '../mail-model/outgoing-message';
import { TokenError } from '../oauth/errors';
import { safeErrorLabel } from '../shared/error-names';
import { type EmailContent, isInlineAttachment } from './email-contents';
import type { EmailRecord } from './email-record';
import { failureKind, requestIdOf, technicalNote } from './failure-kind';
import { performFollowUps, runFollowUps, stagedHistoryOf, withFollowUpsDone } from './follow-ups';
import { serviceName } from './mail-provider';
import { SEND_BY_MS } from './mailbox-pacer';
import type { OutboxDeps } from './outbox-deps';
import { delaySecondsToSlot, delaySecondsUntil } from './outbox-queue';
import { markedFailed, markedRetrying, markedSent } from './record-changes';
import { planRetry, releaseSlot, type RetryPlan } from './refused-slot';
import { MAX_ATTEMPTS, retryDelaySeconds } from './retry-schedule';
import { updateRecord } from './update-record';

/** A send that got no answer is looked for in the sender's mailbox after this long. */
export const TRACE_CHECK_DELAY_SECONDS = 15;

/**
 * A mailbox at its daily sending limit waits without using up its attempts (failure-kind.ts), but not forever: an
 * email that has made this many attempts in all, waits included (over a day of hourly waits), fails.
 */
export const MAX_PAUSED_ATTEMPTS = MAX_ATTEMPTS + 30;

export type AttemptOutcome = 'sent' | 'retry-scheduled' | 'unsure' | 'failed' | 'superseded' | 'slot-missed';

/**
 * The attachments as files read while they are sent (deliver-message.ts): nothing is downloaded up front, so
 * a 150 MB email never holds its attachments in memory, and each download starts only when the mail service is ready for it.
 */
const attachmentsOf = (content: EmailContent, deps: OutboxDeps): StreamedAttachment[] =>
  content.attachments.map((attachment) => ({
    name: attachment.filename,
    contentType: attachment.mimeType,
    size: attachment.size,
    open: () => deps.openAttachment(attachment.id, attachment.size, content.readAs),
    isInline: isInlineAttachment(attachment),
    ...(attachment.contentId === undefined ? {} : { contentId: attachment.contentId }),
  }));

/**
 * The mailbox an attempt went out from is the credential's as it is now: an admin may have changed the credential's
 * sender mailbox since the email was queued (and resent it). The record shows the latest attempt's From, and the
 * attempt's event keeps it, so the log's history shows each attempt's From.
 */
export const withAttemptFrom = (record: EmailRecord, from: string | undefined): EmailRecord => {
  if (from === undefined) return record;
  const events = [...record.events];
  const last = events.pop();
  return { ...record, senderMailbox: from, events: last === undefined ? events : [...events, { ...last, from }] };
};

const markedRetryingFrom = (from: string | undefined, ...args: Parameters<typeof markedRetrying>): EmailRecord =>
  withAttemptFrom(markedRetrying(...args), from);

/** Still ours: the stored record holds the attempt this invocation claimed. */
const holdsAttempt = (current: EmailRecord, claimed: EmailRecord): boolean =>
  current.status === 'sending' &&
  current.attempt?.ticket === claimed.attempt?.ticket &&
  current.attempt?.number === claimed.attempt?.number;

/**
 * Marks the email sent, whatever else was stored meanwhile: Microsoft 365's 202 is the truth. The follow-ups (history,
 * comment) run first, from the record as it is about to be stored, so that the sent status is stored with them done:
 * one write, not two (the outbox's kvs budget); the history entry goes in that very write's transaction. A worker that
 * dies in between leaves `sending`, which the next job settles by searching the mailbox (trace-check.ts) and finding
 * it sent; the follow-ups then run again (the history write is idempotent; the comment may repeat, as it could when
 * a worker died between the two writes).
 */
export const recordSent = async (
  record: EmailRecord,
  note: string,
  requestId: string | undefined,
  deps: OutboxDeps,
  from?: string,
): Promise<void> => {
  const at = deps.now();
  const sent = (current: EmailRecord) => withAttemptFrom(markedSent(current, at, note, requestId), from);
  if (record.status === 'sent') return;
  const planned = sent(record);
  const staged = stagedHistoryOf(planned, deps);
  const others =
    staged === undefined ? planned : { ...planned, followUps: planned.followUps.filter((f) => f !== 'history') };
  const notes = await performFollowUps(others, deps);
  const done = new Set(planned.followUps);
  const change = (current: EmailRecord) =>
    current.status === 'sent' ? undefined : withFollowUpsDone(sent(current), done, notes);
  if (staged === undefined) {
    await updateRecord(deps.records, record, change);
    return;
  }
  // A failed write throws, as the record's own write would: the redelivered job finds the sent copy and comes back here.
  const written = await updateRecord(deps.records, record, change, staged.entries);
  if (written === undefined) return;
  try {
    await staged.tidy();
  } catch (error) {
    deps.log(`email ${record.emailId}: the history after sent was not tidied (${safeErrorLabel(error)})`);
  }
};

/**
 * One attempt of a claimed email: credential and content, then the credential's provider, the attachments read from
 * Jira as they are sent (no retries inside; a 401 gets one fresh token in the provider's request). The outcome is written before anything is pushed, so a crash
 * after this write leaves nothing undone that a redelivered job would not finish.
 */
export const attemptDelivery = async (record: EmailRecord, deps: OutboxDeps): Promise<AttemptOutcome> => {
  // Stays undefined when the attempt missed its pacing slot before it could call the mail service.
  let result: DeliveryResult | undefined;
  let from: string | undefined;
  let service = serviceName(record.provider);
  try {
    const credential = await deps.credential(record.credentialId);
    from = credential.senderMailbox;
    service = serviceName(credential.provider);
    const content = await deps.contents.read(record.emailId, record.contentChunks);
    const attachments = attachmentsOf(content, deps);
    const slotAt = record.attempt?.slotAt;
    if (slotAt === undefined || deps.now() <= slotAt + SEND_BY_MS) {
      result = await deps.send(
        credential,
        {
          subject: content.subject,
          html: content.html,
          to: content.to,
          cc: content.cc,
          bcc: content.bcc,
          ...(content.replyTo === undefined ? {} : { replyTo: content.replyTo }),
          attachments,
          headers: content.headers,
          internetMessageId: record.internetMessageId,
        },
        // Checked again right before the request leaves, after its token: Microsoft must count it within the
        // slot's tolerance (mailbox-pacer.ts), and a token fetched or refreshed on a busy platform takes time.
        slotAt === undefined ? undefined : { sendBy: slotAt + SEND_BY_MS },
      );
    }
  } catch (error) {
    if (missedSlot(error)) return recordSlotMissed(record, deps, service);
    return recordFailure(record, error, deps, { from, service });
  }
  if (result === undefined) return recordSlotMissed(record, deps, service);
  // Accepted: nothing that fails from here on is a failed send, or the next attempt would send it twice. A thrown
  // error leaves the claim in place; the platform delivers this job again, finds the attempt over and searches the
  // mailbox (trace-check.ts) instead of sending blindly.
  await recordSent(record, deps.acceptedNote(result), result.requestId, deps, from);
  await noteTraffic(deps, (traffic) => traffic.recordAccepted(record.credentialId, deps.now()));
  return 'sent';
};

/** The send was not made: its pacing slot had passed before the request could leave (the provider's check). */
const missedSlot = (error: unknown): boolean => error instanceof MailServiceError && error.failure === 'slot-missed';

/**
 * The attempt was too slow to reach its provider in its pacing slot (a busy platform): sending now could put more
 * messages in a minute than the mailbox may send. Nothing went out, so nothing is counted: the email takes the next
 * free slot.
 */
const recordSlotMissed = async (record: EmailRecord, deps: OutboxDeps, service: string): Promise<AttemptOutcome> => {
  const now = deps.now();
  const scheduled = await scheduleRetry(record, now, deps, (current, plan) => ({
    ...markedRetrying(
      current,
      now,
      plan.at,
      `Attempt ${current.attempts} did not reach ${service} within its sending slot; it goes in the next one.`,
    ),
    attempts: current.attempts - 1,
    roundAttempts: current.roundAttempts - 1,
  }));
  return scheduled ? 'slot-missed' : 'superseded';
};

/**
 * Stores the retry `change` describes, in the slot planned for it (refused-slot.ts), while the record still holds
 * this attempt; then pushes its job. False when someone else had changed the record (the attempt was superseded).
 */
const scheduleRetry = async (
  record: EmailRecord,
  notBefore: number,
  deps: OutboxDeps,
  change: (current: EmailRecord, plan: RetryPlan) => EmailRecord,
): Promise<boolean> => {
  const plan = await planRetry(record, notBefore, deps);
  const written = await updateRecord(deps.records, record, (current) =>
    holdsAttempt(current, record)
      ? { ...change(current, plan), ...(plan.slotAt === undefined ? {} : { slotAt: plan.slotAt }) }
      : undefined,
  );
  if (written === undefined) return false;
  await deps.queue.push(record.emailId, {
    mailbox: record.senderMailbox,
    delaySeconds:
      plan.slotAt === undefined ? delaySecondsUntil(plan.at, deps.now()) : delaySecondsToSlot(plan.at, deps.now()),
  });
  return true;
};

/**
 * The mail service's own refusals (its API or its token endpoint) say something about the credential; our failures
 * do not.
 */
const isProviderRefusal = (error: unknown): boolean =>
  (error instanceof MailServiceError && error.answeredByService) || error instanceof TokenError;

/**
 * The credential's health is news for the admin page, not part of the email: a failed write is logged and the
 * delivery's outcome stands.
 */
const noteTraffic = async (
  deps: OutboxDeps,
  write: (traffic: NonNullable<OutboxDeps['traffic']>) => Promise<void>,
): Promise<void> => {
  if (deps.traffic === undefined) return;
  try {
    await write(deps.traffic);
  } catch (error) {
    deps.log(`credential health not recorded: ${safeErrorLabel(error)}`);
  }
};

/** Who the attempt went to: the credential's mailbox (when it was read) and its provider's service name. */
interface AttemptSide {
  from: string | undefined;
  service: string;
}

const recordFailure = async (
  record: EmailRecord,
  error: unknown,
  deps: OutboxDeps,
  { from, service }: AttemptSide,
): Promise<AttemptOutcome> => {
  const now = deps.now();
  const described = deps.describe(error);
  const requestId = requestIdOf(error);
  const failure = failureKind(error);
  const attemptNumber = record.attempt?.number ?? record.attempts;
  const detail = technicalNote(error);

  if (failure.kind === 'unsure') {
    const since = record.attempt?.startedAt ?? now;
    const next = now + TRACE_CHECK_DELAY_SECONDS * 1000;
    const written = await updateRecord(deps.records, record, (current) =>
      holdsAttempt(current, record)
        ? markedRetryingFrom(
            from,
            current,
            now,
            next,
            `Attempt ${attemptNumber}: no answer from ${service} (${detail}), so the email may have gone out. ` +
              "The sender's mailbox is checked before any new attempt.",
            { error: described, requestId, unsure: { since } },
          )
        : undefined,
    );
    if (written === undefined) return 'superseded';
    await deps.queue.push(record.emailId, { mailbox: record.senderMailbox, delaySeconds: TRACE_CHECK_DELAY_SECONDS });
    return 'unsure';
  }

  if (failure.kind === 'paused' && record.attempts < MAX_PAUSED_ATTEMPTS) {
    const delay = failure.retryAfterSeconds;
    const scheduled = await scheduleRetry(record, now + delay * 1000, deps, (current, plan) => ({
      ...markedRetryingFrom(
        from,
        current,
        now,
        plan.at,
        `Attempt ${attemptNumber}: the sender's mailbox reached ${service}'s daily sending limit (${detail}); ` +
          `trying again in ${Math.max(delay, Math.round((plan.at - now) / 1000))} s. The wait does not use up an attempt.`,
        { error: described, requestId },
      ),
      roundAttempts: current.roundAttempts - 1,
    }));
    return scheduled ? 'retry-scheduled' : 'superseded';
  }

  if (failure.kind === 'retry' && record.roundAttempts < MAX_ATTEMPTS) {
    const delay = retryDelaySeconds(record.roundAttempts, failure.retryAfterSeconds, deps.random);
    const asked = failure.retryAfterSeconds === undefined ? '' : ` as ${service} asked (Retry-After)`;
    const scheduled = await scheduleRetry(record, now + delay * 1000, deps, (current, plan) =>
      markedRetryingFrom(
        from,
        current,
        now,
        plan.at,
        `Attempt ${attemptNumber} failed (${detail}); trying again in ${Math.max(delay, Math.round((plan.at - now) / 1000))} s${asked}.`,
        { error: described, requestId },
      ),
    );
    if (!scheduled) return 'superseded';
    return 'retry-scheduled';
  }

  const timeCanFix = failure.kind === 'retry' || failure.kind === 'paused';
  const why = timeCanFix ? `; no attempts left (${failure.kind === 'retry' ? MAX_ATTEMPTS : MAX_PAUSED_ATTEMPTS})` : '';
  // Out of attempts on a failure time can fix: "Resend" later is no repeat of the same mistake (email-log-service.ts).
  const stored = timeCanFix ? { ...described, transient: true } : described;
  const written = await updateRecord(deps.records, record, (current) =>
    holdsAttempt(current, record)
      ? withAttemptFrom(
          markedFailed(current, now, `Attempt ${attemptNumber} failed (${detail})${why}.`, stored, requestId),
          from,
        )
      : undefined,
  );
  if (written === undefined) return 'superseded';
  await releaseSlot(record, deps);
  if (failure.kind === 'final' && isProviderRefusal(error)) {
    await noteTraffic(deps, (traffic) =>
      traffic.recordRefused(record.credentialId, now, { code: described.code, message: described.message }),
    );
  }
  await runFollowUps(written, deps);
  return 'failed';
};
