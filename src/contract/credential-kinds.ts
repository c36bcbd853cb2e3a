import { GOOGLE_WORKSPACE, JWT_BEARER_GRANT } from './google-workspace-kinds';
import { MICROSOFT_CLOUD_KEYS, type MicrosoftCloud } from './microsoft-clouds';

/**
 * A credential's kinds, apart from credentials.ts's input schemas: a stored credential is read (every email
 * sent) without building the admin page's schemas.
 */

/** How the app proves who it is to the token endpoint. */
export const CLIENT_AUTH_METHODS = ['client_secret', 'certificate'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/**
 * The OAuth 2 grant the app uses: `client_credentials` sends as the app itself (application permissions, any
 * mailbox the tenant allows); `authorization_code` sends as the one mailbox an admin signed in with (delegated
 * permissions, a refresh token kept in secret storage).
 */
export const GRANT_TYPES = ['client_credentials', 'authorization_code'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** Every provider a stored credential may name: a Microsoft cloud, or Google Workspace (its own input schema). */
export const CREDENTIAL_PROVIDERS = [...MICROSOFT_CLOUD_KEYS, GOOGLE_WORKSPACE] as const;
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number];

/** The grants a stored credential may name: Microsoft's two, and the JWT bearer grant of a Google service account. */
export const STORED_GRANT_TYPES = [...GRANT_TYPES, JWT_BEARER_GRANT] as const;
export type StoredGrantType = (typeof STORED_GRANT_TYPES)[number];

export const isMicrosoftProvider = (provider: CredentialProvider): provider is MicrosoftCloud =>
  provider !== GOOGLE_WORKSPACE;

/** Credential ids as the app makes them (notification rules name one: they read it without the input schemas). */
export const CREDENTIAL_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/**
 * A credential that acts as one mailbox reads only that one: a signed-in mailbox's delegated Mail.ReadWrite covers
 * the signed-in user's own mail (https://learn.microsoft.com/en-us/graph/permissions-reference#mailreadwrite; other
 * mailboxes need Mail.ReadWrite.Shared, which the app does not ask for), and a Google service account's token is
 * for the one user its JWT names in `sub` (https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority).
 * Only application permissions reach any mailbox of the tenant.
 */
export const readsOwnMailboxOnly = (credential: {
  provider: CredentialProvider;
  grantType: StoredGrantType;
}): boolean => credential.provider === GOOGLE_WORKSPACE || credential.grantType !== 'client_credentials';
