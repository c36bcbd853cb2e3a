import { authorizationEndpointProblem } from '../contract/authorization-endpoint-rules';
import { isLoopbackUrl } from '../contract/credential-input-rules';
import type { MicrosoftCloud } from '../contract/microsoft-clouds';
import { describeUrl } from '../http/describe-url';
import { ALLOW_LOOPBACK_HTTP_ENV } from '../http/egress';
import type { PolicyEnv } from '../http/endpoint-policy';
import { AuthorizationError, AuthorizationErrorCode } from './errors';
import { S256 } from './pkce';

/**
 * The delegated permissions a connected mailbox grants: send and draft as the signed-in user, read who that is,
 * and `offline_access`, without which Microsoft issues no refresh token ("your app must explicitly request the
 * offline_access scope, to receive refresh tokens": https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc).
 * Named without a resource, they are Microsoft Graph's.
 */
export const DELEGATED_SCOPES = ['Mail.Send', 'Mail.ReadWrite', 'User.Read', 'offline_access'] as const;
export const DELEGATED_SCOPE = DELEGATED_SCOPES.join(' ');

/** Entra refuses redirect URIs longer than this (https://learn.microsoft.com/en-us/entra/identity-platform/reply-url). */
export const MAX_REDIRECT_URI_LENGTH = 256;

export interface AuthorizationRequest {
  cloud: MicrosoftCloud;
  /** The credential's v2 `/authorize` address. */
  authorizationEndpoint: string;
  /** When given, the authorization endpoint must name its host and tenant. */
  tokenEndpoint?: string;
  clientId: string;
  /** This installation's web trigger URL, exactly as registered. */
  redirectUri: string;
  state: string;
  /** S256 of the state's verifier (pkce.ts). */
  codeChallenge: string;
  /** Pre-fills the sign-in with the mailbox the admin means to connect. */
  loginHint?: string | undefined;
}

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

const refused = (what: string, url: string, problem: string): AuthorizationError =>
  new AuthorizationError(
    AuthorizationErrorCode.AuthorizeEndpointInvalid,
    `The ${what} ${JSON.stringify(describeUrl(url))} cannot be used: ${problem}`,
  );

/** Loopback stand-ins of Microsoft's services only where the host opts in, as for every other endpoint. */
const checkLoopback = (what: string, value: string, env: PolicyEnv): void => {
  const url = new URL(value);
  if (isLoopbackUrl(url) && env[ALLOW_LOOPBACK_HTTP_ENV] !== '1') {
    throw refused(what, value, 'loopback addresses are for the local host only.');
  }
};

const redirectUriProblem = (value: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not an absolute URL.';
  }
  if (url.protocol !== 'https:' && !isLoopbackUrl(url)) return 'it must use https:.';
  if (url.hash !== '') return 'it must not carry a fragment.';
  return value.length > MAX_REDIRECT_URI_LENGTH
    ? `it is longer than ${MAX_REDIRECT_URI_LENGTH} characters.`
    : undefined;
};

/**
 * The address that opens Microsoft's sign-in (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow,
 * "Request an authorization code"): `response_type=code`, `response_mode=query` (the code comes back in the web
 * trigger's query string), the one-time `state`, the PKCE challenge with `code_challenge_method=S256`, and
 * `prompt=select_account` so the admin chooses the mailbox rather than silently connecting whoever is signed in.
 */
export const buildAuthorizationUrl = (request: AuthorizationRequest, env: PolicyEnv = process.env): string => {
  const endpointProblem = authorizationEndpointProblem(
    request.authorizationEndpoint,
    request.cloud,
    request.tokenEndpoint,
  );
  if (endpointProblem !== undefined)
    throw refused('authorization endpoint', request.authorizationEndpoint, endpointProblem);
  checkLoopback('authorization endpoint', request.authorizationEndpoint, env);
  const redirectProblem = redirectUriProblem(request.redirectUri);
  if (redirectProblem !== undefined) throw refused('redirect URI', request.redirectUri, redirectProblem);
  checkLoopback('redirect URI', request.redirectUri, env);
  if (!CHALLENGE.test(request.codeChallenge)) throw new RangeError('The PKCE challenge must be an S256 challenge.');
  if (request.clientId.trim() === '' || request.state === '')
    throw new RangeError('A client ID and a state are needed.');

  const parameters: Array<[string, string]> = [
    ['client_id', request.clientId],
    ['response_type', 'code'],
    ['redirect_uri', request.redirectUri],
    ['response_mode', 'query'],
    ['scope', DELEGATED_SCOPE],
    ['state', request.state],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', S256],
    ['prompt', 'select_account'],
  ];
  const hint = request.loginHint?.trim();
  if (hint !== undefined && hint !== '') parameters.push(['login_hint', hint]);
  // Percent-encoding throughout (spaces as %20, not form encoding's +), as Microsoft's examples write it.
  const query = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${request.authorizationEndpoint}?${query}`;
};

/**
 * The delegated permissions a token answer's `scope` lacks (besides offline_access, which the refresh token itself
 * proves). Compared without case and without a resource prefix: Microsoft's examples show both `Mail.Read` and
 * `https://graph.microsoft.com/mail.read` (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow).
 * An answer that named no scope at all lacks nothing we can tell.
 */
export const missingDelegatedScopes = (granted: readonly string[]): string[] => {
  if (granted.length === 0) return [];
  const have = new Set(granted.map((scope) => scope.replace(/^https:\/\/[^/]+\//i, '').toLowerCase()));
  return DELEGATED_SCOPES.filter((scope) => scope !== 'offline_access' && !have.has(scope.toLowerCase()));
};
