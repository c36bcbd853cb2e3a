import { GraphErrorCode } from '../graph/errors';
import { TokenErrorCode } from '../oauth/errors';

/**
 * Words for people emailing an issue (agents, not admins): what happened, and who can fix it. Never a mailbox
 * policy command, an AADSTS code, a permission or credential name; the admin's version, with those, is in the email
 * log (error-messages.ts keeps it).
 */
export const TELL_ADMIN = 'Tell your Jira admin; the email log has the details.';

const RETRY_THEN_TELL =
  'Microsoft 365 refused the email. Try again; if it keeps happening, tell your Jira admin (the email log has the details).';
const MAY_HAVE_GONE = 'it may have been sent. Ask a recipient whether it arrived before sending it again.';

/** Graph failures in the sender's words where the shared text speaks to admins. Codes not listed keep the shared text. */
export const SENDER_GRAPH_MESSAGES: Partial<Readonly<Record<GraphErrorCode, string>>> = {
  [GraphErrorCode.Unauthorized]: `Microsoft 365 did not let Issue Mailer sign in. ${TELL_ADMIN}`,
  [GraphErrorCode.AccessDenied]: `Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL_ADMIN}`,
  [GraphErrorCode.AppAccessPolicyDenied]: `Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL_ADMIN}`,
  [GraphErrorCode.MailboxNotFound]: `Microsoft 365 has no mailbox for the address Issue Mailer sends from. ${TELL_ADMIN}`,
  [GraphErrorCode.MailboxNotEnabled]: `The mailbox Issue Mailer sends from cannot send email. ${TELL_ADMIN}`,
  [GraphErrorCode.EndpointNotAllowed]: `Issue Mailer's connection to Microsoft 365 is not set up correctly. ${TELL_ADMIN}`,
  [GraphErrorCode.BadRequest]: RETRY_THEN_TELL,
  [GraphErrorCode.RequestFailed]: RETRY_THEN_TELL,
  // Agents know Microsoft 365, not its Graph API.
  [GraphErrorCode.Unavailable]: 'Microsoft 365 is unavailable right now. Try again in a few minutes.',
  [GraphErrorCode.Unreachable]: 'Could not reach Microsoft 365. Try again in a few minutes.',
  [GraphErrorCode.RequestTooLarge]:
    'The email is larger than Microsoft 365 accepts (4 MB). Shorten your message and try again.',
  [GraphErrorCode.Timeout]: `Microsoft 365 did not answer in time: ${MAY_HAVE_GONE}`,
  [GraphErrorCode.ResponseInvalid]: `Microsoft 365 answered in an unexpected way: ${MAY_HAVE_GONE}`,
  [GraphErrorCode.DirectoryAccessDenied]:
    "Issue Mailer may not search your organization's directory. Type the address instead, and tell your Jira admin.",
};

const TRANSIENT_TOKEN: ReadonlySet<string> = new Set([
  TokenErrorCode.EndpointUnreachable,
  TokenErrorCode.EndpointTimeout,
  TokenErrorCode.EndpointError,
]);

/** A failed sign-in to Microsoft 365: waiting helps when the sign-in service did not answer, else only an admin can. */
export const senderTokenMessage = (code: string): string =>
  TRANSIENT_TOKEN.has(code)
    ? "Issue Mailer could not reach Microsoft 365's sign-in service. Try again in a few minutes."
    : `Microsoft 365 did not let Issue Mailer sign in. ${TELL_ADMIN}`;

/** The app's connection to Microsoft 365 lacks a secret or key an admin must paste again. */
export const SENDER_CONNECTION_INCOMPLETE = `Issue Mailer's connection to Microsoft 365 is not complete. ${TELL_ADMIN}`;

/** No answer in time: the email may have gone out. An agent cannot look in the sender's Sent Items; a recipient can say. */
export const SENDER_DELIVERY_UNCERTAIN = `Issue Mailer cannot tell whether this email went out: ${MAY_HAVE_GONE}`;
