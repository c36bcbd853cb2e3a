/*
 * The Google Workspace provider's names, apart from google-workspace.ts's input schema: a stored credential is read
 * (every email sent) without building the admin page's schemas.
 */

export const GOOGLE_WORKSPACE = 'google-workspace';
export type GoogleWorkspace = typeof GOOGLE_WORKSPACE;

/** The grant a Google credential's tokens come by (RFC 7523): no secret, an assertion signed with its key. */
export const JWT_BEARER_GRANT = 'jwt_bearer';

/**
 * The Gmail API scopes (https://developers.google.com/workspace/gmail/api/auth/scopes): `gmail.send` to send as the
 * mailbox, `gmail.modify` to read, label and archive incoming mail.
 */
export const GMAIL_SEND_SCOPE = 'https://www.googleapis.com/auth/gmail.send';
export const GMAIL_MODIFY_SCOPE = 'https://www.googleapis.com/auth/gmail.modify';

/**
 * The scopes a credential asks for, in this order. Google refuses the token (`unauthorized_client`) when any one of
 * them is not allowed for the client ID in the Admin console, so a site that only sends asks for `gmail.send` only.
 */
export const googleScopesFor = (incomingMail: boolean): string[] =>
  incomingMail ? [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] : [GMAIL_SEND_SCOPE];

/**
 * The Admin console's "OAuth scopes (comma-delimited)" box takes the scopes joined by commas (Security > Access and
 * data control > API controls > Manage Domain Wide Delegation); the JWT's `scope` claim joins them by spaces.
 */
export const adminConsoleScopeList = (scopes: readonly string[]): string => scopes.join(',');

export const SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE =
  'Choose the JSON key file Google Cloud downloaded for the service account (IAM & Admin > Service accounts > Keys).';
