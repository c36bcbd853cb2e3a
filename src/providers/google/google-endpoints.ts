import { ALLOW_LOOPBACK_HTTP_ENV } from '../../http/egress';
import type { PolicyEnv } from '../../http/endpoint-policy';
import { GMAIL_BASE_URL } from './gmail/gmail-request';
import { GOOGLE_TOKEN_ENDPOINT } from './token-endpoint-policy';

/** Where a host that runs the app against a loopback stand-in of Google (the local emulator) says it is. */
export const GOOGLE_TOKEN_ENDPOINT_ENV = 'ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT';
export const GMAIL_BASE_URL_ENV = 'ISSUE_MAILER_GMAIL_BASE_URL';

export interface GoogleEndpoints {
  tokenEndpoint: string;
  gmailBaseUrl: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An override is taken only as plain http(s) on loopback, and only when the environment opts in to loopback. */
const loopbackOverride = (value: string | undefined, env: PolicyEnv): string | undefined => {
  if (value === undefined || value === '' || env[ALLOW_LOOPBACK_HTTP_ENV] !== '1') return undefined;
  try {
    const url = new URL(value);
    const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    return plain && LOOPBACK.has(url.hostname) ? url.href.replace(/\/$/, '') : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Google's token endpoint and Gmail API address. They are fixed (a key file's `token_uri` is never followed, so a
 * crafted file cannot send signed assertions elsewhere: docs/vendor-facts/google-workspace.md, section 1) and are not
 * stored with a credential; only a host that opted in to loopback stand-ins may point them at its emulator, through
 * the environment.
 */
export const googleEndpoints = (env: PolicyEnv = process.env): GoogleEndpoints => ({
  tokenEndpoint: loopbackOverride(env[GOOGLE_TOKEN_ENDPOINT_ENV], env) ?? GOOGLE_TOKEN_ENDPOINT,
  gmailBaseUrl: loopbackOverride(env[GMAIL_BASE_URL_ENV], env) ?? GMAIL_BASE_URL,
});
