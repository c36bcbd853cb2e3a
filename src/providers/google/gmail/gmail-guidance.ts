import type { GoogleGuidanceContext } from '../google-guidance';
import { type GmailError, GmailErrorCode } from './gmail-errors';

/*
 * What to tell a Jira admin about a failed Gmail call, in Google's terms. Sources: "Resolve errors"
 * https://developers.google.com/workspace/gmail/api/guides/handle-errors (403 domainPolicy "Your app can't be used
 * within the authenticated user's domain", 429 for sending and per-user limits, "Per-user limits cannot be
 * increased"), usage limits https://developers.google.com/workspace/gmail/api/reference/quota (15,000 quota units
 * per user per minute), Gmail sending limits https://support.google.com/a/answer/166852 (2,000 messages a day over
 * a rolling 24 hours), domain-wide delegation
 * https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority.
 */

const DWD_PAGE =
  'Google Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation';

const mailbox = (context: GoogleGuidanceContext): string =>
  context.mailbox === undefined ? 'the mailbox' : `the mailbox ${context.mailbox}`;
const scopes = (context: GoogleGuidanceContext): string =>
  context.scopes === undefined || context.scopes.length === 0 ? 'the Gmail scopes' : context.scopes.join(',');
const clientId = (context: GoogleGuidanceContext): string =>
  context.clientId === undefined ? 'the service account' : `the client ID ${context.clientId}`;
const retryAt = (error: GmailError): string =>
  error.retryAfterSeconds === undefined ? '' : ` Google said to try again in ${error.retryAfterSeconds} seconds.`;

type Guide = (context: GoogleGuidanceContext) => string;

const delegatedUserOnly: Guide = (c) =>
  `Gmail refused to act for ${mailbox(c)} (403). The service account may only send as the user it was delegated ` +
  "for: use that user's primary address.";

const FORBIDDEN: Readonly<Record<string, Guide>> = {
  insufficientPermissions: (c) =>
    `Gmail refused the request for lack of a scope (403 insufficientPermissions). In ${DWD_PAGE}, make sure ` +
    `${clientId(c)} lists ${scopes(c)}. Changes there can take up to 24 hours.`,
  accessNotConfigured: () =>
    'The Gmail API is not enabled in the Google Cloud project of the service account (403 accessNotConfigured). ' +
    'In Google Cloud console > APIs & Services > Library, enable the Gmail API, then test again.',
  domainPolicy: () =>
    'Your Google Workspace domain does not allow this app to access Gmail (403 domainPolicy). Ask your Workspace ' +
    'admin to allow access to Gmail for the app in Google Admin console > Security > Access and data control > API ' +
    'controls.',
  forbidden: delegatedUserOnly,
};

/** The guidance for a failed Gmail call. */
export const gmailGuidance = (error: GmailError, context: GoogleGuidanceContext = {}): string => {
  switch (error.code) {
    case GmailErrorCode.Forbidden:
      return (FORBIDDEN[error.reason ?? ''] ?? delegatedUserOnly)(context);
    case GmailErrorCode.RateLimited:
      return (
        `Gmail asked ${mailbox(context)} to slow down (${error.status ?? 429} rateLimitExceeded): Google allows ` +
        `15,000 quota units per user per minute and a send costs 100. Issue Mailer tries again later.${retryAt(error)}`
      );
    case GmailErrorCode.DailyLimit:
      return (
        `${capitalised(mailbox(context))} reached a Gmail sending limit (2,000 messages a day in Google Workspace, ` +
        'counted over a rolling 24 hours; lower for trial accounts). Mail waits until the limit allows it; per-user ' +
        `limits cannot be raised.${retryAt(error)}`
      );
    case GmailErrorCode.Unauthorized:
      return (
        'Gmail did not accept the access token even after a fresh one (401 authError "Invalid Credentials"). Check the ' +
        `domain-wide delegation of ${clientId(context)} in ${DWD_PAGE}.`
      );
    case GmailErrorCode.BadRequest:
      return error.reason === 'failedPrecondition'
        ? `Gmail is not available for ${mailbox(context)} (400 failedPrecondition): check in Google Admin console ` +
            'that the user has a Google Workspace licence with Gmail turned on.'
        : `Gmail refused the message as invalid (400${error.reason === undefined ? '' : ` ${error.reason}`}), for ` +
            'example an address in To, Cc or Bcc it cannot read. Check the recipients.';
    case GmailErrorCode.MessageTooLarge:
      return "The email with its attachments is over Gmail's 35 MB. Send fewer or smaller attachments.";
    case GmailErrorCode.HistoryExpired:
      return (
        `Gmail no longer knows where incoming mail of ${mailbox(context)} was last read (history.list answered 404; ` +
        'Google keeps one for about a week, sometimes only hours). The label has to be read again in full.'
      );
    case GmailErrorCode.NotFound:
      return `Gmail did not find what was asked for ${mailbox(context)} (404). Test the connection again.`;
    case GmailErrorCode.Unavailable:
    case GmailErrorCode.Timeout:
    case GmailErrorCode.Unreachable:
      return 'Gmail did not answer properly just now. Issue Mailer tries again later.';
    case GmailErrorCode.SendWindowPassed:
      return 'The email missed its sending slot and waits for the next one.';
    case GmailErrorCode.EndpointNotAllowed:
      return 'Issue Mailer sends through Gmail only at https://gmail.googleapis.com.';
    case GmailErrorCode.AnswerInvalid:
      return (
        "Gmail's answer was not as Google documents it. Try again later; if it keeps happening contact Issue " +
        'Mailer support.'
      );
  }
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
