import type { TokenCache } from '../../oauth/token-cache';
import type { AccessToken } from '../../oauth/token-client';
import type { TokenMemo } from '../../oauth/token-memo';
import { createTokenProvider, type GetAccessTokenOptions, type TokenProvider } from '../../oauth/token-provider';
import type { Clock } from '../../shared/seams';
import { GOOGLE_TOKEN_ENDPOINT } from './token-endpoint-policy';

/** What a Google token is issued for; the private key is represented only by its id and when it was stored. */
export interface GoogleTokenCredential {
  /** The Issue Mailer credential's id: one cache entry each. */
  id: string;
  clientEmail: string;
  privateKeyId: string;
  /** When the key was last uploaded, so a replaced key (even with the same id) never reuses a token. */
  keyUpdatedAt: string;
  subject: string;
  scopes: readonly string[];
  tokenEndpoint?: string;
}

export interface GoogleTokenProviderDeps {
  now: Clock;
  cache: TokenCache;
  /** Signs an assertion with the stored key and asks the token endpoint; called only when no cached token will do. */
  requestToken: () => Promise<AccessToken>;
  memo?: TokenMemo;
}

/**
 * Google tokens through src/oauth's provider, unchanged: process memo, then Forge secret storage, then the token
 * endpoint, with its five-minute margin before expiry. Its fingerprint knows a client, an endpoint, a scope and a
 * secret date; the service account's email and mailbox (`sub`) go in as the client and the key id with its upload
 * date as the secret date, so changing any of them makes a cached token unusable. Concurrent callers in one
 * process share a single request.
 */
export const createGoogleTokenProvider = (
  credential: GoogleTokenCredential,
  deps: GoogleTokenProviderDeps,
): TokenProvider => {
  const inner = createTokenProvider(
    {
      id: credential.id,
      clientId: JSON.stringify([credential.clientEmail, credential.subject]),
      tokenEndpoint: credential.tokenEndpoint ?? GOOGLE_TOKEN_ENDPOINT,
      scope: [...credential.scopes].sort().join(' '),
      secretUpdatedAt: `${credential.privateKeyId}@${credential.keyUpdatedAt}`,
    },
    deps,
  );
  const inFlight = new Map<boolean, Promise<string>>();
  return {
    getAccessToken: (options: GetAccessTokenOptions = {}) => {
      const force = options.forceRefresh === true;
      const running = inFlight.get(force);
      if (running !== undefined) return running;
      const started = inner.getAccessToken(options).finally(() => inFlight.delete(force));
      inFlight.set(force, started);
      return started;
    },
  };
};
