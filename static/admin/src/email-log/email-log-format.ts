import type { EmailLogEntry, EmailLogSummary } from '../../../../src/contract';

/** The first address and how many others: "ana@example.com and 2 more". */
export const recipientsText = (to: readonly string[]): string => {
  const [first] = to;
  if (first === undefined) return '—';
  return to.length === 1 ? first : `${first} and ${to.length - 1} more`;
};

/** Every email has a subject with its issue key; an older or odd one still gets a name to open it by. */
export const subjectText = (subject: string) => (subject.trim() === '' ? '(no subject)' : subject);

/** What the Issue column says: the key, or that a Test connection sent it (a connection test is about no issue). */
export const issueText = (summary: Pick<EmailLogSummary, 'kind' | 'issueKey'>): string =>
  summary.kind === 'connection-test' ? 'Connection test' : (summary.issueKey ?? '—');

/** A row of the table from an entry the detail panel holds, so the two never disagree. */
export const summaryOf = (entry: EmailLogEntry): EmailLogSummary => {
  const { events: _events, attachmentCount: _attachmentCount, ...summary } = entry;
  return summary;
};
