import { IncomingMailboxError, isIncomingFailure, ITEM_GONE_CODE } from '../../mail-model/incoming-errors';
import type { IncomingMessage, IncomingReceipt } from '../../mail-model/incoming-message';
import { safeErrorLabel } from '../../shared/error-names';
import { type FinalOutcome, finishMessage, releaseClaim } from '../records/claim-message';
import type { IncomingRecord } from '../records/incoming-record';
import { afterProcessing } from './after-processing';
import { claimRun, seenMessage } from './claim-run';
import { decideRoute } from './decide-route';
import { MessageBusyError } from './errors';
import { describeFailure, isTransientFailure } from './failure';
import { prepareContent } from './message-body';
import type { ProcessDeps, ProcessJob } from './ports';
import { resumeFromMark } from './resume-from-mark';
import type { RunState, WriteResult } from './run-state';
import { writeComment } from './write-comment';
import { writeIssue } from './write-issue';

/**
 * How one run ended:
 * - `gone`: the message is no longer in the mailbox (moved or deleted since it was queued); nothing recorded.
 * - `duplicate`: another copy of it was processed already (the record names this handler in `alsoSeenBy` when the
 *   copy was another handler's).
 * - `superseded`: this run's claim was taken over by another run, which finishes the message.
 * - otherwise the record as this run finished it.
 */
export type ProcessResult =
  | { outcome: 'gone' }
  | { outcome: 'duplicate'; record: IncomingRecord }
  | { outcome: 'superseded' }
  | { outcome: FinalOutcome['status']; record: IncomingRecord };

const readMessage = async (
  job: ProcessJob,
  deps: ProcessDeps,
): Promise<{ message: IncomingMessage; receipt: IncomingReceipt } | undefined> => {
  try {
    return await deps.mailbox.readMessage(job.messageId);
  } catch (error) {
    if (isIncomingFailure(error, 'gone')) return undefined;
    throw error;
  }
};

/** Records how the message ended; a lost write means another run took it over. */
const finish = async (state: RunState, outcome: FinalOutcome, deps: ProcessDeps): Promise<ProcessResult> => {
  const written = await finishMessage(deps.records, state.record, outcome, deps.now());
  return written === undefined ? { outcome: 'superseded' } : { outcome: outcome.status, record: written };
};

/**
 * After the write: the record first (the exactly-once mark), then the conversation's issue for later replies, then
 * the message marked read and moved. Only the record's write matters to exactly-once; the others are logged.
 */
const finishWritten = async (
  message: IncomingMessage,
  state: RunState,
  outcome: Extract<FinalOutcome, { status: 'created' | 'commented' }>,
  deps: ProcessDeps,
): Promise<ProcessResult> => {
  const result = await finish(state, outcome, deps);
  if (result.outcome === 'superseded') return result;
  if (message.conversationId !== undefined && message.conversationId !== '') {
    await deps.conversations
      .remember(message.conversationId, outcome.issueKey)
      .catch((error: unknown) => deps.log.warn(`incoming mail: conversation not indexed: ${safeErrorLabel(error)}`));
  }
  await afterProcessing(message.id, deps);
  return result;
};

/**
 * Process again of a message no longer in the mailbox (moved or deleted since): its record, re-claimed for the run,
 * ends failed with the reason, rather than staying "processing" with nobody to finish it.
 */
const finishGone = async (messageKey: string, deps: ProcessDeps): Promise<void> => {
  const record = await deps.records.get(messageKey);
  if (record?.status !== 'processing' || (record.leaseUntil ?? 0) > deps.now()) return;
  const gone = new IncomingMailboxError(ITEM_GONE_CODE, 'gone', 'The message is gone.', { item: 'message' });
  await finishMessage(deps.records, record, { status: 'failed', error: describeFailure(gone) }, deps.now());
};

const route = async (
  message: IncomingMessage,
  job: ProcessJob,
  state: RunState,
  deps: ProcessDeps,
): Promise<ProcessResult> => {
  const decided = await decideRoute(message, state.record, { applyHourlyLimit: job.processAgain !== true }, deps);
  if (decided.kind === 'ignored' || decided.kind === 'held')
    return finish(state, { status: decided.kind, reason: decided.reason }, deps);
  const prepared = await prepareContent(message, async () => {
    const { attachments } = await deps.mailbox.listAttachments(message.id);
    return attachments;
  });
  const written: WriteResult =
    decided.kind === 'comment'
      ? await writeComment(message, prepared, decided.match.issueKey, state, deps)
      : await writeIssue(message, prepared, decided.place, state, deps);
  return written.kind === 'superseded'
    ? { outcome: 'superseded' }
    : finishWritten(message, state, written.outcome, deps);
};

/**
 * Processes one message of a handler's mailbox, exactly once across every copy and run of it (issue 15, items 3
 * and 4): read it; claim it (src/incoming/records); a run that takes over a crashed one looks for its Jira write's
 * mark first; then noise, sender policy, hourly limit, which issue, and the comment or new issue with the content
 * and attachments; then the record, the conversation index and the mailbox. Each end is written to the record
 * with a stable code. A failure that may pass is rethrown for the queue to retry, the claim's lease released so the
 * next run need not wait it out (MessageBusyError, with when, for a message another run holds); a final one is
 * recorded as failed, with its code and a sentence of the app's own.
 */
export const processMessage = async (job: ProcessJob, deps: ProcessDeps): Promise<ProcessResult> => {
  const read = await readMessage(job, deps);
  if (read === undefined) {
    if (job.messageKey !== undefined) await finishGone(job.messageKey, deps);
    return { outcome: 'gone' };
  }
  const { message, receipt } = read;
  const seen = seenMessage(message, job, deps.mailbox.mailbox, receipt, deps.now());
  const claim = await claimRun(job, seen, deps);
  if (claim.kind === 'done') {
    // This copy is in this handler's mailbox: a processed one is tidied under its rules (an earlier run's move that
    // the mail service refused for a while, or a Cc copy of a message another handler wrote to Jira).
    if (claim.record.status === 'created' || claim.record.status === 'commented')
      await afterProcessing(message.id, deps);
    return { outcome: 'duplicate', record: claim.record };
  }
  if (claim.kind === 'busy') throw new MessageBusyError(claim.record.messageKey, claim.retryAfterMs);
  const state: RunState = { record: claim.record };
  try {
    if (claim.kind === 'resumed') {
      const healed = await resumeFromMark(state.record, deps.jira);
      if (healed !== undefined) return await finishWritten(message, state, healed, deps);
    }
    return await route(message, job, state, deps);
  } catch (error) {
    if (state.written === true || (isTransientFailure(error) && job.finalAttempt !== true)) {
      await releaseClaim(deps.records, state.record, deps.now()).catch(() => false);
      throw error;
    }
    deps.log.warn(`incoming mail: incoming message failed: ${safeErrorLabel(error)}`);
    return finish(state, { status: 'failed', error: describeFailure(error) }, deps);
  }
};
