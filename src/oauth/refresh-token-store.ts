import { safeErrorLabel } from '../shared/error-names';
import { refreshTokenKey, refreshTokenUseKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/**
 * When a delegated credential's refresh token was stored and last redeemed: plain storage, no token in it, so the
 * expiry watch can read it for every credential. Microsoft expires a refresh token unused for 90 days
 * (MaxInactiveTime, https://learn.microsoft.com/en-us/entra/identity-platform/configurable-token-lifetimes), and
 * each refresh hands out a successor that starts that count again.
 */
export interface RefreshTokenUse {
  /** When a sign-in (the code exchange) stored the grant's first refresh token. */
  authorizedAt: number;
  /** When the stored refresh token was issued or last redeemed: the start of its 90 days. */
  lastUsedAt: number;
}

/** What `rotate` did: stored the successor, only marked the token used, or left a newer token alone. */
export type RotateOutcome = 'rotated' | 'kept' | 'superseded';

export interface RefreshTokenStore {
  /** The refresh token of a new sign-in, replacing whatever grant the credential had. */
  save: (credentialId: string, refreshToken: string, now: number) => Promise<void>;
  read: (credentialId: string) => Promise<string | undefined>;
  /**
   * After a refresh with `old`: stores `next` (Microsoft's successor) when the credential still holds `old`, and
   * marks it used; with no successor, only marks `old` used.
   */
  rotate: (credentialId: string, old: string, next: string | undefined, now: number) => Promise<RotateOutcome>;
  readUse: (credentialId: string) => Promise<RefreshTokenUse | undefined>;
  remove: (credentialId: string) => Promise<void>;
}

interface StoredRefreshToken {
  refreshToken: string;
  storedAt: number;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

const readStored = (value: unknown): StoredRefreshToken | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { refreshToken, storedAt } = value as Record<string, unknown>;
  return typeof refreshToken === 'string' && refreshToken !== '' && isTime(storedAt)
    ? { refreshToken, storedAt }
    : undefined;
};

const readUseRecord = (value: unknown): RefreshTokenUse | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { authorizedAt, lastUsedAt } = value as Record<string, unknown>;
  return isTime(authorizedAt) && isTime(lastUsedAt) ? { authorizedAt, lastUsedAt } : undefined;
};

/**
 * Refresh tokens in Forge secret storage (https://developer.atlassian.com/platform/forge/storage-reference/kvs-api-secret/),
 * one entry per credential: `refresh-token:{id}`, written whole by one `setSecret`, so a reader sees the old token or
 * the new one, never a mix.
 *
 * Why compare-then-set and not a transaction: KVS transactions work "with data stored through the Key-Value Store's
 * basic methods" (https://developer.atlassian.com/platform/forge/storage-reference/transactions/), not with secrets,
 * and their `check` conditions are for Custom Entities only. So `rotate` reads the stored token and writes the
 * successor only when it is still the one just redeemed. Between that read and the write another process may rotate
 * too; the later write wins, and that is safe: "The Microsoft identity platform doesn't revoke old refresh tokens
 * when used to fetch new access tokens" (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens),
 * so whichever successor stays stored still works. The one loss the window allows is a new sign-in saved in those
 * milliseconds being replaced by the old grant's successor; the admin then sees the old mailbox and authorizes again.
 */
export const createRefreshTokenStore = (store: KvStore): RefreshTokenStore => {
  // The use record only steers warnings: a failed write must not fail the refresh that has a token in hand.
  const markUse = async (credentialId: string, use: RefreshTokenUse): Promise<void> => {
    try {
      await store.set(refreshTokenUseKey(credentialId), use);
    } catch (error) {
      console.warn(`[issue-mailer] refresh token use record write failed: ${safeErrorLabel(error)}`);
    }
  };

  const readUse = async (credentialId: string): Promise<RefreshTokenUse | undefined> =>
    readUseRecord(await store.get(refreshTokenUseKey(credentialId)));

  return {
    save: async (credentialId, refreshToken, now) => {
      const entry: StoredRefreshToken = { refreshToken, storedAt: now };
      await store.setSecret(refreshTokenKey(credentialId), entry);
      await markUse(credentialId, { authorizedAt: now, lastUsedAt: now });
    },

    read: async (credentialId) => readStored(await store.getSecret(refreshTokenKey(credentialId)))?.refreshToken,

    rotate: async (credentialId, old, next, now) => {
      const current = readStored(await store.getSecret(refreshTokenKey(credentialId)));
      // Another process rotated first, or a new sign-in replaced the grant: theirs is at least as new as ours.
      if (current?.refreshToken !== old) return 'superseded';
      const previousUse = await readUse(credentialId);
      const use: RefreshTokenUse = { authorizedAt: previousUse?.authorizedAt ?? current.storedAt, lastUsedAt: now };
      if (next === undefined || next === old) {
        await markUse(credentialId, use);
        return 'kept';
      }
      const entry: StoredRefreshToken = { refreshToken: next, storedAt: now };
      await store.setSecret(refreshTokenKey(credentialId), entry);
      await markUse(credentialId, use);
      return 'rotated';
    },

    readUse,

    remove: async (credentialId) => {
      await store.deleteSecret(refreshTokenKey(credentialId));
      await store.delete(refreshTokenUseKey(credentialId));
    },
  };
};
