import { parseEmailAddress } from '../contract/email-address';
import type { SendIssueEmailOptions, SentIssueEmail } from '../contract/issue-email';
import type { StoredCredential } from '../credentials/stored-credential';
import { NotAllowedToSendError } from './errors';
import type { Caller, IssueEmailDeps, SendingSetup } from './issue-email-ports';
import { resolvePickedUsers } from './picked-users';
import { queueIssueEmail } from './queue-issue-email';
import { foldRecipients, recipientCount } from './recipients';
import { checkSenderAccess } from './sender-access';
import { chosenSender } from './sender-mailboxes';

export interface SendIssueEmailRequest {
  /** From the resolver context, never from the payload. */
  issueKey: string;
  input: SendIssueEmailOptions;
  caller: Caller;
}

/**
 * Emails an issue: the admin's "who may send" setting is checked, the Jira users picked by account id become their
 * addresses (Jira hides some: those go only into the message), the issue (as the user sees it) is rendered
 * through the chosen template with the chosen comments and attachments, and the email is put in the outbox, from
 * the default credential's mailbox. The outbox worker sends it (outbox/handle-outbox-job.ts); the answer says
 * "queued" and the dialog follows the email with getEmailStatus.
 */
/** The dialog's Reply-To, checked by the contract: its address only (a name typed with it is not needed). */
const replyToOf = (replyTo: string | undefined): { replyTo?: string } => {
  if (replyTo === undefined || replyTo === '') return {};
  const parsed = parseEmailAddress(replyTo);
  return parsed.ok ? { replyTo: parsed.value.address } : {};
};

/** The credentials and settings, in one read where the deps offer it (the issue 14 kvs budget: one operation, not two). */
const sendingSetupOf = async (deps: IssueEmailDeps): Promise<SendingSetup & { fallback: StoredCredential }> => {
  if (deps.readSendingSetup === undefined) {
    const [fallback, settings] = await Promise.all([deps.credentials.getDefault(), deps.readSettings()]);
    return { credentials: deps.credentials, settings, fallback };
  }
  const setup = await deps.readSendingSetup();
  return { ...setup, fallback: await setup.credentials.getDefault() };
};

export const sendIssueEmail = async (request: SendIssueEmailRequest, deps: IssueEmailDeps): Promise<SentIssueEmail> => {
  const { fallback, settings, credentials } = await sendingSetupOf(deps);
  const issue = await deps.jira.readIssue(request.issueKey);
  const permission = await checkSenderAccess(deps, settings, issue.project?.key, request.caller.accountId);
  if (!permission.allowed) throw new NotAllowedToSendError(permission.reason);
  // Checked only for someone allowed to send: the answer names no mailbox either way.
  const credential =
    request.input.credentialId === undefined
      ? fallback
      : await chosenSender(settings, issue.project?.key, request.input.credentialId, { credentials });
  // Only someone allowed to send gets the app to look up hidden addresses.
  const recipients = foldRecipients(await resolvePickedUsers(issue.key, request.input, deps.jira));

  const record = await queueIssueEmail(
    {
      issue,
      content: request.input,
      recipients,
      credential,
      settings,
      requestedBy: { accountId: request.caller.accountId },
      // The sender chose the attachments from what they can see: the worker reads them with their rights.
      attachmentsReadAs: { accountId: request.caller.accountId },
      commentAfterSend: settings.commentAfterSend,
      siteUrl: request.caller.siteUrl,
      ...(request.caller.timeZone === undefined ? {} : { timeZone: request.caller.timeZone }),
      ...replyToOf(request.input.replyTo),
      author: 'person',
    },
    deps,
  );
  return {
    issueKey: issue.key,
    emailId: record.emailId,
    queuedAt: new Date(record.createdAt).toISOString(),
    status: record.status,
    recipientCount: recipientCount(recipients),
  };
};
