import { safeErrorLabel } from '../shared/error-names';
import type { Clock } from '../shared/seams';
import type { TokenCache } from './token-cache';
import type { AccessToken } from './token-client';
import { tokenFingerprint, type TokenIdentity } from './token-fingerprint';
import { processTokenMemo, type TokenMemo } from './token-memo';

export interface GetAccessTokenOptions {
  /** Skip every cache and ask the token endpoint, e.g. after Graph refused the cached token. */
  forceRefresh?: boolean;
}

/** Where a caller gets a bearer token from; the Graph client knows nothing else about OAuth. */
export interface TokenProvider {
  getAccessToken: (options?: GetAccessTokenOptions) => Promise<string>;
}

export interface TokenCredential extends TokenIdentity {
  id: string;
}

export interface TokenProviderDeps {
  now: Clock;
  cache: TokenCache;
  /**
   * Asks the token endpoint for a new token with the credential's secret or certificate; called only when no
   * cached token will do.
   */
  requestToken: () => Promise<AccessToken>;
  memo?: TokenMemo;
}

/**
 * Tokens for one credential: the process memo, then Forge secret storage, then the token endpoint. A new token
 * is written back so the next invocation (a new process) finds it.
 */
export const createTokenProvider = (credential: TokenCredential, deps: TokenProviderDeps): TokenProvider => {
  const memo = deps.memo ?? processTokenMemo;
  const fingerprint = tokenFingerprint(credential);

  const fetchNew = async (): Promise<AccessToken> => {
    const token = await deps.requestToken();
    memo.put(credential.id, fingerprint, token);
    try {
      await deps.cache.put(credential.id, fingerprint, token);
    } catch (error) {
      // The token in hand still works; only the next invocation pays for the failed write.
      console.warn(`[issue-mailer] token cache write failed: ${safeErrorLabel(error)}`);
    }
    return token;
  };

  const readCache = async (now: number): Promise<AccessToken | undefined> => {
    try {
      return await deps.cache.get(credential.id, fingerprint, now);
    } catch (error) {
      // Storage trouble must not stop an email: a new token costs one request.
      console.warn(`[issue-mailer] token cache read failed: ${safeErrorLabel(error)}`);
      return undefined;
    }
  };

  return {
    getAccessToken: async (options = {}) => {
      if (options.forceRefresh === true) {
        memo.forget(credential.id);
        return (await fetchNew()).accessToken;
      }
      const now = deps.now();
      const remembered = memo.get(credential.id, fingerprint, now);
      if (remembered !== undefined) return remembered.accessToken;
      const cached = await readCache(now);
      if (cached !== undefined) {
        memo.put(credential.id, fingerprint, cached);
        return cached.accessToken;
      }
      return (await fetchNew()).accessToken;
    },
  };
};
