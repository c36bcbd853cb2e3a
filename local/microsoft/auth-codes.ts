import { randomBase64Url } from './ids';

/**
 * "Authorization codes are short lived. Typically, they expire after about 10 minutes."
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow); RFC 6749 4.1.2 recommends
 * the same maximum.
 */
export const AUTH_CODE_LIFETIME_MS = 10 * 60 * 1000;

export type CodeChallengeMethod = 'S256' | 'plain';

/** What a code was issued for: RFC 6749 4.1.2 binds it to the client and the redirection URI. */
export interface AuthCodeGrant {
  tenantId: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  /** Granted scopes, Graph's without their resource prefix. */
  scopes: string[];
  codeChallenge: string | undefined;
  codeChallengeMethod: CodeChallengeMethod | undefined;
  /** The OpenID Connect nonce of the request, echoed in the id_token. */
  nonce: string | undefined;
  issuedAtMs: number;
}

export type CodeLookup =
  { kind: 'fresh'; grant: AuthCodeGrant } | { kind: 'redeemed'; grant: AuthCodeGrant } | { kind: 'unknown' };

/** Issued codes, in memory like upload sessions; a code is single use. */
export class AuthCodes {
  private readonly codes = new Map<string, { grant: AuthCodeGrant; redeemed: boolean }>();

  issue(grant: AuthCodeGrant): string {
    // Opaque to clients; Entra's begin with a version marker, which clients must not read either.
    const code = `0.A${randomBase64Url(96)}`;
    this.codes.set(code, { grant, redeemed: false });
    return code;
  }

  /** Looks a code up and marks it redeemed: whatever the caller decides, the code is spent. */
  redeem(code: string): CodeLookup {
    const entry = this.codes.get(code);
    if (entry === undefined) return { kind: 'unknown' };
    if (entry.redeemed) return { kind: 'redeemed', grant: entry.grant };
    entry.redeemed = true;
    return { kind: 'fresh', grant: entry.grant };
  }
}
