import { ALLOW_LOOPBACK_HTTP_ENV, GRAPH_ORIGINS, LOGIN_ORIGINS } from './egress';
import { EndpointNotAllowedError, type EndpointPurpose } from './errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type PolicyEnv = Readonly<Record<string, string | undefined>>;

const loopbackAllowed = (env: PolicyEnv): boolean => env[ALLOW_LOOPBACK_HTTP_ENV] === '1';

/**
 * Returns the parsed URL when the app may call it: `https:` on an origin the manifest's egress allows for that
 * purpose (a cloud's sign-in host for tokens, its Graph host for Graph), or
 * `http:` on a loopback host when the environment opts in. Throws EndpointNotAllowedError otherwise.
 */
export const checkEndpoint = (purpose: EndpointPurpose, url: string, env: PolicyEnv = process.env): URL => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw Object.assign(new EndpointNotAllowedError(purpose, url, 'it is not an absolute URL.'), { cause: error });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new EndpointNotAllowedError(purpose, url, 'it must not carry a user name or password.');
  }
  if (parsed.protocol === 'https:') {
    // A token endpoint only on a sign-in host and Graph only on a Graph host: a bearer token never goes to login.
    const allowed = purpose === 'token endpoint' ? LOGIN_ORIGINS : GRAPH_ORIGINS;
    if (allowed.includes(parsed.origin)) return parsed;
    if (LOOPBACK_HOSTS.has(parsed.hostname) && loopbackAllowed(env)) return parsed;
    const what = purpose === 'token endpoint' ? "Microsoft's sign-in hosts" : "Microsoft Graph's hosts";
    throw new EndpointNotAllowedError(purpose, url, `only ${what} are allowed (${allowed.join(', ')}).`);
  }
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname) && loopbackAllowed(env)) return parsed;
  throw new EndpointNotAllowedError(purpose, url, 'it must use https:.');
};

export const isEndpointAllowed = (purpose: EndpointPurpose, url: string, env: PolicyEnv = process.env): boolean => {
  try {
    checkEndpoint(purpose, url, env);
    return true;
  } catch {
    return false;
  }
};
