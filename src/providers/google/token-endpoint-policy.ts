import { ALLOW_LOOPBACK_HTTP_ENV, GOOGLE_TOKEN_ORIGIN } from '../../http/egress';
import type { PolicyEnv } from '../../http/endpoint-policy';

/** Google's token endpoint, and the JWT's `aud` (https://developers.google.com/identity/protocols/oauth2/service-account). */
export const GOOGLE_TOKEN_ENDPOINT = `${GOOGLE_TOKEN_ORIGIN}/token`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a token endpoint may not be called, or undefined when it may: Google's own, or, when the environment opts in
 * (the local emulator), plain http on a loopback host. Signed assertions go nowhere else.
 */
export const googleTokenEndpointProblem = (url: string, env: PolicyEnv): string | undefined => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not an absolute URL.';
  }
  if (parsed.href === GOOGLE_TOKEN_ENDPOINT) return undefined;
  const loopbackAllowed = env[ALLOW_LOOPBACK_HTTP_ENV] === '1' && LOOPBACK.has(parsed.hostname);
  if (loopbackAllowed && parsed.username === '' && parsed.password === '') return undefined;
  return `only ${GOOGLE_TOKEN_ENDPOINT} is allowed.`;
};
