import type { FinalOutcome } from '../records/claim-message';
import type { IncomingRecord } from '../records/incoming-record';
import type { IncomingJiraPort } from './ports';

/**
 * For a run that takes over a claim whose earlier run named its Jira write (recordTarget) and then stopped: the
 * write, if it happened, carries the message's mark. Found: how the message ended. Not found (the write never
 * happened): undefined, and the message is processed afresh.
 */
export const resumeFromMark = async (
  record: IncomingRecord,
  jira: Pick<IncomingJiraPort, 'findMarkedComment' | 'findMarkedIssue'>,
): Promise<Extract<FinalOutcome, { status: 'created' | 'commented' }> | undefined> => {
  const target = record.target;
  if (target === undefined) return undefined;
  if (target.kind === 'comment') {
    const found = await jira.findMarkedComment(target.key, record.messageKey);
    return found === undefined ? undefined : { status: 'commented', issueKey: target.key, commentId: found.commentId };
  }
  const found = await jira.findMarkedIssue(target.key, record.messageKey);
  return found === undefined ? undefined : { status: 'created', issueKey: found.issueKey };
};
