import { createHash } from 'node:crypto';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';

import { scpClaim } from './delegated-scopes';
import { randomBase64Url, stableGuid } from './ids';
import { GRAPH_AUDIENCE } from './resources';
import type { EmulatedApp, EmulatedMailbox, EmulatedTenant } from './types';

export interface PublicSigningKey {
  kty: string;
  use: 'sig';
  kid: string;
  x5t: string;
  n: string;
  e: string;
}

export interface AppTokenInput {
  tenant: EmulatedTenant;
  app: EmulatedApp;
  /** The `aud` claim: the resource identifier the token is for. */
  audience: string;
  /** Granted application permissions; `undefined` leaves the claim out, as Entra does without admin consent. */
  roles: string[] | undefined;
  now: Date;
  lifetimeSeconds: number;
  /** How the app proved its identity: `appidacr` is 1 for a client secret, 2 for a certificate. */
  clientAuthentication: ClientAuthentication;
}

export type ClientAuthentication = 'client_secret' | 'certificate';

/** A delegated (user) token: the app acts as the signed-in user, within the consented scopes. */
export interface UserTokenInput {
  tenant: EmulatedTenant;
  app: EmulatedApp;
  user: EmulatedMailbox;
  /** Granted scopes without resource prefix; `scp` leaves offline_access out. */
  scopes: string[];
  now: Date;
  lifetimeSeconds: number;
  clientAuthentication: ClientAuthentication;
}

/** v2.0 id_token input: issued when `openid` was granted. */
export interface IdTokenInput {
  tenant: EmulatedTenant;
  app: EmulatedApp;
  user: EmulatedMailbox;
  nonce: string | undefined;
  now: Date;
  lifetimeSeconds: number;
}

export interface IssuedToken {
  accessToken: string;
  issuedAt: number;
  notBefore: number;
  expiresOn: number;
}

/** The issuer value of v1.0 access tokens, which Graph receives even from the v2.0 endpoint. */
export const tokenIssuer = (tenantId: string): string => `https://sts.windows.net/${tenantId}/`;

/** The object id of an app's service principal in a tenant (the `oid` and `sub` of its tokens). */
export const servicePrincipalId = (tenant: EmulatedTenant, app: EmulatedApp): string =>
  stableGuid('service-principal', tenant.id.toLowerCase(), app.clientId.toLowerCase());

/** Signs app-only access tokens with an RSA key made at start; the key never leaves the process. */
export class JwtIssuer {
  /** `uti` of tokens issued since the last expireIssued(), and of those it expired. */
  private readonly live = new Set<string>();
  private readonly expired = new Set<string>();

  private constructor(
    private readonly privateKey: CryptoKey,
    readonly publicKey: CryptoKey,
    readonly jwk: PublicSigningKey,
  ) {}

  static async create(): Promise<JwtIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const exported = await exportJWK(publicKey);
    if (exported.n === undefined || exported.e === undefined) throw new Error('RSA public key export lacks n or e');
    // Entra's kid/x5t is a 27-character base64url SHA-1 thumbprint; this one is of the public key.
    const kid = createHash('sha1').update(`${exported.e}.${exported.n}`).digest('base64url');
    return new JwtIssuer(privateKey, publicKey, {
      kty: 'RSA',
      use: 'sig',
      kid,
      x5t: kid,
      n: exported.n,
      e: exported.e,
    });
  }

  get kid(): string {
    return this.jwk.kid;
  }

  /** Every token issued so far counts as expired from now on. */
  expireIssued(): void {
    for (const uti of this.live) this.expired.add(uti);
    this.live.clear();
  }

  /** Whether expireIssued() expired the token with this `uti` claim. */
  isExpiredEarly(uti: unknown): boolean {
    return typeof uti === 'string' && this.expired.has(uti);
  }

  async issueAppToken(input: AppTokenInput): Promise<IssuedToken> {
    const issuedAt = Math.floor(input.now.getTime() / 1000);
    const expiresOn = issuedAt + input.lifetimeSeconds;
    const oid = servicePrincipalId(input.tenant, input.app);
    const issuer = tokenIssuer(input.tenant.id);
    // Claim order and names follow a decoded Entra app token for Graph (ver 1.0).
    const uti = randomBase64Url(16);
    this.live.add(uti);
    const claims: Record<string, unknown> = {
      aud: input.audience,
      iss: issuer,
      iat: issuedAt,
      nbf: issuedAt,
      exp: expiresOn,
      aio: randomBase64Url(48),
      app_displayname: input.app.displayName,
      appid: input.app.clientId,
      appidacr: input.clientAuthentication === 'certificate' ? '2' : '1',
      azp: input.app.clientId,
      idp: issuer,
      idtyp: 'app',
      oid,
      ...(input.roles === undefined ? {} : { roles: [...input.roles] }),
      sub: oid,
      tid: input.tenant.id,
      uti,
      ver: '1.0',
    };
    const accessToken = await this.sign(claims);
    return { accessToken, issuedAt, notBefore: issuedAt, expiresOn };
  }

  /**
   * A delegated Graph access token (ver 1.0, as Graph receives them), claims as
   * https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference lists them: `scp`
   * instead of `roles`, the user's `oid`, `upn`, `unique_name` and `name`, `idtyp` user.
   */
  async issueUserToken(input: UserTokenInput): Promise<IssuedToken> {
    const issuedAt = Math.floor(input.now.getTime() / 1000);
    const expiresOn = issuedAt + input.lifetimeSeconds;
    const issuer = tokenIssuer(input.tenant.id);
    const uti = randomBase64Url(16);
    this.live.add(uti);
    const claims: Record<string, unknown> = {
      aud: GRAPH_AUDIENCE,
      iss: issuer,
      iat: issuedAt,
      nbf: issuedAt,
      exp: expiresOn,
      acct: 0,
      acr: '1',
      aio: randomBase64Url(48),
      amr: ['pwd'],
      app_displayname: input.app.displayName,
      appid: input.app.clientId,
      appidacr: input.clientAuthentication === 'certificate' ? '2' : '1',
      idtyp: 'user',
      name: input.user.displayName,
      oid: input.user.id,
      scp: scpClaim(input.scopes),
      sub: pairwiseSubject(input.app, input.user),
      tid: input.tenant.id,
      unique_name: input.user.userPrincipalName,
      upn: input.user.userPrincipalName,
      uti,
      ver: '1.0',
    };
    const accessToken = await this.sign(claims);
    return { accessToken, issuedAt, notBefore: issuedAt, expiresOn };
  }

  /** https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference (v2.0). */
  async issueIdToken(input: IdTokenInput): Promise<string> {
    const issuedAt = Math.floor(input.now.getTime() / 1000);
    return this.sign({
      aud: input.app.clientId,
      iss: `https://login.microsoftonline.com/${input.tenant.id}/v2.0`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + input.lifetimeSeconds,
      name: input.user.displayName,
      ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
      oid: input.user.id,
      preferred_username: input.user.userPrincipalName,
      sub: pairwiseSubject(input.app, input.user),
      tid: input.tenant.id,
      ver: '2.0',
    });
  }

  private sign(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: this.jwk.x5t, kid: this.jwk.kid })
      .sign(this.privateKey);
  }
}

/** `sub` is "a pairwise identifier - it's unique to a particular application ID" (id-token-claims-reference). */
const pairwiseSubject = (app: EmulatedApp, user: EmulatedMailbox): string =>
  createHash('sha256')
    .update(`${app.clientId.toLowerCase()}\u0000${user.id.toLowerCase()}`)
    .digest('base64url')
    .slice(0, 43);
