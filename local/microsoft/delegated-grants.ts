import { createHash } from 'node:crypto';

import { AUTH_CODE_LIFETIME_MS, type AuthCodeGrant } from './auth-codes';
import { authenticateClient, type ClientCredentialsRequest } from './client-credentials';
import type { EmulatorContext } from './context';
import { parseDelegatedScopes, responseScope } from './delegated-scopes';
import { GrantErrors } from './grant-errors';
import type { ClientAuthentication } from './jwt-issuer';
import { TenantDirectory } from './tenant-directory';
import { type AadstsError, TokenErrors } from './token-errors';
import type { EmulatedApp, EmulatedMailbox, EmulatedTenant } from './types';

/*
 * grant_type=authorization_code and grant_type=refresh_token of the v2.0 token endpoint, per
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow ("Redeem a code for an access
 * token", "Refresh the access token"): the confidential client authenticates as for client credentials.
 */

export const DELEGATED_GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;

export type DelegatedOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; error: AadstsError };

interface Signed {
  tenant: EmulatedTenant;
  app: EmulatedApp;
  user: EmulatedMailbox;
  scopes: string[];
  nonce: string | undefined;
  clientAuthentication: ClientAuthentication;
}

const param = (form: URLSearchParams, name: string): string | undefined => {
  const value = form.get(name);
  return value === null || value.trim() === '' ? undefined : value;
};

const fail = (error: AadstsError): DelegatedOutcome => ({ ok: false, error });

/** RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) for S256, the verifier itself for plain. */
const challengeOf = (verifier: string, method: 'S256' | 'plain'): string =>
  method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;

export const handleDelegatedGrant = async (
  ctx: EmulatorContext,
  request: ClientCredentialsRequest,
  grantType: (typeof DELEGATED_GRANT_TYPES)[number],
): Promise<DelegatedOutcome> => {
  const { form, basic } = request;
  const clientId = param(form, 'client_id') ?? basic?.clientId;
  if (clientId === undefined) return fail(TokenErrors.missingParameter('client_id'));
  const grantParameter = grantType === 'authorization_code' ? 'code' : 'refresh_token';
  const grant = param(form, grantParameter);
  if (grant === undefined) return fail(TokenErrors.missingParameter(grantParameter));
  if (grantType === 'authorization_code' && param(form, 'redirect_uri') === undefined)
    return fail(TokenErrors.missingParameter('redirect_uri'));

  const client = await authenticateClient(ctx.directory, ctx.keys, request, clientId, true);
  if (!client.ok) return fail(client.error);
  const signed =
    grantType === 'authorization_code'
      ? redeemCode(ctx, form, grant, client.tenant, client.app, request.tenantSegment)
      : useRefreshToken(ctx, form, grant, client.tenant, client.app, request.now);
  if (!signed.ok) return signed;
  return {
    ok: true,
    body: await tokenResponse(
      ctx,
      { ...signed.signed, clientAuthentication: client.clientAuthentication },
      request.now,
    ),
  };
};

type SignedOutcome = { ok: true; signed: Omit<Signed, 'clientAuthentication'> } | { ok: false; error: AadstsError };

const redeemCode = (
  ctx: EmulatorContext,
  form: URLSearchParams,
  code: string,
  tenant: EmulatedTenant,
  app: EmulatedApp,
  tenantSegment: string,
): SignedOutcome => {
  const lookup = ctx.delegated.codes.redeem(code);
  if (lookup.kind === 'unknown') return { ok: false, error: GrantErrors.malformedGrant() };
  // RFC 6749 4.1.2: "If an authorization code is used more than once, the authorization server MUST deny the request".
  if (lookup.kind === 'redeemed') return { ok: false, error: GrantErrors.codeRedeemed() };
  const grant: AuthCodeGrant = lookup.grant;
  if (ctx.now().getTime() - grant.issuedAtMs > AUTH_CODE_LIFETIME_MS)
    return { ok: false, error: GrantErrors.codeExpired() };
  if (grant.clientId.toLowerCase() !== app.clientId.toLowerCase())
    return { ok: false, error: GrantErrors.grantOfAnotherClient() };
  if (grant.tenantId.toLowerCase() !== tenant.id.toLowerCase() && ctx.directory.lookup(tenantSegment).kind === 'found')
    return { ok: false, error: GrantErrors.codeOfAnotherTenant() };
  // "The same redirect_uri value that was used to acquire the authorization_code" (RFC 6749 4.1.3: identical).
  const redirectUri = param(form, 'redirect_uri') ?? '';
  if (redirectUri !== grant.redirectUri)
    return { ok: false, error: GrantErrors.redirectUriDiffers(redirectUri, grant.redirectUri) };
  if (grant.codeChallenge !== undefined) {
    const verifier = param(form, 'code_verifier');
    if (verifier === undefined) return { ok: false, error: GrantErrors.codeVerifierMissing() };
    if (challengeOf(verifier, grant.codeChallengeMethod ?? 'plain') !== grant.codeChallenge)
      return { ok: false, error: GrantErrors.codeVerifierMismatch() };
  }
  const user = TenantDirectory.mailbox(tenant, grant.userId);
  if (user === undefined) return { ok: false, error: GrantErrors.malformedGrant() };
  return { ok: true, signed: { tenant, app, user, scopes: grant.scopes, nonce: grant.nonce } };
};

const useRefreshToken = (
  ctx: EmulatorContext,
  form: URLSearchParams,
  token: string,
  tenant: EmulatedTenant,
  app: EmulatedApp,
  now: Date,
): SignedOutcome => {
  const lookup = ctx.delegated.refreshTokens.use(token, now);
  if (lookup.kind === 'unknown') return { ok: false, error: GrantErrors.malformedGrant() };
  // "Refresh tokens are bound to a combination of user and client" (refresh-tokens page).
  if (lookup.info.clientId.toLowerCase() !== app.clientId.toLowerCase())
    return { ok: false, error: GrantErrors.grantOfAnotherClient() };
  if (lookup.kind === 'revoked')
    return { ok: false, error: GrantErrors.refreshTokenRevoked(lookup.info.issuedAt, lookup.revokedAt) };
  if (lookup.kind === 'inactive') return { ok: false, error: GrantErrors.refreshTokenInactive(lookup.info.issuedAt) };
  const user = TenantDirectory.mailbox(tenant, lookup.info.userId);
  if (user === undefined) return { ok: false, error: GrantErrors.malformedGrant() };
  // "must be equivalent to or a subset of the scopes requested in the original authorization code request".
  const asked = param(form, 'scope');
  let scopes = lookup.info.scopes;
  if (asked !== undefined) {
    const parsed = parseDelegatedScopes(asked, app.delegatedPermissions ?? []);
    if (!parsed.ok) return { ok: false, error: TokenErrors.invalidScope(asked) };
    if (parsed.scopes.some((scope) => !lookup.info.scopes.includes(scope)))
      return { ok: false, error: GrantErrors.scopeNotConsented(app.clientId, app.displayName) };
    scopes = [
      ...new Set([...parsed.scopes, ...(lookup.info.scopes.includes('offline_access') ? ['offline_access'] : [])]),
    ];
  }
  return { ok: true, signed: { tenant, app, user, scopes, nonce: undefined } };
};

/**
 * The success answer: token_type, scope, expires_in, ext_expires_in, access_token, then refresh_token ("Only
 * provided if offline_access scope was requested") and id_token ("Only provided if openid scope was requested").
 */
const tokenResponse = async (ctx: EmulatorContext, signed: Signed, now: Date): Promise<Record<string, unknown>> => {
  const lifetime = ctx.tokenLifetimeSeconds;
  const token = await ctx.issuer.issueUserToken({
    tenant: signed.tenant,
    app: signed.app,
    user: signed.user,
    scopes: signed.scopes,
    now,
    lifetimeSeconds: lifetime,
    clientAuthentication: signed.clientAuthentication,
  });
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: responseScope(signed.scopes),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: token.accessToken,
  };
  if (signed.scopes.includes('offline_access')) {
    body.refresh_token = ctx.delegated.refreshTokens.issue(
      {
        tenantId: signed.tenant.id,
        clientId: signed.app.clientId,
        userId: signed.user.id,
        userPrincipalName: signed.user.userPrincipalName,
        scopes: signed.scopes,
      },
      now,
    );
  }
  if (signed.scopes.includes('openid')) {
    body.id_token = await ctx.issuer.issueIdToken({
      tenant: signed.tenant,
      app: signed.app,
      user: signed.user,
      nonce: signed.nonce,
      now,
      lifetimeSeconds: lifetime,
    });
  }
  return body;
};
