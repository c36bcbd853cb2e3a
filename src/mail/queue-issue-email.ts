import type { MailSettings } from '../contract/mail-settings';
import type { StoredCredential } from '../credentials/stored-credential';
import type { IssueSnapshot } from '../jira/issue';
import type { EmailRecord } from '../outbox/email-record';
import { recordProviderOf } from '../outbox/mail-provider';
import { composeIssueEmail, type EmailContentChoice } from './compose-issue-email';
import type { IssueEmailDeps } from './issue-email-ports';
import { recipientLabel, type Recipients } from './recipients';
import { type EmailAuthor, threadIdentity } from './thread-identity';

export interface QueueIssueEmailRequest {
  issue: IssueSnapshot;
  content: EmailContentChoice;
  recipients: Recipients;
  credential: StoredCredential;
  settings: MailSettings;
  /** Who asked for it: the person who pressed "Send", the Automation rule's actor, or the notification rule. */
  requestedBy: { accountId: string; name?: string };
  /**
   * Whose rights read the attachments when the worker sends: the person who chose them (`{ accountId }`, as they
   * read the issue), or the app (notification rules, read as the app).
   */
  attachmentsReadAs: 'app' | { accountId: string };
  commentAfterSend: boolean;
  siteUrl?: unknown;
  timeZone?: string;
  /** The notification rule sending it, named in the email. */
  rule?: { name: string };
  /** The address replies go to, already checked (the dialog's Reply-To); absent: the sender mailbox. */
  replyTo?: string;
  /** `automatic` for rules and Automation: the email then asks not to be answered by auto-replies. */
  author: EmailAuthor;
}

export type QueueIssueEmailDeps = Pick<IssueEmailDeps, 'jira' | 'templates' | 'enqueue' | 'newId'>;

const addresses = (list: Recipients['to']): string[] => list.map((recipient) => recipient.address);
const labels = (list: Recipients['to']): string[] => list.map(recipientLabel);

/**
 * Renders an issue email (the issue, comments and attachments read through `deps.jira`: as the user for the dialog
 * and Automation, as the app for notification rules) and puts it in the outbox from the credential's mailbox.
 */
export const queueIssueEmail = async (
  request: QueueIssueEmailRequest,
  deps: QueueIssueEmailDeps,
): Promise<EmailRecord> => {
  const { issue, credential } = request;
  const emailId = deps.newId();
  const email = await composeIssueEmail(
    {
      issueKey: issue.key,
      issue,
      content: request.content,
      settings: request.settings,
      senderMailbox: credential.senderMailbox,
      siteUrl: request.siteUrl,
      ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
      ...(request.rule === undefined ? {} : { rule: request.rule }),
    },
    deps,
  );
  const identity = threadIdentity(emailId, issue.key, credential.senderMailbox, request.author);
  return deps.enqueue({
    emailId,
    issue: { id: issue.id, key: issue.key },
    credential: { id: credential.id, senderMailbox: credential.senderMailbox, ...recordProviderOf(credential) },
    internetMessageId: identity.internetMessageId,
    requestedBy: { accountId: request.requestedBy.accountId, name: request.requestedBy.name ?? email.senderName },
    commentAfterSend: request.commentAfterSend,
    listed: { to: labels(request.recipients.to), cc: labels(request.recipients.cc) },
    content: {
      subject: email.subject,
      html: email.html,
      to: addresses(request.recipients.to),
      cc: addresses(request.recipients.cc),
      bcc: addresses(request.recipients.bcc),
      ...(request.replyTo === undefined ? {} : { replyTo: [request.replyTo] }),
      headers: identity.headers,
      attachments: email.attachments.map(({ meta, inline, contentId }) => ({
        id: meta.id,
        filename: meta.filename,
        mimeType: meta.mimeType,
        size: meta.size,
        inline,
        ...(contentId === undefined ? {} : { contentId }),
      })),
      ...(request.attachmentsReadAs === 'app' ? {} : { readAs: request.attachmentsReadAs.accountId }),
    },
  });
};
