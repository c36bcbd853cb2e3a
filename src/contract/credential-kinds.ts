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

/** Credential ids as the app makes them (notification rules name one: they read it without the input schemas). */
export const CREDENTIAL_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
