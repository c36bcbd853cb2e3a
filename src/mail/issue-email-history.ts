import type { EmailHistoryEntry } from '../contract/issue-email';
import type { IssueEmailDeps } from './issue-email-ports';

/**
 * The emails sent about an issue, newest first. The issue is read as the invoking user first, so Jira refuses
 * one they may not see before its history is looked up by id.
 */
export const listIssueEmailHistory = async (
  issueKey: string,
  deps: Pick<IssueEmailDeps, 'jira' | 'history'>,
): Promise<EmailHistoryEntry[]> => {
  const issue = await deps.jira.readIssue(issueKey);
  return deps.history.list(issue.id);
};
