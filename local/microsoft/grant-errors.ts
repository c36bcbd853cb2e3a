import { aadsts } from './token-errors';

/*
 * AADSTS answers of the authorization code flow, at /authorize and at /token. Codes and texts are those of
 * https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes unless an entry names the public
 * report of the real service it was taken from; `error` values are those of
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow (RFC 6749 5.2 invalid_grant).
 */
export const GrantErrors = {
  // Public reports (e.g. microsoft-graph-explorer-v4 #540, AzureAD docs "redirectUriMismatchError").
  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    aadsts(
      400,
      'invalid_request',
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  // Public reports (OneDrive/onedrive-sample-apibrowser-dotnet #27).
  noRedirectUriRegistered: () =>
    aadsts(400, 'invalid_request', 500113, 'No reply address is registered for the application.'),
  noRedirectUri: () => aadsts(400, 'invalid_request', 900971, 'No reply address provided.'),
  // Entra's answer for a response_type it does not serve the app (public reports of AADSTS700054).
  unsupportedResponseType: (responseType: string) =>
    aadsts(
      400,
      'unsupported_response_type',
      700054,
      `response_type '${responseType}' is not enabled for the application.`,
    ),
  invalidCodeChallengeMethod: () => aadsts(400, 'invalid_request', 50149, 'Invalid Code_Challenge_method parameter.'),
  invalidCodeChallengeSize: () =>
    aadsts(
      400,
      'invalid_request',
      501491,
      'InvalidCodeChallengeMethodInvalidSize - Invalid size of Code_Challenge parameter.',
    ),
  // Public reports: "AADSTS65004: User declined to consent to access the app."
  userDeclinedConsent: () => aadsts(400, 'access_denied', 65004, 'User declined to consent to access the app.'),
  // prompt=none without a session ("login_required": too many or no users found); text of public reports.
  loginRequired: () =>
    aadsts(400, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
  // prompt=none when consent is still missing.
  consentRequired: (clientId: string, appName: string) =>
    aadsts(
      400,
      'consent_required',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    ),
  codeRedeemed: () =>
    aadsts(
      400,
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    ),
  // Public reports of the real service (e.g. azure-sdk-for-java #33235) for an expired code.
  codeExpired: () =>
    aadsts(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    ),
  // A code or refresh token the service never issued (public reports of the real service answer malformed codes so).
  malformedGrant: () => aadsts(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.'),
  // Microsoft documents no number for a code redeemed by another client (RFC 6749 4.1.3 requires refusing it): the
  // emulator answers with AADSTS70000 InvalidGrant and its own text.
  grantOfAnotherClient: () =>
    aadsts(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed. It was issued to another client.'),
  codeOfAnotherTenant: () =>
    aadsts(
      400,
      'invalid_grant',
      700005,
      'Provided Authorization Code is intended to use against other tenant, thus rejected.',
    ),
  // Public reports (PartnerCenterSamples/Reseller-Web-Application #73).
  redirectUriDiffers: (sent: string, original: string) =>
    aadsts(
      400,
      'invalid_grant',
      50011,
      `The reply address '${sent}' does not match the reply address '${original}' provided when requesting Authorization code.`,
    ),
  // Public reports (microsoft-authentication-library-for-js #5044): the verifier is missing.
  codeVerifierMissing: () =>
    aadsts(
      400,
      'invalid_grant',
      50148,
      'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
    ),
  codeVerifierMismatch: () =>
    aadsts(
      400,
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    ),
  // Public reports of the real text: it names the grant's date and the user's TokensValidFrom.
  refreshTokenRevoked: (issuedAt: string, validFrom: Date) =>
    aadsts(
      400,
      'invalid_grant',
      50173,
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedAt}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFrom.toISOString()}'.`,
    ),
  refreshTokenInactive: (issuedAt: string) =>
    aadsts(
      400,
      'invalid_grant',
      700082,
      `The refresh token has expired due to inactivity. The token was issued on ${issuedAt} and was inactive for 90.00:00:00.`,
    ),
  scopeNotConsented: (clientId: string, appName: string) =>
    aadsts(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    ),
} as const;
