import type { SendIssueEmailOptions, SentIssueEmail } from '../contract/issue-email';
import type { MailAttachment } from '../graph/mail-message';
import { safeErrorLabel } from '../shared/error-names';
import { composeIssueEmail, type ComposedIssueEmail } from './compose-issue-email';
import { NotAllowedToSendError } from './errors';
import type { HistoryRecord } from '../history/history-store';
import type { Caller, IssueEmailDeps } from './issue-email-ports';
import { foldRecipients, recipientCount, type Recipients } from './recipients';
import { threadIdentity } from './thread-identity';

export interface SendIssueEmailRequest {
  /** From the resolver context, never from the payload. */
  issueKey: string;
  input: SendIssueEmailOptions;
  caller: Caller;
}

const downloadAll = async (email: ComposedIssueEmail, deps: IssueEmailDeps): Promise<MailAttachment[]> => {
  const attachments: MailAttachment[] = [];
  // One at a time: a 150 MB message must not hold several large downloads in flight at once.
  for (const attachment of email.attachments) {
    const bytes = await deps.jira.downloadAttachment(attachment.meta.id, attachment.meta.size);
    attachments.push({
      name: attachment.meta.filename,
      contentType: attachment.meta.mimeType,
      bytes,
      ...(attachment.contentId === undefined ? {} : { isInline: true, contentId: attachment.contentId }),
    });
  }
  return attachments;
};

const addresses = (list: Recipients['to']): string[] => list.map((recipient) => recipient.address);

/**
 * Emails an issue: the admin's "who may send" setting is checked, the issue (as the user sees it) is rendered
 * through the chosen template with the chosen comments and attachments, and the message goes out from the default
 * credential's mailbox. Every attempt lands in the issue's history, sent or failed; a comment on the issue follows
 * when the admin asked for one. A failed comment does not fail an email that went out.
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
  const base: HistoryRecord = {
    id: emailId,
    issueKey: issue.key,
    at: new Date(deps.now()).toISOString(),
    sender: { accountId: request.caller.accountId, name: email.senderName },
    from: credential.senderMailbox,
    to: addresses(recipients.to),
    cc: addresses(recipients.cc),
    bccCount: recipients.bcc.length,
    subject: email.subject,
    status: 'sent',
    attachmentCount: email.attachments.filter((attachment) => attachment.contentId === undefined).length,
  };

  const identity = threadIdentity(emailId, issue.key, credential.senderMailbox);
  let sent;
  try {
    const attachments = await downloadAll(email, deps);
    sent = await deps.sendAs(credential, {
      subject: email.subject,
      html: email.html,
      to: base.to,
      cc: base.cc,
      bcc: addresses(recipients.bcc),
      attachments,
      headers: identity.headers,
      internetMessageId: identity.internetMessageId,
    });
  } catch (error) {
    await recordQuietly(deps, issue.id, { ...base, status: 'failed', error: deps.describeFailure(error) });
    throw error;
  }

  await recordQuietly(deps, issue.id, {
    ...base,
    at: new Date(deps.now()).toISOString(),
    ...(sent.internetMessageId === undefined ? {} : { internetMessageId: sent.internetMessageId }),
    ...(sent.messageId === undefined ? {} : { messageId: sent.messageId }),
  });

  let commented = false;
  if (settings.commentAfterSend) {
    try {
      await deps.jira.addEmailComment(issue.key, {
        senderAccountId: request.caller.accountId,
        to: base.to,
        cc: base.cc,
        subject: email.subject,
      });
      commented = true;
    } catch (error) {
      console.warn(`[issue-mailer] the comment after emailing ${issue.key} failed: ${safeErrorLabel(error)}`);
    }
  }
  return { issueKey: issue.key, emailId, sentAt: base.at, recipientCount: recipientCount(recipients), commented };
};

/** The history is a record, not part of the delivery: failing to write it is logged, not thrown. */
const recordQuietly = async (deps: IssueEmailDeps, issueId: string, record: HistoryRecord): Promise<void> => {
  try {
    await deps.history.record(issueId, record);
  } catch (error) {
    console.warn(`[issue-mailer] recording email ${record.id} in the history failed: ${safeErrorLabel(error)}`);
  }
};
