import * as z from 'zod/mini';

import { tokenCacheKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import type { AccessToken } from './token-client';

/** A token is not used in its last five minutes, so a send that starts with it cannot see it expire. */
export const TOKEN_EXPIRY_MARGIN_MS = 5 * 60 * 1000;

const cachedTokenSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  expiresAt: z.number().check(z.positive()),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type CachedToken = z.infer<typeof cachedTokenSchema>;

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
    const parsed = cachedTokenSchema.safeParse(await store.getSecret(tokenCacheKey(credentialId)));
    if (!parsed.success || !isUsable(parsed.data, fingerprint, now)) return undefined;
    return { accessToken: parsed.data.accessToken, expiresAt: parsed.data.expiresAt };
  },
  put: async (credentialId, fingerprint, token) => {
    const entry: CachedToken = { accessToken: token.accessToken, expiresAt: token.expiresAt, fingerprint };
    await store.setSecret(tokenCacheKey(credentialId), entry);
  },
  clear: async (credentialId) => {
    await store.deleteSecret(tokenCacheKey(credentialId));
  },
});
