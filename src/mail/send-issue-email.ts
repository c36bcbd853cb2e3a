import type { SendIssueEmailOptions, SentIssueEmail } from '../contract/issue-email';
import { composeIssueEmail } from './compose-issue-email';
import { NotAllowedToSendError } from './errors';
import type { Caller, IssueEmailDeps } from './issue-email-ports';
import { foldRecipients, recipientCount, type Recipients } from './recipients';
import { threadIdentity } from './thread-identity';

export interface SendIssueEmailRequest {
  /** From the resolver context, never from the payload. */
  issueKey: string;
  input: SendIssueEmailOptions;
  caller: Caller;
}

const addresses = (list: Recipients['to']): string[] => list.map((recipient) => recipient.address);

/**
 * Emails an issue: the admin's "who may send" setting is checked, the issue (as the user sees it) is rendered
 * through the chosen template with the chosen comments and attachments, and the email is put in the outbox, from
 * the default credential's mailbox. The outbox worker sends it (outbox/handle-outbox-job.ts); the answer says
 * "queued" and the dialog follows the email with getEmailStatus.
 */
export const sendIssueEmail = async (request: SendIssueEmailRequest, deps: IssueEmailDeps): Promise<SentIssueEmail> => {
  const recipients = foldRecipients(request.input);
  const [credential, settings] = await Promise.all([deps.credentials.getDefault(), deps.readSettings()]);
  const issue = await deps.jira.readIssue(request.issueKey);
  const permission = await deps.checkPermission(settings, issue.project?.key, request.caller.accountId);
  if (!permission.allowed) throw new NotAllowedToSendError(permission.reason);

  const emailId = deps.newId();
  const email = await composeIssueEmail(
    {
      issueKey: issue.key,
      issue,
      content: request.input,
      settings,
      senderMailbox: credential.senderMailbox,
      siteUrl: request.caller.siteUrl,
      ...(request.caller.timeZone === undefined ? {} : { timeZone: request.caller.timeZone }),
    },
    deps,
  );
  const identity = threadIdentity(emailId, issue.key, credential.senderMailbox);
  const record = await deps.enqueue({
    emailId,
    issue: { id: issue.id, key: issue.key },
    credential: { id: credential.id, senderMailbox: credential.senderMailbox },
    internetMessageId: identity.internetMessageId,
    requestedBy: { accountId: request.caller.accountId, name: email.senderName },
    commentAfterSend: settings.commentAfterSend,
    content: {
      subject: email.subject,
      html: email.html,
      to: addresses(recipients.to),
      cc: addresses(recipients.cc),
      bcc: addresses(recipients.bcc),
      headers: identity.headers,
      attachments: email.attachments.map(({ meta, contentId }) => ({
        id: meta.id,
        filename: meta.filename,
        mimeType: meta.mimeType,
        size: meta.size,
        ...(contentId === undefined ? {} : { contentId }),
      })),
    },
  });
  return {
    issueKey: issue.key,
    emailId,
    queuedAt: new Date(record.createdAt).toISOString(),
    status: record.status,
    recipientCount: recipientCount(recipients),
  };
};
