import { compactVerify } from 'jose';

import { type GraphError, GraphErrors } from './graph-errors';
import type { JwtIssuer } from './jwt-issuer';
import { isGraphAudience } from './resources';

/** Graph (Microsoft.IdentityModel) tolerates this much clock difference on exp and nbf. */
export const TOKEN_CLOCK_SKEW_SECONDS = 300;

/** Who is calling, read from a bearer token Graph accepted. */
export interface GraphCaller {
  tenantId: string;
  appId: string;
  /**
   * The permissions the handlers check: the `roles` claim of an app token (undefined when it has none: no admin
   * consent), or the `scp` claim of a delegated token (Graph names delegated permissions the same way).
   */
  roles: string[] | undefined;
  /** The signed-in user of a delegated token (`idtyp` user, `scp`); undefined for an app-only token. */
  user?: { id: string; userPrincipalName: string };
}

/** `expired` marks a refusal for the token's lifetime, for the delivery statistics. */
export type GraphAuthOutcome = { ok: true; caller: GraphCaller } | { ok: false; error: GraphError; expired?: true };

const fail = (error: GraphError): GraphAuthOutcome => ({ ok: false, error });

const decodeJsonPart = (part: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** Validates `Authorization: Bearer …` the way Graph does, in its order: form, key, signature, audience, lifetime. */
export const authenticateGraphRequest = async (
  authorization: string | undefined,
  issuer: JwtIssuer,
  now: Date,
): Promise<GraphAuthOutcome> => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const token = match?.[1];
  if (token === undefined) return fail(GraphErrors.emptyToken());

  const parts = token.split('.');
  const [headerPart, payloadPart] = parts;
  if (parts.length !== 3 || headerPart === undefined || payloadPart === undefined)
    return fail(GraphErrors.malformedToken());
  const header = decodeJsonPart(headerPart);
  const payload = decodeJsonPart(payloadPart);
  if (header === undefined || payload === undefined) return fail(GraphErrors.malformedToken());

  if (header.kid !== issuer.kid) return fail(GraphErrors.signingKeyInvalid());
  try {
    await compactVerify(token, issuer.publicKey, { algorithms: ['RS256'] });
  } catch {
    return fail(GraphErrors.signatureInvalid());
  }

  if (!isGraphAudience(payload.aud)) return fail(GraphErrors.invalidAudience());
  const seconds = Math.floor(now.getTime() / 1000);
  if (
    typeof payload.exp !== 'number' ||
    seconds > payload.exp + TOKEN_CLOCK_SKEW_SECONDS ||
    issuer.isExpiredEarly(payload.uti)
  ) {
    return { ok: false, error: GraphErrors.expiredToken(), expired: true };
  }
  if (typeof payload.nbf === 'number' && seconds < payload.nbf - TOKEN_CLOCK_SKEW_SECONDS)
    return fail(GraphErrors.notYetValidToken());

  const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
  const appId = typeof payload.appid === 'string' ? payload.appid : '';
  // Only user (delegated) tokens carry `scp`, the consented scopes, and the user's `oid`
  // (https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference).
  if (typeof payload.scp === 'string' && typeof payload.oid === 'string') {
    const upn = typeof payload.upn === 'string' ? payload.upn : '';
    const scopes = payload.scp.split(' ').filter((scope) => scope !== '');
    return { ok: true, caller: { tenantId, appId, roles: scopes, user: { id: payload.oid, userPrincipalName: upn } } };
  }
  const roles = Array.isArray(payload.roles)
    ? payload.roles.filter((role): role is string => typeof role === 'string')
    : undefined;
  return { ok: true, caller: { tenantId, appId, roles } };
};

/**
 * The app and tenant a bearer token names, read without any check: enough to count a request against its
 * mailbox on arrival. Authentication still decides whether it is answered.
 */
export const peekCaller = (
  authorization: string | undefined,
): { appId: string; tenantId: string; userPrincipalName: string | undefined } | undefined => {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  const payloadPart = token?.split('.')[1];
  const payload = payloadPart === undefined ? undefined : decodeJsonPart(payloadPart);
  if (payload === undefined || typeof payload.appid !== 'string' || typeof payload.tid !== 'string') return undefined;
  const userPrincipalName = typeof payload.upn === 'string' ? payload.upn : undefined;
  return { appId: payload.appid, tenantId: payload.tid, userPrincipalName };
};
