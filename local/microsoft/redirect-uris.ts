/*
 * Web redirect URIs of an app registration, as https://learn.microsoft.com/en-us/entra/identity-platform/reply-url
 * describes them: https (http only for localhost / 127.0.0.1), at most 256 characters, none of ! $ ' ( ) , ;
 * and matched case-sensitively, except that the port of a loopback URI is ignored.
 */

/** "Maximum URI length: You can use a maximum of 256 characters for each redirect URI". */
export const MAX_REDIRECT_URI_LENGTH = 256;
/** "Maximum number of redirect URIs": 256 for apps that sign in work or school accounts. */
export const MAX_REDIRECT_URIS = 256;

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];
const SPECIAL_CHARACTERS = /[!$'(),;]/;

const parse = (uri: string): URL | undefined => {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
};

const isLoopback = (url: URL): boolean => LOOPBACK_HOSTS.includes(url.hostname);

/** Why the portal would refuse this redirect URI, or undefined when it takes it. */
export const redirectUriProblem = (uri: string): string | undefined => {
  if (uri.length > MAX_REDIRECT_URI_LENGTH) return `a redirect URI has at most ${MAX_REDIRECT_URI_LENGTH} characters`;
  const url = parse(uri);
  if (url === undefined) return 'a redirect URI must be an absolute URI';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
    return 'a redirect URI must begin with https (http only for localhost or 127.0.0.1)';
  if (url.hash !== '' || uri.includes('#')) return 'a redirect URI cannot contain a fragment';
  if (SPECIAL_CHARACTERS.test(uri)) return "a redirect URI cannot contain ! $ ' ( ) , or ;";
  return undefined;
};

/**
 * Whether a redirect_uri sent to /authorize or /token is one of the registered ones: the exact string, or for a
 * loopback URI the same but for the port ("the port component is ignored" for 127.0.0.1 and localhost).
 */
export const matchRedirectUri = (registered: readonly string[], sent: string): string | undefined => {
  const exact = registered.find((uri) => uri === sent);
  if (exact !== undefined) return exact;
  const url = parse(sent);
  if (url === undefined || !isLoopback(url)) return undefined;
  const withoutPort = (candidate: URL) =>
    `${candidate.protocol}//${candidate.hostname}${candidate.pathname}${candidate.search}`;
  return registered.find((uri) => {
    const candidate = parse(uri);
    return candidate !== undefined && isLoopback(candidate) && withoutPort(candidate) === withoutPort(url);
  });
};
