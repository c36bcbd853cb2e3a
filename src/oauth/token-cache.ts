import { validateCachedToken } from '../generated/cached-token';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { tokenCacheKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import type { CachedToken } from './cached-token-schema';
import type { AccessToken } from './token-client';

/** A token is not used in its last five minutes, so a send that starts with it cannot see it expire. */
export const TOKEN_EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export type { CachedToken } from './cached-token-schema';

const readCachedToken = standaloneValidator<CachedToken>(validateCachedToken as StandaloneValidate);

export const isUsable = (token: CachedToken, fingerprint: string, now: number): boolean =>
  token.fingerprint === fingerprint && token.expiresAt - TOKEN_EXPIRY_MARGIN_MS > now;

/**
 * Access tokens in Forge secret storage, one entry per credential. Each function invocation is a fresh process,
 * so this is what lets many emails share one token.
 */
export interface TokenCache {
  /** The cached token when it was issued for `fingerprint` and is not about to expire. */
  get: (credentialId: string, fingerprint: string, now: number) => Promise<AccessToken | undefined>;
  put: (credentialId: string, fingerprint: string, token: AccessToken) => Promise<void>;
  clear: (credentialId: string) => Promise<void>;
}

export const createTokenCache = (store: KvStore): TokenCache => ({
  get: async (credentialId, fingerprint, now) => {
    const parsed = readCachedToken(await store.getSecret(tokenCacheKey(credentialId)));
    if (!parsed.ok || !isUsable(parsed.value, fingerprint, now)) return undefined;
    return { accessToken: parsed.value.accessToken, expiresAt: parsed.value.expiresAt };
  },
  put: async (credentialId, fingerprint, token) => {
    const entry: CachedToken = { accessToken: token.accessToken, expiresAt: token.expiresAt, fingerprint };
    await store.setSecret(tokenCacheKey(credentialId), entry);
  },
  clear: async (credentialId) => {
    await store.deleteSecret(tokenCacheKey(credentialId));
  },
});
