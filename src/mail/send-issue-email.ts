import type * as z from 'zod/mini';
import type { SentIssueEmail, sendIssueEmailSchema } from '../contract/issue-email';
import type { CredentialService } from '../credentials/credential-service';
import type { IssueSnapshot } from '../jira/issue';
import type { Clock } from '../shared/seams';
import type { SendAs } from './graph-mail-sender';
import { composeIssueEmail } from './issue-email-composer';
import { normalizeRecipients, recipientCount } from './recipients';
import { resolveSiteUrl } from './site-url';

export type ParsedSendIssueEmailInput = z.output<typeof sendIssueEmailSchema>;

export interface SendIssueEmailRequest {
  /** From the resolver context, never from the payload. */
  issueKey: string;
  input: ParsedSendIssueEmailInput;
  siteUrl?: unknown;
  timeZone?: string;
}

export interface SendIssueEmailDeps {
  credentials: Pick<CredentialService, 'getDefault'>;
  /** Reads the issue as the invoking user. */
  readIssue(issueKey: string): Promise<IssueSnapshot>;
  sendAs: SendAs;
  now: Clock;
}

/**
 * Emails an issue: the default credential and the issue (as the user sees it) are loaded together, the email is
 * composed and sent from the credential's mailbox through Graph.
 */
export const sendIssueEmail = async (request: SendIssueEmailRequest, deps: SendIssueEmailDeps): Promise<SentIssueEmail> => {
  const recipients = normalizeRecipients(request.input);
  const [credential, issue] = await Promise.all([deps.credentials.getDefault(), deps.readIssue(request.issueKey)]);
  const email = composeIssueEmail({
    issue,
    siteUrl: resolveSiteUrl(request.siteUrl, issue.self),
    subject: request.input.subject,
    senderMessage: request.input.message,
    ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
  });
  await deps.sendAs(credential, { subject: email.subject, html: email.html, ...recipients });
  return { issueKey: issue.key, sentAt: new Date(deps.now()).toISOString(), recipientCount: recipientCount(recipients) };
};
