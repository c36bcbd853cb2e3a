import { randomBytes } from 'node:crypto';

/** What an access token the emulator issued stands for: the later Gmail routes read it. */
export interface IssuedAccessToken {
  clientEmail: string;
  clientId: string;
  /** The mailbox the service account acts for; undefined for a token of the service account itself. */
  subject: string | undefined;
  scopes: readonly string[];
  /** Milliseconds since the epoch, by the emulator's clock. */
  expiresAt: number;
}

/** Opaque access tokens (Google's start with `ya29.`), remembered until they expire or are revoked. */
export class AccessTokenStore {
  private readonly tokens = new Map<string, IssuedAccessToken>();

  issue(grant: IssuedAccessToken): string {
    const token = `ya29.emulator-${randomBytes(32).toString('base64url')}`;
    this.tokens.set(token, { ...grant, scopes: [...grant.scopes] });
    return token;
  }

  /** The grant behind a bearer token, or undefined when it is unknown or has expired at `nowMs`. */
  lookup(token: string, nowMs: number): IssuedAccessToken | undefined {
    const grant = this.tokens.get(token);
    if (grant === undefined) return undefined;
    if (grant.expiresAt <= nowMs) {
      this.tokens.delete(token);
      return undefined;
    }
    return grant;
  }

  /** Every issued token stops working, as after an hour. */
  expireAll(): void {
    this.tokens.clear();
  }
}
