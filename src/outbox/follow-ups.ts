import type { DeliveryEvent } from '../contract/email-log';
import type { HistoryRecord, StagedHistory } from '../history/history-store';
import { JiraError, JiraErrorCode } from '../jira/errors';
import { safeErrorLabel } from '../shared/error-names';
import { type EmailRecord, type FollowUp, withEvent } from './email-record';
import type { OutboxDeps } from './outbox-deps';
import { updateRecord } from './update-record';

/** The issue's history entry of an email that reached its final status. Keyed by that time: writing it again is harmless. */
export const historyEntryOf = (record: EmailRecord, issueKey: string): HistoryRecord => ({
  id: record.emailId,
  issueKey,
  at: new Date(record.finishedAt ?? record.updatedAt).toISOString(),
  sender: record.requestedBy,
  from: record.senderMailbox,
  to: record.to,
  cc: record.cc,
  bccCount: record.bccCount,
  subject: record.subject,
  status: record.status === 'sent' ? 'sent' : 'failed',
  ...(record.status !== 'sent' && record.lastError !== undefined
    ? { error: record.lastError.senderMessage ?? record.lastError.message }
    : {}),
  attachmentCount: record.attachmentCount,
  ...(record.status === 'sent' ? { internetMessageId: record.internetMessageId } : {}),
  ...(record.resentBy === undefined ? {} : { resentBy: record.resentBy }),
});

const runOne = async (record: EmailRecord, followUp: FollowUp, deps: OutboxDeps): Promise<void> => {
  if (followUp === 'content') {
    await deps.contents.delete(record.emailId, record.contentChunks);
    return;
  }
  // History and comments belong to an issue; a connection test's record has none (and no follow-ups).
  if (record.issueId === undefined || record.issueKey === undefined) return;
  if (followUp === 'history') {
    await deps.recordHistory(record.issueId, historyEntryOf(record, record.issueKey));
    return;
  }
  await deps.addComment(record.issueKey, {
    senderAccountId: record.requestedBy.accountId,
    to: record.to,
    cc: record.cc,
    subject: record.subject,
  });
};

/**
 * Why the "Emailed to" comment is missing, in the email log's words. The comment is the app's own, posted as its
 * account, which sees only projects whose permission scheme grants the `atlassian-addons-project-access` role.
 */
export const commentFailureNote = (issueKey: string, error: unknown): string =>
  error instanceof JiraError && (error.code === JiraErrorCode.IssueNotFound || error.code === JiraErrorCode.Forbidden)
    ? `The "Emailed to" comment was not added: Issue Mailer's own Jira account cannot see or comment on ${issueKey}. ` +
      "To have it, grant the atlassian-addons-project-access role Browse projects and Add comments in the project's permission scheme."
    : `The "Emailed to" comment was not added (${safeErrorLabel(error)}).`;

/**
 * Runs the follow-ups of a record that is (or is about to be stored) final, and answers the notes for its events.
 * They are records, not delivery: one that fails is logged and dropped, never retried into a second comment; a
 * missing comment is also told in the email's own events, so the admin reading the email log sees why.
 */
export const performFollowUps = async (record: EmailRecord, deps: OutboxDeps): Promise<DeliveryEvent[]> => {
  const notes: DeliveryEvent[] = [];
  for (const followUp of record.followUps) {
    try {
      await runOne(record, followUp, deps);
    } catch (error) {
      deps.log(`email ${record.emailId}: the ${followUp} after ${record.status} failed (${safeErrorLabel(error)})`);
      if (followUp === 'comment') {
        notes.push({
          at: new Date(deps.now()).toISOString(),
          status: record.status,
          note: commentFailureNote(record.issueKey ?? 'the issue', error),
        });
      }
    }
  }
  return notes;
};

/**
 * A final record's history entry, ready to go in the same transaction as the record's own write (one kvs write
 * instead of two). Undefined when there is none to write, or it cannot be staged: then the follow-up writes it.
 */
export const stagedHistoryOf = (record: EmailRecord, deps: OutboxDeps): StagedHistory | undefined => {
  if (deps.stageHistory === undefined || !record.followUps.includes('history')) return undefined;
  if (record.issueId === undefined || record.issueKey === undefined) return undefined;
  try {
    return deps.stageHistory(record.issueId, historyEntryOf(record, record.issueKey));
  } catch {
    return undefined;
  }
};

/** The record with these follow-ups marked done and their notes in its events. */
export const withFollowUpsDone = (
  current: EmailRecord,
  done: ReadonlySet<FollowUp>,
  notes: readonly DeliveryEvent[],
): EmailRecord => ({
  ...current,
  followUps: current.followUps.filter((item) => !done.has(item)),
  ...(done.has('content') ? { contentChunks: 0 } : {}),
  events: notes.reduce(withEvent, current.events),
});

/**
 * The issue's history entry, the comment and forgetting a sent email's content, after the final status is stored.
 * Marked done afterwards, so a redelivered job after a crash in between runs them again (the history write is
 * idempotent; a comment could repeat, which is the lesser harm than none).
 */
export const runFollowUps = async (record: EmailRecord, deps: OutboxDeps): Promise<void> => {
  if (record.followUps.length === 0) return;
  const notes = await performFollowUps(record, deps);
  const done = new Set(record.followUps);
  await updateRecord(deps.records, record, (current) =>
    current.followUps.length === 0 ? undefined : withFollowUpsDone(current, done, notes),
  );
};
