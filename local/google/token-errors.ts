/** One error answer of Google's token endpoint: status and the RFC 6749 5.2 body. */
export interface GoogleTokenErrorAnswer {
  status: number;
  error: string;
  description: string;
}

const answer = (error: string, description: string, status = 400): GoogleTokenErrorAnswer => ({
  status,
  error,
  description,
});

/**
 * The token endpoint's errors for the JWT bearer grant. Texts of the table "JWT error codes" in
 * https://developers.google.com/identity/protocols/oauth2/service-account#error-codes unless an entry says
 * otherwise (those are from public reports of the real service and unverified against Google's docs).
 */
export const GoogleTokenErrors = {
  // Public reports: Google names the grant type it did not recognise.
  unsupportedGrantType: (grantType: string) =>
    answer('unsupported_grant_type', `Invalid grant_type: ${grantType.slice(0, 100)}`),
  // Public reports of the real endpoint for a form without the JWT.
  missingAssertion: () => answer('invalid_request', 'Missing required parameter: assertion'),
  // Public reports: a service account that no longer exists.
  accountNotFound: () => answer('invalid_grant', 'Invalid grant: account not found'),
  /** Wrong, deleted, disabled or expired key, or an assertion that is not a well-formed signed JWT. */
  badSignature: () => answer('invalid_grant', 'Invalid JWT Signature.'),
  // Public reports: `aud` is not the token endpoint.
  wrongAudience: () => answer('invalid_grant', 'Invalid JWT: Failed audience check.'),
  notShortLived: () =>
    answer(
      'invalid_grant',
      "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your 'iat' " +
        "and 'exp' values and use a clock with skew to account for clock differences between systems.",
    ),
  invalidScope: () => answer('invalid_scope', 'Invalid OAuth scope or ID token audience provided.'),
  unknownUser: () => answer('invalid_grant', 'Invalid email or User ID'),
  /*
   * unauthorized_client comes with 401, not 400: real answers logged in public reports
   * (github.com/hlavki/g-suite-identity-sync/issues/7 "Response-Code: 401",
   * github.com/googleapis/google-api-php-client/issues/950 "401 Unauthorized").
   */
  /** The service account's client ID is not on the Admin console's Domain-wide delegation page. */
  notDelegated: () => answer('unauthorized_client', 'Unauthorized client or scope in request.', 401),
  /** The client is listed, but without every scope the JWT asks for. */
  scopeNotDelegated: () =>
    answer(
      'unauthorized_client',
      'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the ' +
        'scopes requested.',
      401,
    ),
  clientDisabled: () => answer('disabled_client', 'The OAuth client was disabled.'),
} as const;

/** Google writes its token answers as indented JSON. */
export const tokenErrorBody = (err: GoogleTokenErrorAnswer): string =>
  `${JSON.stringify({ error: err.error, error_description: err.description }, null, 2)}\n`;
