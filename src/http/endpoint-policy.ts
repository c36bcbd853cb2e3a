import { ALLOW_LOOPBACK_HTTP_ENV, GRAPH_ORIGINS, LOGIN_ORIGINS, UPLOAD_ORIGINS } from './egress';
import { EndpointNotAllowedError, type EndpointPurpose } from './errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type PolicyEnv = Readonly<Record<string, string | undefined>>;

const loopbackAllowed = (env: PolicyEnv): boolean => env[ALLOW_LOOPBACK_HTTP_ENV] === '1';

// A token endpoint only on a sign-in host, Graph only on a Graph host, uploads only on Outlook's upload hosts:
// a bearer token never goes to login, and nothing goes anywhere Microsoft does not run.
const ORIGINS_FOR: Readonly<Record<EndpointPurpose, readonly string[]>> = {
  'token endpoint': LOGIN_ORIGINS,
  'Graph base URL': GRAPH_ORIGINS,
  'upload URL': UPLOAD_ORIGINS,
};
const HOSTS_NAMED: Readonly<Record<EndpointPurpose, string>> = {
  'token endpoint': "Microsoft's sign-in hosts",
  'Graph base URL': "Microsoft Graph's hosts",
  'upload URL': "Outlook's upload hosts",
};

/**
 * Returns the parsed URL when the app may call it: `https:` on an origin the manifest's egress allows for that
 * purpose (a cloud's sign-in host for tokens, its Graph host for Graph, its Outlook host for uploads; `allowed`
 * narrows that list, e.g. to one cloud's), or `http:` on a loopback host when the environment opts in. Throws
 * EndpointNotAllowedError otherwise.
 */
export const checkEndpoint = (
  purpose: EndpointPurpose,
  url: string,
  env: PolicyEnv = process.env,
  allowed: readonly string[] = ORIGINS_FOR[purpose],
): URL => {
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
    if (allowed.includes(parsed.origin)) return parsed;
    if (LOOPBACK_HOSTS.has(parsed.hostname) && loopbackAllowed(env)) return parsed;
    const list = allowed.length === 0 ? 'none for this Graph address' : allowed.join(', ');
    throw new EndpointNotAllowedError(purpose, url, `only ${HOSTS_NAMED[purpose]} are allowed (${list}).`);
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
