/**
 * The Gmail API scopes Issue Mailer asks for (https://developers.google.com/gmail/api/auth/scopes):
 * `gmail.send` to send as the mailbox, `gmail.modify` to read and label incoming mail.
 */
export const GMAIL_SEND_SCOPE = 'https://www.googleapis.com/auth/gmail.send';
export const GMAIL_MODIFY_SCOPE = 'https://www.googleapis.com/auth/gmail.modify';

/** The scopes an admin must allow for the client ID in the Admin console, for the features in use. */
export const requiredGmailScopes = (incomingMail: boolean): string[] =>
  incomingMail ? [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] : [GMAIL_SEND_SCOPE];

/**
 * The Admin console's "OAuth scopes (comma-delimited)" box takes the scopes joined by commas; the JWT's `scope`
 * claim takes them joined by spaces (https://developers.google.com/identity/protocols/oauth2/service-account).
 */
export const adminConsoleScopeList = (scopes: readonly string[]): string => scopes.join(',');
