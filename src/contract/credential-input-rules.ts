import { MICROSOFT_CLOUDS, type MicrosoftCloud } from './microsoft-clouds';

/**
 * The environment-free rules of a credential's addresses, shared by the admin page and the backend so both say
 * the same thing. Whether the app may actually call an address (the egress policy, loopback stand-ins) is the
 * backend's alone: src/http/endpoint-policy.ts.
 */

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const SECRET_REQUIRED_MESSAGE = "Paste the client secret's Value from Certificates & secrets.";
export const SECRET_ID_MESSAGE =
  "This looks like the Secret ID. Paste the secret's Value from Certificates & secrets (shown only right after you create it).";
export const SECRET_TOO_LONG_MESSAGE = 'That is too long for a client secret value.';
export const NEXT_SECRET_SAME_MESSAGE =
  'The next secret is the same as the current one. Paste the Value of the second secret you created in Certificates & secrets.';
export const NEXT_SECRET_AND_REMOVE_MESSAGE = 'Either remove the next secret or paste a new one, not both.';
export const CERTIFICATE_REQUIRED_MESSAGE =
  'Paste the certificate you uploaded to Certificates & secrets, in PEM form (-----BEGIN CERTIFICATE-----).';
export const PRIVATE_KEY_REQUIRED_MESSAGE =
  "Paste the certificate's private key in PEM form (-----BEGIN PRIVATE KEY-----).";
export const CERTIFICATE_PEM_MESSAGE =
  'This is not a PEM certificate. Paste the certificate including its -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines.';
export const PRIVATE_KEY_PEM_MESSAGE =
  'This is not a PEM private key. Paste the key including its -----BEGIN PRIVATE KEY----- (or -----BEGIN RSA PRIVATE KEY-----) line.';
export const PRIVATE_KEY_ENCRYPTED_MESSAGE =
  'This private key is protected by a passphrase. Export it without one (for example: openssl pkey -in key.pem -out plain-key.pem) and paste that.';
export const SECRET_WITH_CERTIFICATE_MESSAGE =
  'A certificate credential signs in without a client secret. Clear this field or choose "Client secret".';
export const CERTIFICATE_WITH_SECRET_MESSAGE =
  'A client secret credential signs in without a certificate. Clear this field or choose "Certificate".';
export const V1_ENDPOINT_MESSAGE =
  'This is the v1 endpoint. Copy the OAuth 2.0 token endpoint (v2) from Overview > Endpoints: it ends in /oauth2/v2.0/token.';
export const V2_PATH_MESSAGE = 'Use the v2 token endpoint: its address ends in /oauth2/v2.0/token.';
export const QUERY_MESSAGE = 'Remove the query string from the token endpoint address.';
export const USERINFO_MESSAGE = 'Remove the user name and password from the address.';

export const tokenEndpointHostMessage = (cloud: MicrosoftCloud): string =>
  `Use the OAuth 2.0 token endpoint (v2) on https://${MICROSOFT_CLOUDS[cloud].loginHost}, from the app registration's Overview > Endpoints.`;
export const sharedTenantMessage = (tenant: string): string =>
  `The client credentials grant needs your tenant: use your Directory (tenant) ID or a verified domain instead of '${tenant}'.`;
export const graphBaseUrlMessage = (cloud: MicrosoftCloud): string =>
  `Use the Microsoft Graph address, usually ${MICROSOFT_CLOUDS[cloud].graphBaseUrl}.`;
export const scopeRequiredMessage = (cloud: MicrosoftCloud): string =>
  `Enter the scope, usually ${MICROSOFT_CLOUDS[cloud].scope}.`;
export const scopeMessage = (cloud: MicrosoftCloud): string =>
  `The client credentials grant needs one scope ending in /.default, usually ${MICROSOFT_CLOUDS[cloud].scope}.`;

/** Multi-tenant aliases Entra accepts for sign-in, never for an app's own client credentials token. */
const SHARED_TENANTS = new Set(['common', 'organizations', 'consumers']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const V1_PATH = /^\/[^/]+\/oauth2\/token\/?$/i;
const V2_PATH = /^\/[^/]+\/oauth2\/v2\.0\/token$/;
const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;
const PRIVATE_KEY_PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;
const ENCRYPTED_KEY_PEM = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;

const parseUrl = (value: string): URL | undefined => {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
};

/**
 * A loopback address: a local stand-in of Microsoft's services. The shared schema lets it pass, since it cannot
 * know where it runs; the backend refuses it unless its environment opts in.
 */
export const isLoopbackUrl = (url: URL): boolean =>
  (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);

const isCloudHost = (url: URL, host: string): boolean => url.protocol === 'https:' && url.host === host;

/** What is wrong with a token endpoint for this cloud, or undefined. Something that is no URL is the schema's. */
export const tokenEndpointProblem = (value: string, cloud: MicrosoftCloud): string | undefined => {
  const url = parseUrl(value);
  if (url === undefined) return undefined;
  if (url.username !== '' || url.password !== '') return USERINFO_MESSAGE;
  if (!isLoopbackUrl(url) && !isCloudHost(url, MICROSOFT_CLOUDS[cloud].loginHost))
    return tokenEndpointHostMessage(cloud);
  if (V1_PATH.test(url.pathname)) return V1_ENDPOINT_MESSAGE;
  const tenant = url.pathname.split('/')[1] ?? '';
  if (SHARED_TENANTS.has(tenant.toLowerCase())) return sharedTenantMessage(tenant);
  if (!V2_PATH.test(url.pathname)) return V2_PATH_MESSAGE;
  if (url.search !== '' || url.hash !== '') return QUERY_MESSAGE;
  return undefined;
};

export const graphBaseUrlProblem = (value: string, cloud: MicrosoftCloud): string | undefined => {
  const url = parseUrl(value);
  if (url === undefined) return undefined;
  if (url.username !== '' || url.password !== '') return USERINFO_MESSAGE;
  const graphHost = new URL(MICROSOFT_CLOUDS[cloud].graphBaseUrl).host;
  if (!isLoopbackUrl(url) && !isCloudHost(url, graphHost)) return graphBaseUrlMessage(cloud);
  if (url.search !== '' || url.hash !== '') return graphBaseUrlMessage(cloud);
  return undefined;
};

export const scopeProblem = (value: string, cloud: MicrosoftCloud): string | undefined =>
  value === '' || (value.endsWith('/.default') && !/\s/.test(value)) ? undefined : scopeMessage(cloud);

/** A secret value pasted where the Secret ID (a GUID) was meant to be left. */
export const looksLikeSecretId = (value: string): boolean => GUID.test(value.trim());

export const certificatePemProblem = (value: string): string | undefined =>
  value.trim() === '' || CERTIFICATE_PEM.test(value) ? undefined : CERTIFICATE_PEM_MESSAGE;

export const privateKeyPemProblem = (value: string): string | undefined => {
  if (value.trim() === '') return undefined;
  if (ENCRYPTED_KEY_PEM.test(value)) return PRIVATE_KEY_ENCRYPTED_MESSAGE;
  return PRIVATE_KEY_PEM.test(value) ? undefined : PRIVATE_KEY_PEM_MESSAGE;
};
