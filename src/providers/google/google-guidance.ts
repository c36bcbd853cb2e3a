import { type GoogleTokenError, GoogleTokenErrorCode } from './errors';

/*
 * Google's token endpoint errors for service accounts, from "Using OAuth 2.0 for Server to Server Applications",
 * JWT error codes: https://developers.google.com/identity/protocols/oauth2/service-account#error-codes
 * (`error` values and `error_description` texts as that table gives them). "account not found" is not in the
 * table: public reports of the real service show it for a deleted service account.
 */

const DWD_PAGE =
  'Google Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation';
const KEYS_PAGE = 'Google Cloud console > IAM & Admin > Service Accounts > your service account > Keys';
const PROPAGATION = 'Changes there usually apply within minutes but can take up to 24 hours.';

/** What an `invalid_grant` answer means, told apart by Google's description. */
const INVALID_GRANT: ReadonlyArray<readonly [RegExp, GoogleTokenErrorCode]> = [
  [/^(Invalid email or User ID|Not a valid email)/i, GoogleTokenErrorCode.UserUnknown],
  [/^Invalid JWT Signature/i, GoogleTokenErrorCode.KeyInvalid],
  [/short-lived token|reasonable timeframe/i, GoogleTokenErrorCode.ClockSkew],
  [/account not found/i, GoogleTokenErrorCode.ServiceAccountNotFound],
];

const BY_OAUTH_ERROR: Readonly<Record<string, GoogleTokenErrorCode>> = {
  unauthorized_client: GoogleTokenErrorCode.DelegationMissing,
  access_denied: GoogleTokenErrorCode.ScopeNotAllowed,
  invalid_scope: GoogleTokenErrorCode.InvalidScope,
  disabled_client: GoogleTokenErrorCode.ClientDisabled,
  deleted_client: GoogleTokenErrorCode.ClientDeleted,
  invalid_client: GoogleTokenErrorCode.InvalidClient,
  admin_policy_enforced: GoogleTokenErrorCode.AdminPolicyEnforced,
  org_internal: GoogleTokenErrorCode.OrgInternal,
};

/** The stable code for an OAuth error answer of Google's token endpoint. */
export const googleTokenErrorCodeFor = (oauthError: string, description: string | undefined): GoogleTokenErrorCode => {
  if (oauthError === 'invalid_grant') {
    const match = INVALID_GRANT.find(([pattern]) => pattern.test(description ?? ''));
    return match?.[1] ?? GoogleTokenErrorCode.Rejected;
  }
  return BY_OAUTH_ERROR[oauthError] ?? GoogleTokenErrorCode.Rejected;
};

/** What the guidance can name: the service account's public facts and the mailbox. */
export interface GoogleGuidanceContext {
  clientId?: string | undefined;
  clientEmail?: string | undefined;
  mailbox?: string | undefined;
  /** The scopes the JWT asked for. */
  scopes?: readonly string[] | undefined;
}

const clientIdText = (context: GoogleGuidanceContext): string =>
  context.clientId === undefined ? 'the numeric Client ID' : `the numeric Client ID ${context.clientId}`;
const scopesText = (context: GoogleGuidanceContext): string =>
  context.scopes === undefined || context.scopes.length === 0 ? 'the Gmail scopes' : context.scopes.join(',');
const mailboxText = (context: GoogleGuidanceContext): string =>
  context.mailbox === undefined ? 'The mailbox' : `The mailbox ${context.mailbox}`;
const accountText = (context: GoogleGuidanceContext): string =>
  context.clientEmail === undefined ? 'the service account' : `the service account ${context.clientEmail}`;

type Guide = (context: GoogleGuidanceContext) => string;

const GUIDES: Readonly<Record<GoogleTokenErrorCode, Guide>> = {
  [GoogleTokenErrorCode.DelegationMissing]: (c) =>
    `Google says the service account is not allowed to act for this mailbox (unauthorized_client). In ${DWD_PAGE}, ` +
    `add ${clientIdText(c)} (not the service account's email) with the OAuth scopes ${scopesText(c)}; if the ` +
    `client is already listed, edit it so every one of these scopes is there. ${PROPAGATION}`,
  [GoogleTokenErrorCode.ScopeNotAllowed]: (c) =>
    `Google says one or more scopes are not authorised for this client (access_denied). In ${DWD_PAGE}, make sure ` +
    `${clientIdText(c)} lists ${scopesText(c)}, and that access to Gmail is not restricted for the mailbox's ` +
    `organisational unit. ${PROPAGATION}`,
  [GoogleTokenErrorCode.UserUnknown]: (c) =>
    `${mailboxText(c)} is not an active user of your Google Workspace (invalid_grant "Invalid email or User ID"). ` +
    "Use the user's primary email address, check in Google Admin console > Directory > Users that the user " +
    'exists and is not suspended, and that the address belongs to your Workspace, not to a consumer Gmail account.',
  [GoogleTokenErrorCode.KeyInvalid]: (c) =>
    `Google did not accept the signature of ${accountText(c)} (invalid_grant "Invalid JWT Signature."). The key ` +
    `was deleted, disabled or has expired, or belongs to another service account. In ${KEYS_PAGE}, check that the ` +
    'key ID is listed and active; if not, add a new JSON key and upload it here.',
  [GoogleTokenErrorCode.ServiceAccountNotFound]: (c) =>
    `Google cannot find ${accountText(c)} (invalid_grant). It may have been deleted: in Google Cloud console > ` +
    'IAM & Admin > Service Accounts, restore it (possible for 30 days) or create a new one and upload its JSON key.',
  [GoogleTokenErrorCode.ClockSkew]: () =>
    'Google refused the request as outside a reasonable timeframe (invalid_grant "Invalid JWT: Token must be a ' +
    'short-lived token"). This follows a wrong clock; try again in a few minutes, and if it keeps happening ' +
    'contact Issue Mailer support.',
  [GoogleTokenErrorCode.InvalidScope]: () =>
    'Google refused the requested scope (invalid_scope). This is a fault in Issue Mailer, not in your setup: ' +
    'contact Issue Mailer support.',
  [GoogleTokenErrorCode.ClientDisabled]: (c) =>
    `${capitalised(accountText(c))} is disabled (disabled_client). Enable it in Google Cloud console > IAM & ` +
    'Admin > Service Accounts.',
  [GoogleTokenErrorCode.ClientDeleted]: (c) =>
    `The OAuth client of ${accountText(c)} was deleted (deleted_client). Restore it within 30 days in Google ` +
    'Cloud console, or create a new service account and upload its JSON key.',
  [GoogleTokenErrorCode.InvalidClient]: (c) =>
    `Google says the client is invalid or misconfigured (invalid_client). Check ${accountText(c)} in Google Cloud ` +
    'console > IAM & Admin > Service Accounts and upload its JSON key again.',
  [GoogleTokenErrorCode.AdminPolicyEnforced]: (c) =>
    'Your Google Workspace policies block the scopes for this app (admin_policy_enforced). In Google Admin console ' +
    `> Security > Access and data control > API controls > App access control, trust ${clientIdText(c)}.`,
  [GoogleTokenErrorCode.OrgInternal]: () =>
    "The service account's project is restricted to users of its own Google Cloud organization (org_internal). " +
    "Use a service account of the mailbox's organization.",
  [GoogleTokenErrorCode.Rejected]: () =>
    "Google's token endpoint refused the request. Check the service account key, the mailbox and the domain-wide " +
    'delegation, then test the connection again.',
  [GoogleTokenErrorCode.AssertionFailed]: () =>
    'Issue Mailer could not sign in with the stored private key. Upload the JSON key file again.',
  [GoogleTokenErrorCode.EndpointUnreachable]: () =>
    "Could not reach Google's token endpoint (oauth2.googleapis.com). Try again in a few minutes.",
  [GoogleTokenErrorCode.EndpointTimeout]: () => "Google's token endpoint did not answer in time. Try again later.",
  [GoogleTokenErrorCode.EndpointError]: () =>
    "Google's token endpoint answered with a server error or asked to slow down. Try again in a few minutes.",
  [GoogleTokenErrorCode.ResponseInvalid]: () =>
    "The token endpoint did not answer like Google's OAuth 2.0 server. Try again later; if it keeps happening " +
    'contact Issue Mailer support.',
  [GoogleTokenErrorCode.EndpointNotAllowed]: () =>
    "Issue Mailer gets Google tokens only from Google's token endpoint, https://oauth2.googleapis.com/token.",
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What to tell a Jira admin about a failed Google token request, in Google's terms. */
export const googleTokenGuidance = (error: GoogleTokenError, context: GoogleGuidanceContext = {}): string =>
  GUIDES[error.code](context);
