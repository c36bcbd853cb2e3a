/** Codes a resolver may answer with outside a service's own family (see each src/<folder>/errors.ts). */
export const CommonErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  NotAdmin: 'NOT_ADMIN',
  NotFound: 'NOT_FOUND',
  NotConfigured: 'NOT_CONFIGURED',
  NoIssueContext: 'NO_ISSUE_CONTEXT',
  Internal: 'INTERNAL_ERROR',
} as const;
export type CommonErrorCode = (typeof CommonErrorCode)[keyof typeof CommonErrorCode];

/**
 * Codes of the authorization code grant (delegated Microsoft 365 sign-in): the one-time `state`, the code exchange
 * and the refresh token's life. Shared with the admin page and the web trigger's page, which word each one.
 */
export const AuthorizationErrorCode = {
  /** No pending sign-in has this `state`: never issued, already used (a replay), or a forgery. */
  StateUnknown: 'OAUTH_STATE_UNKNOWN',
  /** The sign-in was started more than 10 minutes ago. */
  StateExpired: 'OAUTH_STATE_EXPIRED',
  /** For the caller: the sign-in was started by another Jira admin than the one finishing it. */
  StateOtherAdmin: 'OAUTH_STATE_OTHER_ADMIN',
  /** The credential's authorization endpoint is not a v2 /authorize address of its Microsoft cloud. */
  AuthorizeEndpointInvalid: 'OAUTH_AUTHORIZE_ENDPOINT_INVALID',
  /** Microsoft says the authorization code was already redeemed (AADSTS54005). */
  CodeRedeemed: 'OAUTH_CODE_REDEEMED',
  /** The authorization code expired before it was redeemed (AADSTS70008 on the code exchange). */
  CodeExpired: 'OAUTH_CODE_EXPIRED',
  /** Any other `invalid_grant` on the code exchange: another client's code, a wrong verifier or redirect URI. */
  CodeInvalid: 'OAUTH_CODE_INVALID',
  /** The refresh token was revoked (AADSTS50173 and its kin): sessions revoked, password reset by an admin. */
  GrantRevoked: 'OAUTH_GRANT_REVOKED',
  /** The refresh token went unused too long (AADSTS700082, 70008 on a refresh): 90 days. */
  GrantExpiredInactive: 'OAUTH_GRANT_EXPIRED_INACTIVE',
  /** The refresh token was issued to a single-page app and has a fixed 24-hour life (AADSTS700084). */
  GrantSpaLifetime: 'OAUTH_GRANT_SPA_LIFETIME',
  /** Conditional Access sign-in frequency ended the refresh token's life (AADSTS70043). */
  SignInFrequency: 'OAUTH_SIGN_IN_FREQUENCY',
  /** Any other `invalid_grant` on a refresh. */
  GrantInvalid: 'OAUTH_GRANT_INVALID',
  /** Microsoft needs the user to sign in interactively, e.g. for multifactor authentication (AADSTS50076/50079). */
  InteractionRequired: 'OAUTH_INTERACTION_REQUIRED',
  /** The user or an admin has not consented to the permissions (AADSTS65001 and kin). */
  ConsentRequired: 'OAUTH_CONSENT_REQUIRED',
  /** The credential has no refresh token: nobody has authorized it yet, or the authorization was removed. */
  NotAuthorized: 'OAUTH_NOT_AUTHORIZED',
} as const;
export type AuthorizationErrorCode = (typeof AuthorizationErrorCode)[keyof typeof AuthorizationErrorCode];

/**
 * Authorize's own refusals, before or around the code exchange (whose refusals are AuthorizationErrorCode): the
 * admin page and the `oauth-callback` web trigger's page word each one.
 */
export const AuthorizeErrorCode = {
  /** The signed-in user cancelled the sign-in or declined consent (`access_denied`, AADSTS65004). */
  SignInCancelled: 'OAUTH_SIGN_IN_CANCELLED',
  /** Microsoft ended the sign-in with another error at /authorize. */
  SignInFailed: 'OAUTH_SIGN_IN_FAILED',
  /** The callback carried neither a code and a state nor an error: not Microsoft's answer to a sign-in. */
  CallbackInvalid: 'OAUTH_CALLBACK_INVALID',
  /** The credential is not (or no longer) an authorization code credential. */
  NotAuthorizationCode: 'OAUTH_NOT_AUTHORIZATION_CODE',
  /** The credential was deleted while its sign-in was open. */
  CredentialGone: 'OAUTH_CREDENTIAL_GONE',
} as const;
export type AuthorizeErrorCode = (typeof AuthorizeErrorCode)[keyof typeof AuthorizeErrorCode];
