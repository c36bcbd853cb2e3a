import { type CachedToken, isUsable } from './token-cache';
import type { AccessToken } from './token-client';

/**
 * Tokens remembered for the life of one process. Forge may reuse a warm process for several invocations; this
 * saves the storage read then. Keyed by credential id; entries for another fingerprint are ignored.
 */
export class TokenMemo {
  private readonly entries = new Map<string, CachedToken>();

  get(credentialId: string, fingerprint: string, now: number): AccessToken | undefined {
    const entry = this.entries.get(credentialId);
    if (entry === undefined || !isUsable(entry, fingerprint, now)) return undefined;
    return { accessToken: entry.accessToken, expiresAt: entry.expiresAt };
  }

  put(credentialId: string, fingerprint: string, token: AccessToken): void {
    this.entries.set(credentialId, { ...token, fingerprint });
  }

  forget(credentialId: string): void {
    this.entries.delete(credentialId);
  }
}

/** The one memo of this process. */
export const processTokenMemo = new TokenMemo();
