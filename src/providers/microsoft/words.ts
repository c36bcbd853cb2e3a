import { MAY_HAVE_GONE, type ServiceWords, TELL_ADMIN } from '../phrases';
import { type AttachmentSourceError, GraphErrorCode } from './graph/errors';

/**
 * The app's connection to Microsoft 365 through Graph, in words: an admin's name the permission, the portal page or
 * the policy command that fixes it; an agent's never name a mailbox policy command, a permission or a credential:
 * they say what happened and that their admin can fix it (the email log keeps the admin's version, with those).
 */

const ASK_ADMIN = 'Ask your Jira admin to test the connection on the Issue Mailer admin page.';
const RETRY_THEN_TELL =
  'Microsoft 365 refused the email. Try again; if it keeps happening, tell your Jira admin (the email log has the details).';
/** What an agent is told when Microsoft 365 refuses the app's sign-in (messages/ says it for the token endpoint too). */
export const MICROSOFT_SIGN_IN_REFUSED = `Microsoft 365 did not let Issue Mailer sign in. ${TELL_ADMIN}`;
const SIGN_IN_REFUSED = MICROSOFT_SIGN_IN_REFUSED;
const SEND_REFUSED = `Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL_ADMIN}`;

/** Graph's failures by code; agents know Microsoft 365, not its Graph API. */
export const GRAPH_WORDS: Readonly<Record<GraphErrorCode | AttachmentSourceError['code'], ServiceWords | null>> = {
  [GraphErrorCode.Unauthorized]: {
    admin: `Microsoft Graph did not accept Issue Mailer's token. ${ASK_ADMIN}`,
    user: SIGN_IN_REFUSED,
  },
  [GraphErrorCode.AccessDenied]: {
    admin:
      'Microsoft Graph denied sending from the sender mailbox. The app registration needs the Mail.Send ' +
      'application permission (not delegated) with admin consent.',
    user: SEND_REFUSED,
  },
  [GraphErrorCode.AppAccessPolicyDenied]: {
    admin:
      'An Exchange application access policy does not let this app send from the sender mailbox. An Exchange admin ' +
      "can add the mailbox to the policy's group (check with Test-ApplicationAccessPolicy).",
    user: SEND_REFUSED,
  },
  [GraphErrorCode.MailboxNotFound]: {
    admin:
      "Microsoft 365 has no mailbox for the credential's sender address. Check the sender mailbox on the Issue Mailer admin page.",
    user: `Microsoft 365 has no mailbox for the address Issue Mailer sends from. ${TELL_ADMIN}`,
  },
  [GraphErrorCode.MailboxNotEnabled]: {
    admin:
      'The sender mailbox is inactive, soft-deleted or on-premises, so Microsoft Graph cannot send from it. Use a ' +
      'licensed Exchange Online mailbox.',
    user: `The mailbox Issue Mailer sends from cannot send email. ${TELL_ADMIN}`,
  },
  [GraphErrorCode.InvalidRecipients]: {
    admin: 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
  },
  [GraphErrorCode.RequestTooLarge]: {
    admin: 'The email is larger than Microsoft Graph accepts (4 MB). Shorten your message and try again.',
    user: 'The email is larger than Microsoft 365 accepts (4 MB). Shorten your message and try again.',
  },
  [GraphErrorCode.Throttled]: {
    admin: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
  },
  [GraphErrorCode.Unavailable]: {
    admin: 'Microsoft Graph is unavailable right now. Try again in a few minutes.',
    user: 'Microsoft 365 is unavailable right now. Try again in a few minutes.',
  },
  [GraphErrorCode.BadRequest]: {
    admin: 'Microsoft Graph rejected the email. Try again; if it keeps happening, contact your Jira admin.',
    user: RETRY_THEN_TELL,
  },
  [GraphErrorCode.RequestFailed]: {
    admin: 'Microsoft Graph refused the request. Try again; if it keeps happening, contact your Jira admin.',
    user: RETRY_THEN_TELL,
  },
  [GraphErrorCode.Unreachable]: {
    admin: 'Could not reach Microsoft Graph. Try again in a few minutes.',
    user: 'Could not reach Microsoft 365. Try again in a few minutes.',
  },
  [GraphErrorCode.Timeout]: {
    admin:
      'Microsoft Graph did not answer in time, so the email may or may not have been sent. Check with a recipient before sending again.',
    user: `Microsoft 365 did not answer in time: ${MAY_HAVE_GONE}`,
  },
  [GraphErrorCode.ResponseInvalid]: {
    admin:
      'Microsoft Graph answered in an unexpected way, so the email may or may not have been sent. Check with a recipient before sending again.',
    user: `Microsoft 365 answered in an unexpected way: ${MAY_HAVE_GONE}`,
  },
  [GraphErrorCode.DirectoryAccessDenied]: {
    admin:
      'Searching the Microsoft 365 directory needs the User.Read.All application permission with admin consent. ' +
      'Type the address instead, or ask your Jira admin to grant it.',
    user: "Issue Mailer may not search your organization's directory. Type the address instead, and tell your Jira admin.",
  },
  // Also the code of http's EndpointNotAllowedError, a Graph URL refused before any call.
  [GraphErrorCode.EndpointNotAllowed]: {
    admin:
      "Issue Mailer sends mail only through Microsoft Graph's hosts (graph.microsoft.com, or a national cloud's). Check the Graph API base URL on the Issue Mailer admin page.",
    user: `Issue Mailer's connection to Microsoft 365 is not set up correctly. ${TELL_ADMIN}`,
  },
  // An attachment's source broke its own promise of a size: a bug, for the log (no words: INTERNAL_ERROR).
  ATTACHMENT_SOURCE_INVALID: null,
};

/** The email log's note for an email Graph accepted: its 202 carries no id of the sent message. */
export const GRAPH_ACCEPTED_NOTE = 'Sent: Microsoft 365 accepted the email (202 Accepted).';
