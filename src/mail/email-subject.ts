import type { IssueSnapshot } from '../jira/issue';

const MAX_SUBJECT = 255;

const fit = (subject: string): string =>
  subject.length <= MAX_SUBJECT ? subject : `${subject.slice(0, MAX_SUBJECT - 1).trimEnd()}…`;

/** `[KEY] summary`, shortened to fit the 255 characters a subject may have. */
export const defaultSubject = (issue: Pick<IssueSnapshot, 'key' | 'summary'>): string =>
  fit(`[${issue.key}] ${issue.summary.replace(/\s+/g, ' ').trim()}`);

/**
 * Replies are matched to the issue by the key in the subject (and the x- header); a subject the sender edited
 * without it gets `[KEY]` in front.
 */
export const subjectWithIssueKey = (subject: string, issueKey: string): string => {
  const clean = subject.replace(/\s+/g, ' ').trim();
  return fit(clean.toUpperCase().includes(`[${issueKey.toUpperCase()}]`) ? clean : `[${issueKey}] ${clean}`);
};
