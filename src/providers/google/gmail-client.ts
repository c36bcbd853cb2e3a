import type { CredentialService } from '../../credentials/credential-service';
import type { StoredCredential } from '../../credentials/stored-credential';
import { report, reportingRefusals } from '../../delivery/reported-refusals';
import type { PolicyEnv } from '../../http/endpoint-policy';
import type { TokenCache } from '../../oauth/token-cache';
import type { TokenMemo } from '../../oauth/token-memo';
import type { TokenProvider } from '../../oauth/token-provider';
import type { Clock, FetchLike } from '../../shared/seams';
import { googleCredentialTokenProvider } from './credentials/google-token';
import { GoogleTokenError } from './errors';
import type { GmailReadDeps } from './gmail/gmail-call';
import { googleEndpoints } from './google-endpoints';

/*
 * A Google credential's Gmail client: its token provider (refusals reported) and Gmail's address, which sending
 * (delivery/), Test connection and incoming mail (incoming/) all use.
 */

export interface GmailDeliveryDeps {
  credentials: Pick<CredentialService, 'readPrivateKey'>;
  tokenCache: TokenCache;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  /** Per Gmail request; gmail-request.ts's default otherwise. */
  timeoutMs?: number;
  env?: PolicyEnv;
  /** Told when Google refused to issue a token (delegation, user, key), so the admin page can say so. */
  onGoogleTokenRefused?: (credential: StoredCredential, error: GoogleTokenError) => Promise<void>;
}

/** The token provider of a Google credential; a refusal is reported (a failing hook is only logged), then rethrown. */
const tokenProvider = (credential: StoredCredential, deps: GmailDeliveryDeps): TokenProvider => {
  const provider = googleCredentialTokenProvider(credential, {
    credentials: deps.credentials,
    tokenCache: deps.tokenCache,
    fetch: deps.fetch,
    now: deps.now,
    ...(deps.memo === undefined ? {} : { memo: deps.memo }),
    ...(deps.env === undefined ? {} : { env: deps.env }),
  });
  return reportingRefusals(provider, async (error) => {
    const hook = deps.onGoogleTokenRefused;
    if (error instanceof GoogleTokenError && !error.transient && hook !== undefined) {
      await report(() => hook(credential, error), 'Google token refusal');
    }
  });
};

/**
 * A credential's Gmail requests, with its token provider and refusals reported: sending's and incoming mail's. Gmail's
 * address is Google's, or the local host's emulator (never the credential's stored graphBaseUrl).
 */
export const gmailReadDeps = (credential: StoredCredential, deps: GmailDeliveryDeps): GmailReadDeps => ({
  fetch: deps.fetch,
  tokenProvider: tokenProvider(credential, deps),
  now: deps.now,
  ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  ...(deps.env === undefined ? {} : { env: deps.env }),
  baseUrl: googleEndpoints(deps.env).gmailBaseUrl,
});
