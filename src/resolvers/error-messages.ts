import { AutomationRefusal } from '../automation/errors';
import { CURSOR_MESSAGE } from '../contract/email-log';
import { CommonErrorCode } from '../contract/error-codes';
import type { ResolverError } from '../contract/result';
import {
  CredentialInUseError,
  CredentialNotFoundError,
  CredentialValidationError,
  NoCredentialConfiguredError,
  PrivateKeyMissingError,
  SecretMissingError,
} from '../credentials/errors';
import { MessageTooLargeError } from '../delivery/errors';
import { GraphError, GraphErrorCode } from '../graph/errors';
import { HistoryRecordInvalidError } from '../history/history-store';
import { EndpointNotAllowedError } from '../http/errors';
import { JiraError, JiraErrorCode, NotAdminError } from '../jira/errors';
import { MailValidationError, NotAllowedToSendError } from '../mail/errors';
import { NotificationError, NotificationErrorCode, RuleInvalidError } from '../notifications/errors';
import { tokenErrorGuidance } from '../oauth/aadsts-guidance';
import { TokenError } from '../oauth/errors';
import { ContentTooLargeError } from '../outbox/email-contents';
import { EmailLogCursorInvalidError, OutboxError, OutboxErrorCode } from '../outbox/errors';
import { MailSettingsUnreadableError } from '../settings/mail-settings-store';
import { StorageError } from '../storage/errors';
import {
  BuiltInTemplateReadOnlyError,
  TemplateError,
  TemplateInUseError,
  TemplateNotFoundError,
} from '../templates/template-errors';
import { NoIssueContextError } from './errors';
import {
  SENDER_CONNECTION_INCOMPLETE,
  SENDER_DELIVERY_UNCERTAIN,
  SENDER_GRAPH_MESSAGES,
  senderTokenMessage,
} from './sender-messages';

/** Admins can act on configuration details; people sending an issue are pointed at their admin. */
export type Audience = 'admin' | 'user';

export const VALIDATION_MESSAGE = 'Check the highlighted fields.';
export const INTERNAL_MESSAGE = 'Something went wrong. Try again; if it keeps happening, contact your Jira admin.';
export const CREDENTIAL_IN_USE_MESSAGE =
  'Email this issue sends through this credential as the default. Make another credential the default first.';
const ASK_ADMIN = 'Ask your Jira admin to test the connection on the Issue Mailer admin page.';

const GRAPH_MESSAGES: Readonly<Record<GraphErrorCode, string>> = {
  [GraphErrorCode.Unauthorized]: `Microsoft Graph did not accept Issue Mailer's token. ${ASK_ADMIN}`,
  [GraphErrorCode.AccessDenied]:
    'Microsoft Graph denied sending from the sender mailbox. The app registration needs the Mail.Send ' +
    'application permission (not delegated) with admin consent.',
  [GraphErrorCode.AppAccessPolicyDenied]:
    'An Exchange application access policy does not let this app send from the sender mailbox. An Exchange admin ' +
    "can add the mailbox to the policy's group (check with Test-ApplicationAccessPolicy).",
  [GraphErrorCode.MailboxNotFound]:
    "Microsoft 365 has no mailbox for the credential's sender address. Check the sender mailbox on the Issue Mailer admin page.",
  [GraphErrorCode.MailboxNotEnabled]:
    'The sender mailbox is inactive, soft-deleted or on-premises, so Microsoft Graph cannot send from it. Use a ' +
    'licensed Exchange Online mailbox.',
  [GraphErrorCode.InvalidRecipients]:
    'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
  [GraphErrorCode.RequestTooLarge]:
    'The email is larger than Microsoft Graph accepts (4 MB). Shorten your message and try again.',
  [GraphErrorCode.Throttled]: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
  [GraphErrorCode.Unavailable]: 'Microsoft Graph is unavailable right now. Try again in a few minutes.',
  [GraphErrorCode.BadRequest]:
    'Microsoft Graph rejected the email. Try again; if it keeps happening, contact your Jira admin.',
  [GraphErrorCode.RequestFailed]:
    'Microsoft Graph refused the request. Try again; if it keeps happening, contact your Jira admin.',
  [GraphErrorCode.Unreachable]: 'Could not reach Microsoft Graph. Try again in a few minutes.',
  [GraphErrorCode.Timeout]:
    'Microsoft Graph did not answer in time, so the email may or may not have been sent. Check with a recipient before sending again.',
  [GraphErrorCode.ResponseInvalid]:
    'Microsoft Graph answered in an unexpected way, so the email may or may not have been sent. Check with a recipient before sending again.',
  [GraphErrorCode.DirectoryAccessDenied]:
    'Searching the Microsoft 365 directory needs the User.Read.All application permission with admin consent. ' +
    'Type the address instead, or ask your Jira admin to grant it.',
  [GraphErrorCode.EndpointNotAllowed]:
    "Issue Mailer sends mail only through Microsoft Graph's hosts (graph.microsoft.com, or a national cloud's). Check the Graph API base URL on the Issue Mailer admin page.",
};

const OUTBOX_MESSAGES: Readonly<Record<OutboxErrorCode, string>> = {
  [OutboxErrorCode.EmailNotFound]: 'This email is not in the email log (any more). Reload the list.',
  [OutboxErrorCode.NotResendable]:
    'Only failed emails can be resent. Reload the email log to see where this one stands.',
  [OutboxErrorCode.ConnectionTestNotResendable]:
    "A connection test's email cannot be resent. Run Test connection again on the Credentials tab to send a new one.",
  [OutboxErrorCode.RecordInvalid]:
    'This email could not be read from storage. Try again; if it keeps happening, contact Issue Mailer support.',
  [OutboxErrorCode.WriteConflict]: 'The email changed while it was being saved. Try again.',
  [OutboxErrorCode.QueueUnavailable]: 'Jira could not queue the email right now. Try again in a minute.',
  [OutboxErrorCode.ContentMissing]:
    'The content of this email is no longer stored, so it cannot be sent. Send it again from the issue.',
  [OutboxErrorCode.DeliveryUncertain]:
    "Whether this email went out is unknown. Check the sender's Sent Items before resending.",
  // Answered as a validation error of the cursor field (toResolverError), so the page can start over.
  [OutboxErrorCode.CursorInvalid]: CURSOR_MESSAGE,
  [OutboxErrorCode.ResendUnchanged]:
    'Nothing has changed since this email failed: its credential has not been saved since, and it goes to the same ' +
    'recipients, so it will most likely fail the same way. Fix the cause of the last error first, or resend it anyway.',
};

const NOTIFICATION_MESSAGES: Readonly<Record<NotificationErrorCode, string>> = {
  [NotificationErrorCode.RuleNotFound]: 'That notification rule no longer exists. Reload the page.',
  [NotificationErrorCode.RuleInvalid]: VALIDATION_MESSAGE,
  [NotificationErrorCode.TooManyRules]: 'Issue Mailer keeps at most 100 notification rules. Delete one first.',
  [NotificationErrorCode.StoredRuleInvalid]: 'A notification rule could not be read. Save it again.',
};

const JIRA_MESSAGES: Readonly<Record<JiraErrorCode, string>> = {
  [JiraErrorCode.IssueNotFound]: 'This issue was not found, or you do not have permission to see it.',
  [JiraErrorCode.Forbidden]: 'Jira did not let you read this. Check that you are logged in and have access.',
  [JiraErrorCode.RequestFailed]: 'Jira did not answer. Try again in a moment.',
  [JiraErrorCode.ResponseInvalid]:
    'Jira answered in an unexpected way. Try again; if it keeps happening, contact your Jira admin.',
  [JiraErrorCode.JqlRejected]: "Jira could not read the JQL. Check it in Jira's issue search.",
};

const graphMessage = (code: GraphErrorCode, audience: Audience): string =>
  (audience === 'user' ? SENDER_GRAPH_MESSAGES[code] : undefined) ?? GRAPH_MESSAGES[code];

/**
 * The answer for an error of a known family: its stable code and a fixed message chosen here. Never the error's
 * own message. Undefined for anything else, which the caller reports as INTERNAL_ERROR.
 */
export const toResolverError = (error: unknown, audience: Audience): ResolverError | undefined => {
  if (error instanceof CredentialValidationError || error instanceof MailValidationError) {
    return {
      code: CommonErrorCode.ValidationFailed,
      message: VALIDATION_MESSAGE,
      fieldErrors: { ...error.fieldErrors },
    };
  }
  if (error instanceof NotAdminError) {
    return { code: CommonErrorCode.NotAdmin, message: 'Only Jira administrators can change Issue Mailer settings.' };
  }
  // Both messages are composed by the app from sizes and admin-chosen group and role names: safe to show.
  if (error instanceof NotAllowedToSendError) return { code: error.code, message: error.reason };
  if (error instanceof MessageTooLargeError) return { code: error.code, message: error.message };
  if (error instanceof MailSettingsUnreadableError) {
    return {
      code: error.code,
      message:
        audience === 'admin'
          ? 'The saved sending settings could not be read. Check them under Sending settings and save them again.'
          : "Issue Mailer's sending settings could not be read. Ask your Jira admin to save them again on the Issue Mailer admin page.",
    };
  }
  if (error instanceof HistoryRecordInvalidError) {
    return {
      code: error.code,
      message:
        'The email history of this issue could not be read. Try again; if it keeps happening, contact your Jira admin.',
    };
  }
  if (error instanceof TemplateError) {
    // Audience decides the wording: a sender cannot fix a template, an admin sees the line to fix.
    const adminMessage =
      error.code === 'TEMPLATE_LIMIT_EXCEEDED'
        ? 'The template goes over one of Issue Mailer’s limits. Change the highlighted part and save again.'
        : 'The template has an error. Fix the highlighted line and save again.';
    return audience === 'admin'
      ? { code: error.code, message: adminMessage, fieldErrors: { ...error.fieldErrors } }
      : {
          code: error.code,
          message:
            'The email template has an error. Ask your Jira admin to fix it on the Issue Mailer admin page, or choose another template.',
        };
  }
  if (error instanceof TemplateNotFoundError) {
    return { code: error.code, message: 'That template no longer exists. Reload and choose another.' };
  }
  if (error instanceof BuiltInTemplateReadOnlyError) {
    return { code: error.code, message: 'The built-in template cannot be changed. Duplicate it and edit the copy.' };
  }
  if (error instanceof TemplateInUseError) {
    return {
      code: error.code,
      message:
        'This template is in use: a project default under Sending settings or a notification rule sends with it. Choose another template there first.',
    };
  }
  if (error instanceof NoIssueContextError) {
    return { code: CommonErrorCode.NoIssueContext, message: 'Open "Email this issue" from a Jira issue.' };
  }
  if (error instanceof CredentialNotFoundError) {
    return { code: error.code, message: 'That credential no longer exists. Reload the page.' };
  }
  if (error instanceof CredentialInUseError) {
    return { code: error.code, message: CREDENTIAL_IN_USE_MESSAGE };
  }
  if (error instanceof PrivateKeyMissingError) {
    return {
      code: error.code,
      message:
        audience === 'admin'
          ? 'No private key is stored for this credential. Edit it, paste the certificate and its private key and save.'
          : SENDER_CONNECTION_INCOMPLETE,
    };
  }
  if (error instanceof NoCredentialConfiguredError) {
    return {
      code: CommonErrorCode.NotConfigured,
      message:
        audience === 'admin'
          ? 'Add a Microsoft 365 credential first.'
          : 'Issue Mailer is not set up yet. Ask your Jira admin to add a Microsoft 365 credential on the Issue Mailer admin page.',
    };
  }
  if (error instanceof SecretMissingError) {
    return {
      code: error.code,
      message:
        audience === 'admin'
          ? "No client secret is stored for this credential. Edit it, paste the client secret's Value and save."
          : SENDER_CONNECTION_INCOMPLETE,
    };
  }
  if (error instanceof TokenError) {
    // Senders get plain words (sender-messages.ts); the guidance names AADSTS codes and portal pages.
    return {
      code: error.code,
      message: audience === 'admin' ? tokenErrorGuidance(error) : senderTokenMessage(error.code),
    };
  }
  if (error instanceof GraphError) return { code: error.code, message: graphMessage(error.code, audience) };
  if (error instanceof EndpointNotAllowedError) {
    return { code: error.code, message: graphMessage(GraphErrorCode.EndpointNotAllowed, audience) };
  }
  if (error instanceof JiraError) return { code: error.code, message: JIRA_MESSAGES[error.code] };
  if (error instanceof EmailLogCursorInvalidError) {
    return {
      code: CommonErrorCode.ValidationFailed,
      message: VALIDATION_MESSAGE,
      fieldErrors: { cursor: CURSOR_MESSAGE },
    };
  }
  if (error instanceof OutboxError) {
    const senderWords = audience === 'user' && error.code === OutboxErrorCode.DeliveryUncertain;
    return { code: error.code, message: senderWords ? SENDER_DELIVERY_UNCERTAIN : OUTBOX_MESSAGES[error.code] };
  }
  if (error instanceof RuleInvalidError) {
    return {
      code: CommonErrorCode.ValidationFailed,
      message: VALIDATION_MESSAGE,
      fieldErrors: { ...error.fieldErrors },
    };
  }
  if (error instanceof NotificationError) return { code: error.code, message: NOTIFICATION_MESSAGES[error.code] };
  // Written by the app from the rule's own inputs, for the rule's author.
  if (error instanceof AutomationRefusal) return { code: error.code, message: error.message };
  if (error instanceof ContentTooLargeError) {
    return {
      code: error.code,
      message: 'The email is larger than Microsoft Graph accepts (4 MB). Include fewer comments or a shorter message.',
    };
  }
  if (error instanceof StorageError) {
    return { code: error.code, message: 'Issue Mailer could not reach its storage. Try again in a moment.' };
  }
  return undefined;
};

/**
 * Ids and codes worth a log line for support (Microsoft's trace and request ids, statuses). Nothing here can hold
 * a secret, a token or a response body.
 */
export const diagnosticsOf = (error: unknown): string => {
  if (!(error instanceof Error)) return '';
  const fields: Array<[string, unknown]> = [
    ['status', (error as { status?: unknown }).status],
    ['aadsts', (error as { aadstsCode?: unknown }).aadstsCode],
    ['graphCode', (error as { graphCode?: unknown }).graphCode],
    ['traceId', (error as { traceId?: unknown }).traceId],
    ['correlationId', (error as { correlationId?: unknown }).correlationId],
    ['requestId', (error as { requestId?: unknown }).requestId],
    ['clientRequestId', (error as { clientRequestId?: unknown }).clientRequestId],
  ];
  return fields
    .filter(
      ([, value]) => typeof value === 'number' || (typeof value === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(value)),
    )
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
};

/**
 * A failed delivery as the email log keeps it: the code and the admin's message, and the sender's message (which
 * points them at their admin) when it says something else.
 */
export const describeDeliveryFailure = (error: unknown): { code: string; message: string; senderMessage?: string } => {
  const admin = toResolverError(error, 'admin');
  const sender = toResolverError(error, 'user');
  const message = admin?.message ?? INTERNAL_MESSAGE;
  const senderMessage = sender?.message ?? INTERNAL_MESSAGE;
  return {
    code: admin?.code ?? CommonErrorCode.Internal,
    message,
    ...(senderMessage === message ? {} : { senderMessage }),
  };
};
