import { recordSent } from './attempt-delivery';
import type { EmailRecord } from './email-record';
import { OutboxErrorCode } from './errors';
import { failureKind, technicalNote } from './failure-kind';
import { runFollowUps } from './follow-ups';
import { serviceName } from './mail-provider';
import type { OutboxDeps } from './outbox-deps';
import { markedFailed, markedRetrying, without, withStatus } from './record-changes';
import { MAX_ATTEMPTS, retryDelaySeconds } from './retry-schedule';
import { updateRecord } from './update-record';

/**
 * How long after an attempt began its copy may take to show in the sender's mailbox. Exchange files a message
 * accepted by sendMail in Sent Items within seconds; until this has passed, "not found" is not yet an answer.
 */
export const TRACE_GRACE_MS = 60_000;
export const TRACE_RECHECK_SECONDS = 15;

/** The uncertain outcome as the log says it, naming the provider the record was sent through. */
export const uncertainMessage = (provider: string | undefined): string =>
  `Issue Mailer lost contact with ${serviceName(provider)} during an attempt and could not check the sender's ` +
  "mailbox afterwards, so it cannot tell whether this email went out. Check the sender's " +
  `${provider === undefined ? 'Sent Items' : 'Sent mail'} before resending.`;

export const UNCERTAIN_MESSAGE = uncertainMessage(undefined);

/** `resend`: the trace was settled, send now (the record is re-read first). */
export type TraceOutcome =
  'reconciled-sent' | 'resend' | 'waiting-for-trace' | 'retry-scheduled' | 'uncertain' | 'superseded';

const stillUnsure = (current: EmailRecord, record: EmailRecord): boolean =>
  current.status === record.status && current.unsure !== undefined && current.version === record.version;

/**
 * An earlier attempt may have gone out unheard (no answer in time, or the worker stopped mid-attempt). The
 * sender's mailbox is searched for the email's Message-ID: a sent copy settles it as sent, a leftover draft is
 * deleted and the email sent again, nothing found after TRACE_GRACE_MS means the attempt never went out. When
 * the mailbox cannot be searched the email fails as DELIVERY_UNCERTAIN: the one case the app cannot decide.
 */
export const checkTrace = async (record: EmailRecord, deps: OutboxDeps): Promise<TraceOutcome> => {
  const since = record.unsure?.since ?? record.updatedAt;
  let trace;
  try {
    const credential = await deps.credential(record.credentialId);
    trace = await deps.findMessage(credential, record.internetMessageId);
    if (trace.found === 'draft') await deps.deleteDraft(credential, trace.messageId);
  } catch (error) {
    return traceFailed(record, error, deps);
  }

  const now = deps.now();
  if (trace.found === 'sent') {
    const where = record.provider === undefined ? 'Sent Items' : 'mailbox';
    await recordSent(record, `Found in the sender's ${where}: the earlier attempt went out.`, trace.requestId, deps);
    return 'reconciled-sent';
  }
  if (trace.found === 'nothing' && now - since < TRACE_GRACE_MS) {
    const next = Math.min(since + TRACE_GRACE_MS, now + TRACE_RECHECK_SECONDS * 1000);
    const written = await updateRecord(deps.records, record, (current) =>
      stillUnsure(current, record) ? { ...current, nextAttemptAt: next, updatedAt: now } : undefined,
    );
    if (written === undefined) return 'superseded';
    await deps.queue.push(record.emailId, { mailbox: record.senderMailbox, delaySeconds: (next - now) / 1000 });
    return 'waiting-for-trace';
  }
  const note =
    trace.found === 'draft'
      ? 'The earlier attempt left an unsent draft; it was deleted and the email is sent again.'
      : "Not in the sender's mailbox: the earlier attempt did not go out. Sending again.";
  const written = await updateRecord(deps.records, record, (current) =>
    stillUnsure(current, record)
      ? withStatus(without(current, 'unsure'), now, { status: current.status, note, requestId: trace.requestId })
      : undefined,
  );
  return written === undefined ? 'superseded' : 'resend';
};

const traceFailed = async (record: EmailRecord, error: unknown, deps: OutboxDeps): Promise<TraceOutcome> => {
  const now = deps.now();
  const failure = failureKind(error);
  if (failure.kind !== 'final' && record.roundAttempts < MAX_ATTEMPTS) {
    const delay = retryDelaySeconds(
      record.roundAttempts,
      failure.kind === 'retry' || failure.kind === 'paused' ? failure.retryAfterSeconds : undefined,
      deps.random,
    );
    const written = await updateRecord(deps.records, record, (current) =>
      stillUnsure(current, record)
        ? {
            ...markedRetrying(
              current,
              now,
              now + delay * 1000,
              `Could not search the sender's mailbox (${technicalNote(error)}); trying again in ${delay} s.`,
              {
                error: deps.describe(error),
              },
            ),
            roundAttempts: current.roundAttempts + 1,
          }
        : undefined,
    );
    if (written === undefined) return 'superseded';
    await deps.queue.push(record.emailId, { mailbox: record.senderMailbox, delaySeconds: delay });
    return 'retry-scheduled';
  }
  const written = await updateRecord(deps.records, record, (current) =>
    stillUnsure(current, record)
      ? markedFailed(
          current,
          now,
          `Could not search the sender's mailbox (${technicalNote(error)}): whether the earlier attempt went out is unknown.`,
          { code: OutboxErrorCode.DeliveryUncertain, message: uncertainMessage(record.provider) },
        )
      : undefined,
  );
  if (written === undefined) return 'superseded';
  await runFollowUps(written, deps);
  return 'uncertain';
};
