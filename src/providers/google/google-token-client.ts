import { describeUrl } from '../../http/describe-url';
import type { PolicyEnv } from '../../http/endpoint-policy';
import type { AccessToken } from '../../oauth/token-client';
import type { Clock, FetchLike } from '../../shared/seams';
import { GoogleTokenError, GoogleTokenErrorCode, type GoogleTokenErrorDetails } from './errors';
import { googleTokenErrorCodeFor } from './google-guidance';
import { signJwtBearerAssertion } from './jwt-bearer-assertion';
import { GOOGLE_TOKEN_ENDPOINT, googleTokenEndpointProblem } from './token-endpoint-policy';

/** RFC 7523 section 2.1, as Google's "Making the access token request" names it. */
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface GoogleTokenRequest {
  clientEmail: string;
  privateKeyId: string;
  privateKeyPem: string;
  /** The mailbox to send as (domain-wide delegation's `sub`). */
  subject: string;
  scopes: readonly string[];
  /** Google's endpoint unless a test or the local emulator names its own; never taken from the key file. */
  tokenEndpoint?: string;
}

export interface GoogleTokenClientDeps {
  fetch: FetchLike;
  now: Clock;
  timeoutMs?: number;
  env?: PolicyEnv;
}

export const DEFAULT_GOOGLE_TOKEN_TIMEOUT_MS = 6_000;

const OAUTH_ERROR = /^[a-z_]{1,64}$/;
// Google's descriptions are fixed English sentences; anything else is not kept.
const PLAIN_DESCRIPTION = /^[\x20-\x7e]{1,300}$/;

/**
 * Gets an access token for a service account acting as `subject` by the JWT bearer grant, as
 * https://developers.google.com/identity/protocols/oauth2/service-account ("Making the access token request",
 * "Handling the response") describes: POST form-encoded `grant_type` and `assertion`; the answer carries
 * `access_token`, `token_type` Bearer and `expires_in` (one hour), and no refresh token.
 */
export const requestGoogleAccessToken = async (
  request: GoogleTokenRequest,
  deps: GoogleTokenClientDeps,
): Promise<AccessToken> => {
  const endpoint = request.tokenEndpoint ?? GOOGLE_TOKEN_ENDPOINT;
  const where = `POST ${describeUrl(endpoint)}`;
  const problem = googleTokenEndpointProblem(endpoint, deps.env ?? process.env);
  if (problem !== undefined) {
    throw new GoogleTokenError(GoogleTokenErrorCode.EndpointNotAllowed, `${where} refused: ${problem}`);
  }

  const requestedAt = deps.now();
  const assertion = await signJwtBearerAssertion({ ...request, audience: GOOGLE_TOKEN_ENDPOINT }, () => requestedAt);
  const form = new URLSearchParams({ grant_type: JWT_BEARER_GRANT_TYPE, assertion });

  let status: number;
  let contentType: string | null;
  let text: string;
  try {
    const response = await deps.fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_GOOGLE_TOKEN_TIMEOUT_MS),
    });
    status = response.status;
    contentType = response.headers.get('content-type');
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw timedOut
      ? new GoogleTokenError(GoogleTokenErrorCode.EndpointTimeout, `${where} timed out.`, { cause: error })
      : new GoogleTokenError(GoogleTokenErrorCode.EndpointUnreachable, `${where} failed: no answer from the server.`, {
          cause: error,
        });
  }

  if (status === 200) return readToken(text, contentType, `${where} answered 200`, requestedAt);
  throw readRefusal(text, status, `${where} answered ${status}`);
};

const objectOf = (text: string): Record<string, unknown> | undefined => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
};

const malformed = (answered: string, problem: string): GoogleTokenError =>
  new GoogleTokenError(GoogleTokenErrorCode.ResponseInvalid, `${answered}: ${problem}`, { status: 200 });

const readToken = (text: string, contentType: string | null, answered: string, requestedAt: number): AccessToken => {
  if (contentType === null || !/^application\/json\s*(;|$)/i.test(contentType.trim())) {
    throw malformed(answered, 'Content-Type must be application/json.');
  }
  const json = objectOf(text);
  if (json === undefined) throw malformed(answered, 'the body is not a JSON object.');
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = json;
  if (typeof accessToken !== 'string' || accessToken.trim() === '') {
    throw malformed(answered, 'response field "access_token" must be a non-empty string.');
  }
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    throw malformed(answered, 'response field "token_type" must be "Bearer".');
  }
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw malformed(answered, 'response field "expires_in" must be a positive number of seconds.');
  }
  // Counted from before the request left: latency and clock skew only ever shorten the lifetime.
  return { accessToken, expiresAt: requestedAt + expiresIn * 1000 };
};

const readRefusal = (text: string, status: number, answered: string): GoogleTokenError => {
  const json = objectOf(text);
  const error = json?.['error'];
  const oauthError = typeof error === 'string' && OAUTH_ERROR.test(error) ? error : undefined;
  const rawDescription = json?.['error_description'];
  const description =
    typeof rawDescription === 'string' && PLAIN_DESCRIPTION.test(rawDescription) ? rawDescription : undefined;
  const details: GoogleTokenErrorDetails = { status, oauthError, description };
  const label =
    oauthError === undefined ? '' : ` (${oauthError}${description === undefined ? '' : `: ${description}`})`;

  if (status >= 500 || status === 429) {
    return new GoogleTokenError(GoogleTokenErrorCode.EndpointError, `${answered}${label}: try again later.`, details);
  }
  if (oauthError === undefined) {
    return new GoogleTokenError(GoogleTokenErrorCode.ResponseInvalid, `${answered}: not an OAuth 2.0 error answer.`, {
      status,
    });
  }
  return new GoogleTokenError(
    googleTokenErrorCodeFor(oauthError, description),
    `${answered}${label}: the token request was refused.`,
    details,
  );
};
