import { AutomationErrorCode } from '../automation/errors';
import { CURSOR_MESSAGE } from '../contract/email-log-values';
import { CommonErrorCode } from '../contract/error-codes';
import { INCOMING_CURSOR_MESSAGE } from '../contract/incoming-log-values';
import { DeliveryErrorCode } from '../delivery/errors';
import type { HistoryRecordInvalidError } from '../history/history-store';
import { IncomingLogErrorCode } from '../incoming/log/errors';
import { JiraErrorCode } from '../jira/errors';
import { MailErrorCode, NotAllowedToSendError } from '../mail/errors';
import { MailHandlerErrorCode } from '../mail-handlers/errors';
import { NotificationErrorCode } from '../notifications/errors';
import type { ContentTooLargeError } from '../outbox/email-contents';
import { OutboxErrorCode } from '../outbox/errors';
import type { MailSettingsUnreadableError } from '../settings/mail-settings-store';
import type { StorageError } from '../storage/errors';
import type { InvalidStorageKeyError } from '../storage/keys';
import { TemplateErrorCode } from '../templates/template-errors';
import { MAY_HAVE_GONE } from './connection-words';
import { type ErrorWords, fieldErrorsOf, NO_WORDS, VALIDATION_MESSAGE, VALIDATION_WORDS } from './words';

/** The app's own workings: the email log, rules, Jira, templates, composing an email, storage. */

/**
 * Composed by the app from the rule's own inputs, for the rule's author (the audit log shows it as it is); or from
 * sizes and the group and role names the admin chose: safe to show.
 */
const OWN_MESSAGE: ErrorWords = { admin: (error) => error.message };

export const OUTBOX_WORDS: Readonly<Record<OutboxErrorCode | ContentTooLargeError['code'], ErrorWords>> = {
  [OutboxErrorCode.EmailNotFound]: { admin: 'This email is not in the email log (any more). Reload the list.' },
  [OutboxErrorCode.NotResendable]: {
    admin: 'Only failed emails can be resent. Reload the email log to see where this one stands.',
  },
  [OutboxErrorCode.ConnectionTestNotResendable]: {
    admin:
      "A connection test's email cannot be resent. Run Test connection again on the Credentials tab to send a new one.",
  },
  [OutboxErrorCode.RecordInvalid]: {
    admin: 'This email could not be read from storage. Try again; if it keeps happening, contact Issue Mailer support.',
  },
  [OutboxErrorCode.WriteConflict]: { admin: 'The email changed while it was being saved. Try again.' },
  [OutboxErrorCode.QueueUnavailable]: { admin: 'Jira could not queue the email right now. Try again in a minute.' },
  [OutboxErrorCode.ContentMissing]: {
    admin: 'The content of this email is no longer stored, so it cannot be sent. Send it again from the issue.',
  },
  [OutboxErrorCode.DeliveryUncertain]: {
    admin: "Whether this email went out is unknown. Check the sender's Sent Items before resending.",
    // An agent cannot look in the sender's Sent Items; a recipient can say.
    user: `Issue Mailer cannot tell whether this email went out: ${MAY_HAVE_GONE}`,
  },
  // A validation error of the cursor field, so the page can start over.
  [OutboxErrorCode.CursorInvalid]: {
    admin: VALIDATION_MESSAGE,
    fields: () => ({ cursor: CURSOR_MESSAGE }),
    validation: true,
  },
  [OutboxErrorCode.ResendUnchanged]: {
    admin:
      'Nothing has changed since this email failed: its credential has not been saved since, and it goes to the same ' +
      'recipients, so it will most likely fail the same way. Fix the cause of the last error first, or resend it anyway.',
  },
  EMAIL_CONTENT_TOO_LARGE: {
    admin: 'The email is larger than Microsoft Graph accepts (4 MB). Include fewer comments or a shorter message.',
  },
};

export const MAIL_HANDLER_WORDS: Readonly<Record<MailHandlerErrorCode, ErrorWords>> = {
  [MailHandlerErrorCode.NotFound]: { admin: 'That mail handler no longer exists. Reload the page.' },
  [MailHandlerErrorCode.Invalid]: VALIDATION_WORDS,
  [MailHandlerErrorCode.TooMany]: { admin: 'Issue Mailer keeps at most 20 mail handlers. Delete one first.' },
};

export const NOTIFICATION_WORDS: Readonly<Record<NotificationErrorCode, ErrorWords>> = {
  [NotificationErrorCode.RuleNotFound]: { admin: 'That notification rule no longer exists. Reload the page.' },
  [NotificationErrorCode.RuleInvalid]: VALIDATION_WORDS,
  [NotificationErrorCode.TooManyRules]: {
    admin: 'Issue Mailer keeps at most 100 notification rules. Delete one first.',
  },
  [NotificationErrorCode.StoredRuleInvalid]: { admin: 'A notification rule could not be read. Save it again.' },
};

export const INCOMING_LOG_WORDS: Readonly<Record<IncomingLogErrorCode, ErrorWords>> = {
  [IncomingLogErrorCode.NotFound]: { admin: 'This message is not in the incoming log (any more). Reload the list.' },
  [IncomingLogErrorCode.NotReprocessable]: {
    admin:
      'Only held and failed messages can be processed again. Reload the incoming log to see where this one stands.',
  },
  [IncomingLogErrorCode.HandlerOff]: {
    admin:
      'The mail handler of this message is switched off or deleted, so it would not read the message. Switch the handler on under Mail handlers first.',
  },
  [IncomingLogErrorCode.QueueUnavailable]: {
    admin: 'Jira could not queue the message right now. It is still listed as before; try again in a minute.',
  },
  // A validation error of the cursor field, so the page can start over.
  [IncomingLogErrorCode.CursorInvalid]: {
    admin: VALIDATION_MESSAGE,
    fields: () => ({ cursor: INCOMING_CURSOR_MESSAGE }),
    validation: true,
  },
};

export const JIRA_WORDS: Readonly<Record<JiraErrorCode | typeof CommonErrorCode.NotAdmin, ErrorWords>> = {
  [JiraErrorCode.IssueNotFound]: { admin: 'This issue was not found, or you do not have permission to see it.' },
  [JiraErrorCode.Forbidden]: {
    admin: 'Jira did not let you read this. Check that you are logged in and have access.',
  },
  [JiraErrorCode.RequestFailed]: { admin: 'Jira did not answer. Try again in a moment.' },
  [JiraErrorCode.ResponseInvalid]: {
    admin: 'Jira answered in an unexpected way. Try again; if it keeps happening, contact your Jira admin.',
  },
  [JiraErrorCode.JqlRejected]: { admin: "Jira could not read the JQL. Check it in Jira's issue search." },
  [JiraErrorCode.FieldsRefused]: {
    admin: "Jira refused the issue's fields. Check the project's create screen and the app's permissions in it.",
  },
  [JiraErrorCode.AttachmentTooLarge]: {
    admin:
      "The file is larger than Jira's attachment size limit. A Jira admin can raise it in Jira's attachment settings.",
  },
  [CommonErrorCode.NotAdmin]: { admin: 'Only Jira administrators can change Issue Mailer settings.' },
};

/** A sender cannot fix a template; an admin gets the line to fix. */
const TEMPLATE_FOR_SENDER =
  'The email template has an error. Ask your Jira admin to fix it on the Issue Mailer admin page, or choose another template.';

export const TEMPLATE_WORDS: Readonly<Record<TemplateErrorCode, ErrorWords | typeof NO_WORDS>> = {
  [TemplateErrorCode.Invalid]: {
    admin: 'The template has an error. Fix the highlighted line and save again.',
    user: TEMPLATE_FOR_SENDER,
    fields: fieldErrorsOf,
  },
  [TemplateErrorCode.LimitExceeded]: {
    admin: 'The template goes over one of Issue Mailer’s limits. Change the highlighted part and save again.',
    user: TEMPLATE_FOR_SENDER,
    fields: fieldErrorsOf,
  },
  [TemplateErrorCode.NotFound]: { admin: 'That template no longer exists. Reload and choose another.' },
  [TemplateErrorCode.ReadOnly]: {
    admin: 'The built-in template cannot be changed. Duplicate it and edit the copy.',
  },
  [TemplateErrorCode.InUse]: {
    admin:
      'This template is in use: a project default under Sending settings or a notification rule sends with it. Choose another template there first.',
  },
  [TemplateErrorCode.RenderThreadFailed]: NO_WORDS,
};

export const MAIL_WORDS: Readonly<Record<MailErrorCode | DeliveryErrorCode | AutomationErrorCode, ErrorWords>> = {
  [MailErrorCode.Invalid]: VALIDATION_WORDS,
  // Names the groups and roles the admin chose.
  [MailErrorCode.NotAllowedToSend]: {
    admin: (error) => (error instanceof NotAllowedToSendError ? error.reason : error.message),
  },
  [DeliveryErrorCode.MessageTooLarge]: OWN_MESSAGE,
  // Says why the mailbox cannot be searched; names no secret.
  [DeliveryErrorCode.TraceUnavailable]: OWN_MESSAGE,
  [AutomationErrorCode.InputInvalid]: OWN_MESSAGE,
  [AutomationErrorCode.ActorNotAllowed]: OWN_MESSAGE,
  [AutomationErrorCode.SendLimit]: OWN_MESSAGE,
};

type StoreCode =
  | StorageError['code']
  | InvalidStorageKeyError['code']
  | HistoryRecordInvalidError['code']
  | MailSettingsUnreadableError['code']
  | typeof CommonErrorCode.NoIssueContext;

export const STORE_WORDS: Readonly<Record<StoreCode, ErrorWords | typeof NO_WORDS>> = {
  STORAGE_FAILED: { admin: 'Issue Mailer could not reach its storage. Try again in a moment.' },
  STORAGE_KEY_INVALID: NO_WORDS,
  HISTORY_RECORD_INVALID: {
    admin:
      'The email history of this issue could not be read. Try again; if it keeps happening, contact your Jira admin.',
  },
  MAIL_SETTINGS_UNREADABLE: {
    admin: 'The saved sending settings could not be read. Check them under Sending settings and save them again.',
    user: "Issue Mailer's sending settings could not be read. Ask your Jira admin to save them again on the Issue Mailer admin page.",
  },
  [CommonErrorCode.NoIssueContext]: { admin: 'Open "Email this issue" from a Jira issue.' },
};
