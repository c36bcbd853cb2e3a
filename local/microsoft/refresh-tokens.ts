import { newGuid, randomBase64Url } from './ids';
import type { Revocations } from './revocations';

/**
 * "The default lifetime for the refresh tokens is ... 90 days for all other scenarios"; Entra counts it as
 * inactivity (AADSTS700082 "...was inactive for 90.00:00:00")
 * (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens).
 */
export const REFRESH_TOKEN_INACTIVITY_MS = 90 * 24 * 60 * 60 * 1000;

/** A refresh token as the emulator lists it: everything but its value. */
export interface RefreshTokenInfo {
  /** The emulator's own handle for the token. */
  id: string;
  tenantId: string;
  clientId: string;
  userId: string;
  userPrincipalName: string;
  scopes: string[];
  /** ISO date-times on the emulator's clock. */
  issuedAt: string;
  lastUsedAt: string;
  /** Set once the token was used to get a new one (which does not end it: see RefreshTokens.use). */
  rotatedAt?: string;
  /** True once revokeSignInSessions() covered it. */
  revoked: boolean;
}

interface Entry {
  info: Omit<RefreshTokenInfo, 'revoked'>;
  sequence: number;
}

export type RefreshLookup =
  | { kind: 'usable'; info: RefreshTokenInfo }
  | { kind: 'revoked'; info: RefreshTokenInfo; revokedAt: Date }
  | { kind: 'inactive'; info: RefreshTokenInfo }
  | { kind: 'unknown' };

/** Refresh tokens, in memory like upload sessions and codes; bound to a user and a client. */
export class RefreshTokens {
  private readonly tokens = new Map<string, Entry>();

  constructor(private readonly revocations: Revocations) {}

  issue(grant: Omit<RefreshTokenInfo, 'id' | 'issuedAt' | 'lastUsedAt' | 'revoked' | 'rotatedAt'>, now: Date): string {
    const token = `1.A${randomBase64Url(160)}`;
    const at = now.toISOString();
    this.tokens.set(token, {
      info: { ...grant, scopes: [...grant.scopes], id: newGuid(), issuedAt: at, lastUsedAt: at },
      sequence: this.revocations.next(),
    });
    return token;
  }

  /**
   * Looks a token up for a refresh and counts it as used. A used token is not ended: "Refresh tokens aren't
   * revoked when used to acquire new access tokens. You're expected to discard the old refresh token."
   * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token)
   * and "The Microsoft identity platform doesn't revoke old refresh tokens when used to fetch new access tokens."
   * (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens).
   */
  use(token: string, now: Date): RefreshLookup {
    const entry = this.tokens.get(token);
    if (entry === undefined) return { kind: 'unknown' };
    const info = this.describe(entry);
    const revokedAt = this.revocations.revokedAt(info.tenantId, info.userId, entry.sequence);
    if (revokedAt !== undefined) return { kind: 'revoked', info, revokedAt };
    if (now.getTime() - Date.parse(entry.info.lastUsedAt) > REFRESH_TOKEN_INACTIVITY_MS)
      return { kind: 'inactive', info };
    entry.info.lastUsedAt = now.toISOString();
    entry.info.rotatedAt = now.toISOString();
    return { kind: 'usable', info: this.describe(entry) };
  }

  list(): RefreshTokenInfo[] {
    return [...this.tokens.values()].map((entry) => this.describe(entry));
  }

  private describe(entry: Entry): RefreshTokenInfo {
    const revoked = this.revocations.revokedAt(entry.info.tenantId, entry.info.userId, entry.sequence) !== undefined;
    return { ...entry.info, scopes: [...entry.info.scopes], revoked };
  }
}
