/**
 * A credential's kinds, apart from credentials.ts's input schemas: a stored credential is read (every email
 * sent) without building the admin page's schemas.
 */

/** How the app proves who it is to the token endpoint. */
export const CLIENT_AUTH_METHODS = ['client_secret', 'certificate'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** The OAuth 2 grant the app uses: it sends as itself, never on a user's behalf. */
export const GRANT_TYPES = ['client_credentials'] as const;

/** Credential ids as the app makes them (notification rules name one: they read it without the input schemas). */
export const CREDENTIAL_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
