import { googleGuidanceContext } from '../../credentials/google-scopes';
import type { StoredCredential } from '../../credentials/stored-credential';
import type { DeliveryResult } from '../../mail-model/outgoing-message';
import type { ServiceTokenRefusal } from '../../warnings/warning-service';
import { MAY_HAVE_GONE, type ServiceWords, TELL_ADMIN } from '../phrases';
import { GoogleKeyError, GoogleKeyErrorCode, GoogleTokenError, GoogleTokenErrorCode } from './errors';
import { GmailError, GmailErrorCode } from './gmail/gmail-errors';
import { gmailGuidance } from './gmail/gmail-guidance';
import { googleTokenGuidance } from './google-guidance';

/**
 * The app's connection to Google Workspace: Gmail, Google's token endpoint and the service account key. An admin's
 * words are Google's own guidance (gmail-guidance.ts, google-guidance.ts: the Admin console page, the scope, the
 * limit); an agent's say what happened and whether waiting helps, never a scope, a client ID or a key.
 */

const SIGN_IN_REFUSED = `Google Workspace did not let Issue Mailer sign in. ${TELL_ADMIN}`;
const SIGN_IN_UNREACHABLE = "Issue Mailer could not reach Google's sign-in service. Try again in a few minutes.";
const SEND_REFUSED = `Google Workspace does not let Issue Mailer send from this mailbox. ${TELL_ADMIN}`;
const UNAVAILABLE = 'Gmail is unavailable right now. Try again in a few minutes.';
const NOT_SET_UP = `Issue Mailer's connection to Google Workspace is not set up correctly. ${TELL_ADMIN}`;

const gmail = (user?: string): ServiceWords<GmailError> => ({
  admin: (error) => gmailGuidance(error),
  ...(user === undefined ? {} : { user }),
});

/** Gmail's answers. */
export const GMAIL_WORDS: Readonly<Record<GmailErrorCode, ServiceWords<GmailError>>> = {
  [GmailErrorCode.RateLimited]: gmail('Gmail is limiting how fast this mailbox sends. Wait a minute and try again.'),
  [GmailErrorCode.DailyLimit]: gmail(
    'The mailbox Issue Mailer sends from reached its Gmail sending limit for the day. Try again later.',
  ),
  [GmailErrorCode.Forbidden]: gmail(SEND_REFUSED),
  [GmailErrorCode.Unauthorized]: gmail(SIGN_IN_REFUSED),
  [GmailErrorCode.NotFound]: gmail(
    `Gmail refused the email. Try again; if it keeps happening, tell your Jira admin (the email log has the details).`,
  ),
  [GmailErrorCode.BadRequest]: gmail(
    'Gmail refused the email, for example for an address it cannot read. Check the recipients and try again.',
  ),
  [GmailErrorCode.MessageTooLarge]: gmail(),
  // Google's guidance says "tries again later" for all three; the log tells apart what happened.
  [GmailErrorCode.Unavailable]: {
    admin: 'Gmail answered with a server error (5xx). Issue Mailer tries again later.',
    user: UNAVAILABLE,
  },
  [GmailErrorCode.Unreachable]: {
    admin: 'Could not reach Gmail (gmail.googleapis.com), so the email may or may not have been sent.',
    user: 'Could not reach Gmail. Try again in a few minutes.',
  },
  [GmailErrorCode.Timeout]: {
    admin:
      'Gmail did not answer in time, so the email may or may not have been sent. Check with a recipient before sending again.',
    user: `Gmail did not answer in time: ${MAY_HAVE_GONE}`,
  },
  [GmailErrorCode.AnswerInvalid]: {
    admin:
      "Gmail's answer was not as Google documents it, so the email may or may not have been sent. Check with a " +
      'recipient before sending again.',
    user: `Gmail answered in an unexpected way: ${MAY_HAVE_GONE}`,
  },
  // Incoming mail's position in the mailbox's history lapsed: the handler reads the label in full, nothing to tell.
  [GmailErrorCode.HistoryExpired]: gmail(),
  [GmailErrorCode.EndpointNotAllowed]: gmail(NOT_SET_UP),
  [GmailErrorCode.SendWindowPassed]: gmail(),
};

const TRANSIENT_TOKEN: ReadonlySet<string> = new Set([
  GoogleTokenErrorCode.EndpointUnreachable,
  GoogleTokenErrorCode.EndpointTimeout,
  GoogleTokenErrorCode.EndpointError,
]);

/** Google's token endpoint: every code with Google's guidance for the admin. */
export const GOOGLE_TOKEN_WORDS: Readonly<Record<GoogleTokenErrorCode, ServiceWords<GoogleTokenError>>> =
  Object.fromEntries(
    Object.values(GoogleTokenErrorCode).map((code) => [
      code,
      {
        admin: (error: GoogleTokenError) => googleTokenGuidance(error),
        user: TRANSIENT_TOKEN.has(code) ? SIGN_IN_UNREACHABLE : SIGN_IN_REFUSED,
      },
    ]),
  ) as Record<GoogleTokenErrorCode, ServiceWords<GoogleTokenError>>;

/** What is wrong with a stored key, by code: never the key itself, nor the error's own message. */
const KEY_FAULTS: Readonly<Record<GoogleKeyErrorCode, string>> = {
  [GoogleKeyErrorCode.TooLarge]: 'is too large to be a service account key',
  [GoogleKeyErrorCode.NotJson]: 'is not JSON',
  [GoogleKeyErrorCode.NotServiceAccount]: 'is not a service account key (its "type" is not "service_account")',
  [GoogleKeyErrorCode.FieldMissing]: 'lacks a field Google puts in every key',
  [GoogleKeyErrorCode.FieldInvalid]: 'has a field Google would not write that way',
  [GoogleKeyErrorCode.NotPkcs8]: 'holds a private key that is not PKCS#8',
  [GoogleKeyErrorCode.PrivateKeyUnreadable]: 'holds a private key no RS256 key can be read from',
  [GoogleKeyErrorCode.OtherUniverse]: 'belongs to another Google universe than googleapis.com',
};

export const GOOGLE_KEY_WORDS: Readonly<Record<GoogleKeyErrorCode, ServiceWords<GoogleKeyError>>> = Object.fromEntries(
  Object.values(GoogleKeyErrorCode).map((code) => [
    code,
    {
      admin: `The stored service account key ${KEY_FAULTS[code]}. Upload the service account's JSON key file again.`,
      user: NOT_SET_UP,
    },
  ]),
) as Record<GoogleKeyErrorCode, ServiceWords<GoogleKeyError>>;

/**
 * The words of an error of Google's families, bound to it: their codes are told apart by their class (a Gmail and
 * a token code may share a name). Undefined for any other error.
 */
export const googleWordsOf = (error: unknown): { admin: string; user?: string } | undefined => {
  if (error instanceof GmailError) return bound(GMAIL_WORDS[error.code], error);
  if (error instanceof GoogleTokenError) return bound(GOOGLE_TOKEN_WORDS[error.code], error);
  if (error instanceof GoogleKeyError) return bound(GOOGLE_KEY_WORDS[error.code], error);
  return undefined;
};

const bound = <E extends GmailError | GoogleTokenError | GoogleKeyError>(
  words: ServiceWords<E>,
  error: E,
): { admin: string; user?: string } => {
  const say = (wording: string | ((error: E) => string)) => (typeof wording === 'string' ? wording : wording(error));
  return { admin: say(words.admin), ...(words.user === undefined ? {} : { user: say(words.user) }) };
};

/**
 * Google's refusal of a token while sending, as the admin page's warning says it: Google's own guidance for the
 * credential (its client ID, mailbox and scopes).
 */
export const googleTokenRefusal = (credential: StoredCredential, error: GoogleTokenError): ServiceTokenRefusal => ({
  code: error.code,
  message:
    "Mail could not go out: Google refused Issue Mailer's token request. " +
    googleTokenGuidance(error, googleGuidanceContext(credential)),
  transient: error.transient,
});

/**
 * The email log's note for an email Gmail accepted, with the id Gmail gave the sent message (Gmail has no request
 * ids); undefined for a result of another provider's delivery.
 */
export const gmailAcceptedNote = (result: DeliveryResult): string | undefined =>
  result.delivery === 'gmail-multipart' || result.delivery === 'gmail-resumable'
    ? `Sent: Gmail accepted the email${result.messageId === undefined ? '' : ` (Gmail message ${result.messageId})`}.`
    : undefined;
