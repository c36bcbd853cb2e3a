import type { SentIssueEmail } from '../../../src/contract/issue-email';
import { plural } from './format';

/** The "Email sent" flag's text; the comment is mentioned only when the admin setting is on and it went in. */
export function sentFlagDescription(sent: SentIssueEmail, commentAfterSend: boolean): string {
  const text = `${sent.issueKey} was emailed to ${plural(sent.recipientCount, 'recipient')}.`;
  return commentAfterSend && sent.commented ? `${text} A comment was added to the issue.` : text;
}
