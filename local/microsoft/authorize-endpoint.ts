import type { IncomingMessage, ServerResponse } from 'node:http';

import { renderConsent, renderFormPost, renderSignIn, renderSignInError } from './authorize-pages';
import { type AuthorizeRequest, checkAuthorizeRequest, type RedirectTarget } from './authorize-request';
import type { EmulatorContext } from './context';
import { OIDC_SCOPES } from './delegated-scopes';
import { GrantErrors } from './grant-errors';
import { sendPage } from './html';
import { mediaType, readBody, requestUrl, send } from './http-util';
import { aadTimestamp, newGuid, randomBase64Url, stableGuid } from './ids';
import { TenantDirectory } from './tenant-directory';
import { type AadstsError, aadstsErrorBody } from './token-errors';
import type { EmulatedMailbox } from './types';

/*
 * GET /{tenant}/oauth2/v2.0/authorize and the POSTs of its sign-in and consent forms, per
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow ("Request an authorization
 * code", "Successful response", "Error response").
 */

const MAX_FORM_BYTES = 64 * 1024;

// Entra: "The user account does not exist" (AADSTS50034) and "Your account or password is incorrect" (AADSTS50126)
// as its sign-in page words them.
const UNKNOWN_ACCOUNT =
  'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.';
const WRONG_PASSWORD = "Your account or password is incorrect. If you don't remember your password, reset it now.";

/** The pages post to the emulator; after the last POST the browser is redirected to the app, which form-action also governs. */
const originOf = (uri: string | undefined): string | undefined => {
  if (uri === undefined) return undefined;
  try {
    return new URL(uri).origin;
  } catch {
    return undefined;
  }
};

/** The pages post to the emulator; after the last POST the browser is redirected to the app, which form-action also governs. */
const pageCsp = (redirectUri: string | undefined, scriptNonce?: string): string => {
  const origin = originOf(redirectUri);
  const target = origin === undefined ? '' : ` ${origin}`;
  const script = scriptNonce === undefined ? '' : ` script-src 'nonce-${scriptNonce}';`;
  return `default-src 'none'; style-src 'unsafe-inline';${script} form-action 'self'${target}; base-uri 'none'; frame-ancestors 'none'`;
};

export const handleAuthorizeRequest = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenantSegment: string,
): Promise<void> => {
  const url = requestUrl(req);
  if (req.method !== 'GET' && req.method !== 'POST') {
    send(res, 405, { Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed');
    return;
  }
  let params = url.searchParams;
  if (req.method === 'POST') {
    const body = await readBody(req, MAX_FORM_BYTES);
    params =
      !body.tooLarge && mediaType(req) === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(body.body.toString('utf8'))
        : new URLSearchParams();
  }
  const check = checkAuthorizeRequest(ctx, tenantSegment, params);
  if (check.kind === 'page') {
    showError(ctx, res, check.error);
    return;
  }
  if (check.kind === 'redirect') {
    redirectError(ctx, res, check.target, check.error);
    return;
  }
  const request = check.request;
  const action = `${ctx.urls.login}/${encodeURIComponent(tenantSegment)}/oauth2/v2.0/authorize`;
  const step = req.method === 'POST' ? params.get('step') : null;
  const signedIn = ctx.delegated.sessions.current(req, request.tenant.id);
  const user = signedIn === undefined ? undefined : TenantDirectory.account(request.tenant, signedIn);

  if (step === 'signin') {
    const login = params.get('login') ?? '';
    const account = TenantDirectory.account(request.tenant, login);
    const problem =
      account === undefined ? UNKNOWN_ACCOUNT : account.password !== params.get('passwd') ? WRONG_PASSWORD : undefined;
    if (account === undefined || problem !== undefined) {
      sendPage(
        res,
        200,
        renderSignIn({ action, carried: request.carried, tenant: request.tenant, selected: login, error: problem }),
        pageCsp(request.redirectUri),
      );
      return;
    }
    res.setHeader('Set-Cookie', ctx.delegated.sessions.start(request.tenant.id, account.id));
    consentOrFinish(ctx, res, request, account, action, request.prompt === 'consent');
    return;
  }
  if (step === 'consent' && user !== undefined) {
    if (params.get('decision') !== 'accept') {
      // error_subcode=cancel is how MSAL tells a user's Cancel from other access_denied answers.
      redirectError(ctx, res, request, GrantErrors.userDeclinedConsent(), { error_subcode: 'cancel' });
      return;
    }
    ctx.delegated.consents.grant(request.tenant.id, request.app.clientId, user.id, request.scopes);
    finish(ctx, res, request, user);
    return;
  }

  const interactive = request.prompt === 'login' || request.prompt === 'select_account';
  if (request.prompt === 'none') {
    if (user === undefined) redirectError(ctx, res, request, GrantErrors.loginRequired());
    else if (missingConsent(ctx, request, user).length > 0)
      redirectError(ctx, res, request, GrantErrors.consentRequired(request.app.clientId, request.app.displayName));
    else finish(ctx, res, request, user);
    return;
  }
  if (user === undefined || interactive) {
    const selected = request.loginHint ?? user?.userPrincipalName;
    sendPage(
      res,
      200,
      renderSignIn({ action, carried: request.carried, tenant: request.tenant, selected, error: undefined }),
      pageCsp(request.redirectUri),
    );
    return;
  }
  consentOrFinish(ctx, res, request, user, action, request.prompt === 'consent');
};

/** Requested scopes neither the admin (for the tenant) nor this user consented to. */
const missingConsent = (ctx: EmulatorContext, request: AuthorizeRequest, user: EmulatedMailbox): string[] => {
  const { app, tenant } = request;
  const byAdmin = app.delegatedAdminConsentGranted === true ? (app.delegatedPermissions ?? []) : [];
  const byUser = ctx.delegated.consents.scopes(tenant.id, app.clientId, user.id);
  return request.scopes.filter((scope) => !byAdmin.includes(scope) && !byUser.has(scope));
};

const consentOrFinish = (
  ctx: EmulatorContext,
  res: ServerResponse,
  request: AuthorizeRequest,
  user: EmulatedMailbox,
  action: string,
  forceConsent: boolean,
): void => {
  if (!forceConsent && missingConsent(ctx, request, user).length === 0) {
    finish(ctx, res, request, user);
    return;
  }
  // The consent page lists the Graph permissions first, then the OpenID Connect ones, as Entra's does.
  const scopes = [
    ...request.scopes.filter((scope) => !(OIDC_SCOPES as readonly string[]).includes(scope)),
    ...request.scopes.filter((scope) => (OIDC_SCOPES as readonly string[]).includes(scope)),
  ];
  sendPage(
    res,
    200,
    renderConsent({ action, carried: request.carried, app: request.app, tenant: request.tenant, user, scopes }),
    pageCsp(request.redirectUri),
  );
};

/** Issues the code and sends the browser back with `code`, `state` and `session_state`. */
const finish = (ctx: EmulatorContext, res: ServerResponse, request: AuthorizeRequest, user: EmulatedMailbox): void => {
  const code = ctx.delegated.codes.issue({
    tenantId: request.tenant.id,
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    userId: user.id,
    scopes: request.scopes,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    nonce: request.nonce,
    issuedAtMs: ctx.now().getTime(),
  });
  // Entra adds session_state (the sign-in session's id) to the documented code and state; clients ignore it.
  const sessionState = stableGuid('session-state', request.tenant.id, user.id);
  respond(res, request, [['code', code], ...stateParam(request), ['session_state', sessionState]]);
};

const stateParam = (target: RedirectTarget): [string, string][] =>
  target.state === undefined ? [] : [['state', target.state]];

/**
 * Error redirect: `error`, `error_description` (AADSTS text with trace lines), `error_uri`, and `state` (RFC 6749
 * 4.1.2.1: "REQUIRED if a state parameter was present").
 */
const redirectError = (
  ctx: EmulatorContext,
  res: ServerResponse,
  target: RedirectTarget,
  error: AadstsError,
  extra: Record<string, string> = {},
): void => {
  const body = aadstsErrorBody(error, { traceId: newGuid(), correlationId: newGuid() }, ctx.now());
  respond(res, target, [
    ['error', body.error],
    ...Object.entries(extra),
    ['error_description', body.error_description],
    ['error_uri', body.error_uri],
    ...stateParam(target),
  ]);
};

const respond = (res: ServerResponse, target: RedirectTarget, params: [string, string][]): void => {
  if (target.responseMode === 'form_post') {
    const nonce = randomBase64Url(16);
    sendPage(res, 200, renderFormPost(target.redirectUri, params, nonce), pageCsp(target.redirectUri, nonce));
    return;
  }
  const location = new URL(target.redirectUri);
  const encoded = new URLSearchParams(params).toString();
  if (target.responseMode === 'fragment') location.hash = encoded;
  else for (const [name, value] of params) location.searchParams.append(name, value);
  send(res, 302, { Location: location.toString(), 'Cache-Control': 'no-store' }, undefined);
};

const showError = (ctx: EmulatorContext, res: ServerResponse, error: AadstsError): void => {
  const requestId = newGuid();
  // A 400, so a script following the flow sees that it failed; the page is what a person sees.
  sendPage(
    res,
    400,
    renderSignInError({
      description: `AADSTS${error.code}: ${error.message}`,
      requestId,
      correlationId: newGuid(),
      timestamp: aadTimestamp(ctx.now()),
    }),
  );
};
