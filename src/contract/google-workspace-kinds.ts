/*
 * The Google Workspace provider's names, apart from google-workspace.ts's input schema: a stored credential is read
 * (every email sent) without building the admin page's schemas.
 */

export const GOOGLE_WORKSPACE = 'google-workspace';
export type GoogleWorkspace = typeof GOOGLE_WORKSPACE;

/** The grant a Google credential's tokens come by (RFC 7523): no secret, an assertion signed with its key. */
export const JWT_BEARER_GRANT = 'jwt_bearer';
