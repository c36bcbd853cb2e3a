import type { IncomingMessage, ServerResponse } from 'node:http';

import { drainBody, writeResponse } from '../shared/http-kit';
import type { AccessTokenStore } from './access-tokens';
import { checkJwtBearerAssertion, GOOGLE_TOKEN_AUDIENCE } from './jwt-bearer-check';
import { type GoogleTokenErrorAnswer, GoogleTokenErrors, tokenErrorBody } from './token-errors';
import type { WorkspaceDirectory } from './workspace-directory';

/** RFC 7523 2.1, the only grant a service account uses. */
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** A token request form is a few KB; anything bigger is not one. */
const MAX_TOKEN_REQUEST_BYTES = 64 * 1024;

export interface TokenEndpointContext {
  directory: WorkspaceDirectory;
  accessTokens: AccessTokenStore;
  now: () => Date;
  tokenLifetimeSeconds: number;
  /** This endpoint's own URL, which `aud` may name besides Google's. */
  ownTokenUrl: () => string;
}

// The headers of the real endpoint's answers as public logs show them (never cached).
const HEADERS: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  Pragma: 'no-cache',
  Expires: 'Mon, 01 Jan 1990 00:00:00 GMT',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
};

const refuse = (res: ServerResponse, err: GoogleTokenErrorAnswer): void =>
  writeResponse(res, err.status, HEADERS, tokenErrorBody(err));

const formOf = (req: IncomingMessage, body: Buffer): URLSearchParams => {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded'
    ? new URLSearchParams(body.toString('utf8'))
    : new URLSearchParams();
};

/**
 * `POST /token`, the JWT bearer grant of https://developers.google.com/identity/protocols/oauth2/service-account
 * ("Making the access token request", "Handling the response"): form-encoded `grant_type` and `assertion`; the
 * answer is `access_token`, `expires_in` and `token_type` Bearer, errors carry `error` and
 * `error_description` (400, or 401 for unauthorized_client).
 */
export const handleTokenRequest = async (
  ctx: TokenEndpointContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  const body = await drainBody(req, MAX_TOKEN_REQUEST_BYTES);
  if (req.method !== 'POST') {
    writeResponse(res, 405, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', Allow: 'POST' }, '');
    return;
  }
  if (body.tooLarge) {
    writeResponse(res, 413, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, 'Request Entity Too Large');
    return;
  }
  const form = formOf(req, body.body);
  const grantType = form.get('grant_type') ?? '';
  if (grantType !== JWT_BEARER_GRANT_TYPE) {
    refuse(res, GoogleTokenErrors.unsupportedGrantType(grantType));
    return;
  }
  const assertion = form.get('assertion') ?? '';
  if (assertion === '') {
    refuse(res, GoogleTokenErrors.missingAssertion());
    return;
  }
  const now = ctx.now();
  const outcome = await checkJwtBearerAssertion(
    ctx.directory,
    assertion,
    [GOOGLE_TOKEN_AUDIENCE, ctx.ownTokenUrl()],
    now,
  );
  if (!outcome.ok) {
    refuse(res, outcome.error);
    return;
  }
  const { account, subject, scopes } = outcome.grant;
  const accessToken = ctx.accessTokens.issue({
    clientEmail: account.account.clientEmail,
    clientId: account.account.clientId,
    subject,
    scopes,
    expiresAt: now.getTime() + ctx.tokenLifetimeSeconds * 1000,
  });
  const answer = { access_token: accessToken, expires_in: ctx.tokenLifetimeSeconds, token_type: 'Bearer' };
  writeResponse(res, 200, HEADERS, `${JSON.stringify(answer, null, 2)}\n`);
};
