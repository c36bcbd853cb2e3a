import type { IncomingMessage, ServerResponse } from 'node:http';

import { checkClientCredentials, type ClientCredentialsRequest, type TokenEndpointVersion } from './client-credentials';
import type { EmulatorContext } from './context';
import { DELEGATED_GRANT_TYPES, handleDelegatedGrant } from './delegated-grants';
import { DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_SLOW_DELAY_MS, delay } from './faults';
import { header, mediaType, readBody, send, sendJson } from './http-util';
import { clientRequestId, newGuid } from './ids';
import { type AadstsError, aadstsErrorBody, TokenErrors } from './token-errors';

/** Form bodies of token requests are small; anything bigger is not a token request. */
const MAX_TOKEN_REQUEST_BYTES = 64 * 1024;

interface TokenRequestIds {
  traceId: string;
  correlationId: string;
  /** Echoed back only when the client sent one. */
  clientRequestId: string | undefined;
}

const tokenHeaders = (ids: TokenRequestIds): Record<string, string> => ({
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store, no-cache',
  Pragma: 'no-cache',
  Expires: '-1',
  'X-Content-Type-Options': 'nosniff',
  'x-ms-request-id': ids.traceId,
  ...(ids.clientRequestId === undefined ? {} : { 'client-request-id': ids.clientRequestId }),
});

/** `Authorization: Basic` client authentication (RFC 6749 2.3.1: each part form-encoded, then base64). */
export const parseBasicAuthorization = (
  value: string | undefined,
): { clientId: string; clientSecret: string } | undefined => {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(value ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const formDecode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
};

/**
 * `POST /{tenant}/oauth2/v2.0/token` (v2: client credentials, authorization code, refresh token) and
 * `POST /{tenant}/oauth2/token` (v1: client credentials).
 */
export const handleTokenRequest = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenantSegment: string,
  version: TokenEndpointVersion,
): Promise<void> => {
  ctx.counts.token += 1;
  const echoed = clientRequestId(req.headers['client-request-id']);
  // Entra uses the client's client-request-id as the correlation id.
  const ids: TokenRequestIds = { traceId: newGuid(), correlationId: echoed ?? newGuid(), clientRequestId: echoed };
  const headers = tokenHeaders(ids);
  const sendError = (err: AadstsError, extra: Record<string, string> = {}) =>
    sendJson(res, err.status, { ...headers, ...extra }, aadstsErrorBody(err, ids, ctx.now()));

  const body = await readBody(req, MAX_TOKEN_REQUEST_BYTES);

  const fault = ctx.faults.take('token');
  if (fault?.kind === 'throttle') {
    // Entra's 429 is not an AADSTS JSON body: MSAL reports "ResponseBody: Too Many Requests" with Retry-After.
    const retryAfter = String(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS.token);
    send(
      res,
      429,
      { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': retryAfter },
      'Too Many Requests',
    );
    return;
  }
  if (fault?.kind === 'unavailable') {
    sendError(
      TokenErrors.temporarilyUnavailable(),
      fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) },
    );
    return;
  }
  if (fault?.kind === 'slow') await delay(fault.delayMs ?? DEFAULT_SLOW_DELAY_MS, ctx.shutdown);

  if (req.method === 'OPTIONS') {
    send(res, 204, { ...headers, Allow: 'POST, OPTIONS' }, undefined);
    return;
  }
  if (req.method !== 'POST') {
    sendError(TokenErrors.methodNotAllowed(req.method ?? 'GET'));
    return;
  }
  if (body.tooLarge) {
    send(res, 413, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, 'Request Entity Too Large');
    return;
  }

  // Only form bodies are read: JSON is seen as a request with no parameters (AADSTS900144 'grant_type').
  const form =
    mediaType(req) === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(body.body.toString('utf8'))
      : new URLSearchParams();
  const now = ctx.now();
  const request: ClientCredentialsRequest = {
    version,
    tenantSegment,
    form,
    basic: parseBasicAuthorization(header(req, 'authorization')),
    now,
    loginBaseUrl: ctx.urls.login,
  };
  const grantType = DELEGATED_GRANT_TYPES.find((type) => type === form.get('grant_type')?.trim());
  // The emulator serves user grants on the v2.0 endpoint only; v1 keeps answering them as unknown grant types.
  if (grantType !== undefined && version === 'v2') {
    const delegated = await handleDelegatedGrant(ctx, request, grantType);
    if (delegated.ok) sendJson(res, 200, headers, delegated.body);
    else sendError(delegated.error);
    return;
  }
  const outcome = await checkClientCredentials(ctx.directory, ctx.keys, request);
  if (!outcome.ok) {
    sendError(outcome.error);
    return;
  }

  const lifetime = ctx.tokenLifetimeSeconds;
  const token = await ctx.issuer.issueAppToken({
    tenant: outcome.tenant,
    app: outcome.app,
    audience: outcome.resource.audience,
    roles: outcome.roles,
    now,
    lifetimeSeconds: lifetime,
    clientAuthentication: outcome.clientAuthentication,
  });
  if (version === 'v2') {
    sendJson(res, 200, headers, {
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: token.accessToken,
    });
    return;
  }
  // The v1 endpoint writes every number as a string and echoes the resource.
  sendJson(res, 200, headers, {
    token_type: 'Bearer',
    expires_in: String(lifetime),
    ext_expires_in: String(lifetime),
    expires_on: String(token.expiresOn),
    not_before: String(token.notBefore),
    resource: outcome.requestedResource,
    access_token: token.accessToken,
  });
};
