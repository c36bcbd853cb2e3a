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
  /** The `roles` claim; undefined when the token has none (no admin consent). */
  roles: string[] | undefined;
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

  const roles = Array.isArray(payload.roles)
    ? payload.roles.filter((role): role is string => typeof role === 'string')
    : undefined;
  return {
    ok: true,
    caller: {
      tenantId: typeof payload.tid === 'string' ? payload.tid : '',
      appId: typeof payload.appid === 'string' ? payload.appid : '',
      roles,
    },
  };
};

/**
 * The app and tenant a bearer token names, read without any check: enough to count a request against its
 * mailbox on arrival. Authentication still decides whether it is answered.
 */
export const peekCaller = (authorization: string | undefined): { appId: string; tenantId: string } | undefined => {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  const payloadPart = token?.split('.')[1];
  const payload = payloadPart === undefined ? undefined : decodeJsonPart(payloadPart);
  if (payload === undefined || typeof payload.appid !== 'string' || typeof payload.tid !== 'string') return undefined;
  return { appId: payload.appid, tenantId: payload.tid };
};
