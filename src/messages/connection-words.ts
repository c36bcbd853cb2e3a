import { NO_PRIVATE_KEY_MESSAGE, NO_SECRET_MESSAGE } from '../credentials/credential-guidance';
import { CredentialErrorCode } from '../credentials/errors';
import { type AttachmentSourceError, GraphErrorCode } from '../graph/errors';
import { tokenErrorGuidance } from '../oauth/aadsts-guidance';
import { type TokenError, TokenErrorCode } from '../oauth/errors';
import { type ErrorWords, NO_WORDS, VALIDATION_WORDS } from './words';

/**
 * The app's connection to Microsoft 365: Graph, the token endpoint, the stored credential. An admin's words name the
 * permission, the portal page or the policy command that fixes it; an agent's never name a mailbox policy command,
 * an AADSTS code, a permission or a credential: they say what happened and that their admin can fix it (the email
 * log keeps the admin's version, with those).
 */

export const TELL_ADMIN = 'Tell your Jira admin; the email log has the details.';
const ASK_ADMIN = 'Ask your Jira admin to test the connection on the Issue Mailer admin page.';
const RETRY_THEN_TELL =
  'Microsoft 365 refused the email. Try again; if it keeps happening, tell your Jira admin (the email log has the details).';
export const MAY_HAVE_GONE = 'it may have been sent. Ask a recipient whether it arrived before sending it again.';
const SIGN_IN_REFUSED = `Microsoft 365 did not let Issue Mailer sign in. ${TELL_ADMIN}`;
const SIGN_IN_UNREACHABLE = "Issue Mailer could not reach Microsoft 365's sign-in service. Try again in a few minutes.";
const SEND_REFUSED = `Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL_ADMIN}`;
/** The app's connection to Microsoft 365 lacks a secret or key an admin must paste again. */
const CONNECTION_INCOMPLETE = `Issue Mailer's connection to Microsoft 365 is not complete. ${TELL_ADMIN}`;

export const CREDENTIAL_IN_USE_MESSAGE =
  'Email this issue sends through this credential as the default. Make another credential the default first.';
export const CREDENTIAL_READ_BY_HANDLERS_MESSAGE =
  'Mail handlers read their mailbox through this credential. Choose another credential for them, or delete them, first.';

/** Agents know Microsoft 365, not its Graph API. */
export const GRAPH_WORDS: Readonly<
  Record<GraphErrorCode | AttachmentSourceError['code'], ErrorWords | typeof NO_WORDS>
> = {
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
  // An attachment's source broke its own promise of a size: a bug, for the log.
  ATTACHMENT_SOURCE_INVALID: NO_WORDS,
};

/** An admin's words depend on the AADSTS number (aadsts-guidance.ts); an agent's only on whether waiting helps. */
const refused: ErrorWords<TokenError> = { admin: (error) => tokenErrorGuidance(error), user: SIGN_IN_REFUSED };
const unreachable: ErrorWords<TokenError> = { admin: (error) => tokenErrorGuidance(error), user: SIGN_IN_UNREACHABLE };

/** A token request's failures. Their own table: their ENDPOINT_NOT_ALLOWED is the sign-in host's, not Graph's. */
export const TOKEN_WORDS: Readonly<Record<TokenErrorCode, ErrorWords<TokenError>>> = {
  [TokenErrorCode.InvalidClientSecret]: refused,
  [TokenErrorCode.ClientSecretExpired]: refused,
  [TokenErrorCode.AppNotFound]: refused,
  [TokenErrorCode.TenantNotFound]: refused,
  [TokenErrorCode.InvalidScope]: refused,
  [TokenErrorCode.NoClientCredential]: refused,
  [TokenErrorCode.InvalidClientAssertion]: refused,
  [TokenErrorCode.ClientAssertionFailed]: refused,
  [TokenErrorCode.Rejected]: refused,
  [TokenErrorCode.EndpointUnreachable]: unreachable,
  [TokenErrorCode.EndpointTimeout]: unreachable,
  [TokenErrorCode.EndpointError]: unreachable,
  [TokenErrorCode.ResponseInvalid]: refused,
  [TokenErrorCode.EndpointNotAllowed]: refused,
};

export const CREDENTIAL_WORDS: Readonly<Record<CredentialErrorCode, ErrorWords>> = {
  [CredentialErrorCode.NotFound]: { admin: 'That credential no longer exists. Reload the page.' },
  [CredentialErrorCode.NotConfigured]: {
    admin: 'Add a Microsoft 365 credential first.',
    user: 'Issue Mailer is not set up yet. Ask your Jira admin to add a Microsoft 365 credential on the Issue Mailer admin page.',
  },
  [CredentialErrorCode.SecretMissing]: { admin: NO_SECRET_MESSAGE, user: CONNECTION_INCOMPLETE },
  [CredentialErrorCode.PrivateKeyMissing]: { admin: NO_PRIVATE_KEY_MESSAGE, user: CONNECTION_INCOMPLETE },
  [CredentialErrorCode.InUse]: { admin: CREDENTIAL_IN_USE_MESSAGE },
  [CredentialErrorCode.ReadByHandlers]: { admin: CREDENTIAL_READ_BY_HANDLERS_MESSAGE },
  [CredentialErrorCode.Invalid]: VALIDATION_WORDS,
  [CredentialErrorCode.SecretRequired]: VALIDATION_WORDS,
};
