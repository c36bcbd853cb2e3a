import { isLoopbackUrl, USERINFO_MESSAGE } from './credential-input-rules';
import { MICROSOFT_CLOUDS, type MicrosoftCloud } from './microsoft-clouds';

/*
 * The v2 authorization endpoint: `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize`, where tenant
 * may be `common`, `organizations`, `consumers` or a tenant id or domain
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow, "Request an authorization
 * code"). Unlike client credentials, a user sign-in may use the shared tenants.
 */

export const AUTHORIZE_REQUIRED_MESSAGE =
  'Enter the OAuth 2.0 authorization endpoint (v2) URL from Overview > Endpoints: it ends in /oauth2/v2.0/authorize.';
export const AUTHORIZE_V1_MESSAGE =
  'This is the v1 endpoint. Copy the OAuth 2.0 authorization endpoint (v2) from Overview > Endpoints: it ends in /oauth2/v2.0/authorize.';
export const AUTHORIZE_PATH_MESSAGE = 'Use the v2 authorization endpoint: its address ends in /oauth2/v2.0/authorize.';
export const AUTHORIZE_QUERY_MESSAGE = 'Remove the query string from the authorization endpoint address.';
export const AUTHORIZE_TENANT_MESSAGE =
  'The authorization endpoint must name the same host and tenant as the token endpoint: Microsoft redeems a code only against the tenant it was issued for.';
export const authorizeHostMessage = (cloud: MicrosoftCloud): string =>
  `Use the OAuth 2.0 authorization endpoint (v2) on https://${MICROSOFT_CLOUDS[cloud].loginHost}, from the app registration's Overview > Endpoints.`;

const V1_PATH = /^\/[^/]+\/oauth2\/authorize\/?$/i;
const V2_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/;
const V2_TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

const parseUrl = (value: string): URL | undefined => {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
};

/**
 * The token endpoint's authorization endpoint: same host and tenant, `/authorize` for `/token`. Codes must be
 * redeemed against the tenant they were issued for (AADSTS700005:
 * https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes), so this is the default.
 */
export const authorizationEndpointFor = (tokenEndpoint: string): string | undefined => {
  const url = parseUrl(tokenEndpoint);
  const tenant = url === undefined ? undefined : V2_TOKEN_PATH.exec(url.pathname)?.[1];
  return url === undefined || tenant === undefined ? undefined : `${url.origin}/${tenant}/oauth2/v2.0/authorize`;
};

/**
 * What is wrong with an authorization endpoint for this cloud (and, when given, this token endpoint), or undefined.
 * The same rules as the token endpoint's (credential-input-rules.ts): https on the cloud's sign-in host or a loopback
 * stand-in, the v2 path, no user info, no query.
 */
export const authorizationEndpointProblem = (
  value: string,
  cloud: MicrosoftCloud,
  tokenEndpoint?: string,
): string | undefined => {
  const url = parseUrl(value);
  if (url === undefined) return AUTHORIZE_PATH_MESSAGE;
  if (url.username !== '' || url.password !== '') return USERINFO_MESSAGE;
  const onCloud = url.protocol === 'https:' && url.host === MICROSOFT_CLOUDS[cloud].loginHost;
  if (!onCloud && !isLoopbackUrl(url)) return authorizeHostMessage(cloud);
  if (V1_PATH.test(url.pathname)) return AUTHORIZE_V1_MESSAGE;
  if (!V2_PATH.test(url.pathname)) return AUTHORIZE_PATH_MESSAGE;
  if (url.search !== '' || url.hash !== '') return AUTHORIZE_QUERY_MESSAGE;
  if (
    tokenEndpoint !== undefined &&
    authorizationEndpointFor(tokenEndpoint)?.toLowerCase() !== url.href.toLowerCase()
  ) {
    return AUTHORIZE_TENANT_MESSAGE;
  }
  return undefined;
};
