import type { CodeChallengeMethod } from './auth-codes';
import type { EmulatorContext } from './context';
import { parseDelegatedScopes } from './delegated-scopes';
import { GrantErrors } from './grant-errors';
import { matchRedirectUri } from './redirect-uris';
import { TenantDirectory } from './tenant-directory';
import { type AadstsError, TokenErrors } from './token-errors';
import type { EmulatedApp, EmulatedTenant } from './types';

/*
 * The parameters of GET /{tenant}/oauth2/v2.0/authorize, checked in the order
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow ("Request an authorization
 * code") and RFC 6749 4.1.2.1 imply: while the client or its redirect URI is in doubt the error is shown on a page
 * and never redirected; after that errors go back to the redirect URI.
 */

/** The parameters the sign-in and consent forms carry along, so each POST is checked like the first GET. */
export const AUTHORIZE_PARAMETERS = [
  'client_id',
  'response_type',
  'redirect_uri',
  'scope',
  'response_mode',
  'state',
  'prompt',
  'login_hint',
  'domain_hint',
  'code_challenge',
  'code_challenge_method',
  'nonce',
] as const;

export type ResponseMode = 'query' | 'fragment' | 'form_post';
export type Prompt = 'login' | 'none' | 'consent' | 'select_account';

export interface AuthorizeRequest {
  tenant: EmulatedTenant;
  app: EmulatedApp;
  /** As sent (a loopback URI may differ from the registered one in its port). */
  redirectUri: string;
  responseMode: ResponseMode;
  state: string | undefined;
  /** Scopes without Graph's resource prefix. */
  scopes: string[];
  codeChallenge: string | undefined;
  codeChallengeMethod: CodeChallengeMethod | undefined;
  prompt: Prompt | undefined;
  loginHint: string | undefined;
  nonce: string | undefined;
  /** The authorize parameters as sent, for the forms' hidden fields. */
  carried: [string, string][];
}

export type AuthorizeCheck =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** Shown on the error page: nobody trustworthy to redirect to. */
  | { kind: 'page'; error: AadstsError }
  /** Sent back to the redirect URI. */
  | { kind: 'redirect'; error: AadstsError; target: RedirectTarget };

export interface RedirectTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state: string | undefined;
}

const RESPONSE_MODES: readonly string[] = ['query', 'fragment', 'form_post'];
const PROMPTS: readonly string[] = ['login', 'none', 'consent', 'select_account'];
/** RFC 7636 4.1: a verifier (and so a plain challenge) has 43 to 128 characters; an S256 challenge has 43. */
const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

const value = (params: URLSearchParams, name: string): string | undefined => {
  const found = params.get(name);
  return found === null || found.trim() === '' ? undefined : found;
};

export const checkAuthorizeRequest = (
  ctx: EmulatorContext,
  tenantSegment: string,
  params: URLSearchParams,
): AuthorizeCheck => {
  const page = (error: AadstsError): AuthorizeCheck => ({ kind: 'page', error });
  const lookup = ctx.directory.lookup(tenantSegment);
  if (lookup.kind === 'malformed') return page(TokenErrors.malformedTenant(tenantSegment));
  if (lookup.kind === 'unknown') return page(TokenErrors.tenantNotFound(tenantSegment));
  const clientId = value(params, 'client_id');
  if (clientId === undefined) return page(TokenErrors.missingParameter('client_id'));
  const tenant = lookup.kind === 'found' ? lookup.tenant : ctx.directory.tenantOfApp(clientId);
  const app = tenant === undefined ? undefined : TenantDirectory.app(tenant, clientId);
  if (tenant === undefined || app === undefined)
    return page(TokenErrors.appNotFound(clientId, tenant?.displayName ?? tenantSegment));

  const sentRedirect = value(params, 'redirect_uri');
  const registered = app.redirectUris ?? [];
  if (sentRedirect === undefined) return page(GrantErrors.noRedirectUri());
  if (registered.length === 0) return page(GrantErrors.noRedirectUriRegistered());
  if (matchRedirectUri(registered, sentRedirect) === undefined)
    return page(GrantErrors.redirectUriMismatch(sentRedirect, app.clientId));

  const mode = value(params, 'response_mode') ?? 'query';
  const target: RedirectTarget = {
    redirectUri: sentRedirect,
    responseMode: RESPONSE_MODES.includes(mode) ? (mode as ResponseMode) : 'query',
    state: params.get('state') ?? undefined,
  };
  const redirect = (error: AadstsError): AuthorizeCheck => ({ kind: 'redirect', error, target });

  const responseType = value(params, 'response_type');
  if (responseType === undefined) return redirect(TokenErrors.missingParameter('response_type'));
  if (responseType.trim() !== 'code') return redirect(GrantErrors.unsupportedResponseType(responseType));
  const scope = value(params, 'scope');
  if (scope === undefined) return redirect(TokenErrors.missingParameter('scope'));
  const scopes = parseDelegatedScopes(scope, app.delegatedPermissions ?? []);
  if (!scopes.ok || scopes.scopes.length === 0) return redirect(TokenErrors.invalidScope(scope));

  // code_challenge_method: "If excluded, code_challenge is assumed to be plaintext if code_challenge is included.
  // Microsoft identity platform supports both plain and S256." (auth code flow page).
  const codeChallenge = value(params, 'code_challenge');
  const method = value(params, 'code_challenge_method');
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return redirect(GrantErrors.invalidCodeChallengeMethod());
  if (codeChallenge !== undefined && !CHALLENGE.test(codeChallenge))
    return redirect(GrantErrors.invalidCodeChallengeSize());
  if (codeChallenge !== undefined && method === 'S256' && codeChallenge.length !== 43)
    return redirect(GrantErrors.invalidCodeChallengeSize());

  const prompt = value(params, 'prompt');
  return {
    kind: 'ok',
    request: {
      tenant,
      app,
      redirectUri: sentRedirect,
      responseMode: target.responseMode,
      state: target.state,
      scopes: scopes.scopes,
      codeChallenge,
      codeChallengeMethod: codeChallenge === undefined ? undefined : (method ?? 'plain'),
      prompt: prompt !== undefined && PROMPTS.includes(prompt) ? (prompt as Prompt) : undefined,
      loginHint: value(params, 'login_hint'),
      nonce: value(params, 'nonce'),
      carried: AUTHORIZE_PARAMETERS.flatMap((name) => {
        const sent = params.get(name);
        return sent === null ? [] : [[name, sent] as [string, string]];
      }),
    },
  };
};
