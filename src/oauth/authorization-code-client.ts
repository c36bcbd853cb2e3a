import { describeUrl } from '../http/describe-url';
import { DELEGATED_SCOPE } from './authorization-request';
import { AuthorizationError, AuthorizationErrorCode, TokenError } from './errors';
import {
  type AccessToken,
  type ClientProof,
  clientProofFields,
  invalidTokenAnswer,
  postTokenForm,
  readAccessToken,
  type TokenAnswer,
  type TokenClientDeps,
} from './token-client';

/*
 * The token leg of the authorization code grant and its refreshes, against the Microsoft identity platform v2:
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow ("Redeem a code for an access
 * token", "Refresh the access token"). The client authenticates exactly as for client credentials (token-client.ts).
 */

export type DelegatedClient = { tokenEndpoint: string; clientId: string } & ClientProof;

export type CodeExchangeRequest = DelegatedClient & {
  code: string;
  /** "The same redirect_uri value that was used to acquire the authorization_code." */
  redirectUri: string;
  /** "Required if PKCE was used." */
  codeVerifier: string;
};

export type RefreshRequest = DelegatedClient & { refreshToken: string };

export interface DelegatedTokens extends AccessToken {
  /** The scopes Microsoft says it granted (its `scope` field, split); empty when it named none. */
  grantedScopes: string[];
}

export interface ExchangedTokens extends DelegatedTokens {
  refreshToken: string;
}

export interface RefreshedTokens extends DelegatedTokens {
  /** A new refresh token that replaces the old one; undefined when Microsoft sent none (the old one stays). */
  refreshToken: string | undefined;
}

type Leg = 'code' | 'refresh';
type ByLeg = AuthorizationErrorCode | Readonly<Record<Leg, AuthorizationErrorCode>>;

/**
 * AADSTS numbers that refine an `invalid_grant` (texts: https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes).
 * Microsoft says apps must not depend on these numbers, so the `error` field decides that the grant is gone and
 * they only say why; a number missing here still means "Authorize again".
 */
const INVALID_GRANT_BY_AADSTS: Readonly<Record<number, ByLeg>> = {
  54005: { code: AuthorizationErrorCode.CodeRedeemed, refresh: AuthorizationErrorCode.GrantInvalid },
  // ExpiredOrRevokedGrant: on the code leg it is the code that expired.
  70008: { code: AuthorizationErrorCode.CodeExpired, refresh: AuthorizationErrorCode.GrantExpiredInactive },
  700082: AuthorizationErrorCode.GrantExpiredInactive,
  700084: AuthorizationErrorCode.GrantSpaLifetime,
  50173: AuthorizationErrorCode.GrantRevoked,
  50132: AuthorizationErrorCode.GrantRevoked,
  50133: AuthorizationErrorCode.GrantRevoked,
  70043: AuthorizationErrorCode.SignInFrequency,
  50076: AuthorizationErrorCode.InteractionRequired,
  50078: AuthorizationErrorCode.InteractionRequired,
  50079: AuthorizationErrorCode.InteractionRequired,
  65001: AuthorizationErrorCode.ConsentRequired,
  65004: AuthorizationErrorCode.ConsentRequired,
  90094: AuthorizationErrorCode.ConsentRequired,
  650056: AuthorizationErrorCode.ConsentRequired,
};

/** What each code means, for the message (method, host, path and this; never the code or a token). */
const WHAT: Readonly<Record<AuthorizationErrorCode, string>> = {
  [AuthorizationErrorCode.StateUnknown]: 'the sign-in is unknown',
  [AuthorizationErrorCode.StateExpired]: 'the sign-in expired',
  [AuthorizationErrorCode.StateOtherAdmin]: 'another admin started the sign-in',
  [AuthorizationErrorCode.AuthorizeEndpointInvalid]: 'the authorization endpoint cannot be used',
  [AuthorizationErrorCode.CodeRedeemed]: 'the authorization code was already redeemed',
  [AuthorizationErrorCode.CodeExpired]: 'the authorization code expired',
  [AuthorizationErrorCode.CodeInvalid]: 'the authorization code was refused',
  [AuthorizationErrorCode.GrantRevoked]: 'the refresh token was revoked',
  [AuthorizationErrorCode.GrantExpiredInactive]: 'the refresh token expired unused',
  [AuthorizationErrorCode.GrantSpaLifetime]: "the refresh token reached a single-page app's fixed lifetime",
  [AuthorizationErrorCode.SignInFrequency]: 'Conditional Access sign-in frequency requires a new sign-in',
  [AuthorizationErrorCode.GrantInvalid]: 'the refresh token was refused',
  [AuthorizationErrorCode.InteractionRequired]: 'the user must sign in interactively',
  [AuthorizationErrorCode.ConsentRequired]: 'consent to the permissions is missing',
  [AuthorizationErrorCode.NotAuthorized]: 'no mailbox is authorized',
};

export const authorizationErrorCodeFor = (
  leg: Leg,
  oauthError: string | undefined,
  aadstsCode: number | undefined,
): AuthorizationErrorCode | undefined => {
  if (oauthError === 'interaction_required') return AuthorizationErrorCode.InteractionRequired;
  if (oauthError === 'consent_required') return AuthorizationErrorCode.ConsentRequired;
  if (oauthError !== 'invalid_grant') return undefined;
  const refined = aadstsCode === undefined ? undefined : INVALID_GRANT_BY_AADSTS[aadstsCode];
  if (refined === undefined) {
    return leg === 'code' ? AuthorizationErrorCode.CodeInvalid : AuthorizationErrorCode.GrantInvalid;
  }
  return typeof refined === 'string' ? refined : refined[leg];
};

/** A refused grant as an AuthorizationError; client authentication and transport failures stay TokenErrors. */
const regrade = (error: unknown, leg: Leg, where: string): unknown => {
  if (!(error instanceof TokenError)) return error;
  const code = authorizationErrorCodeFor(leg, error.oauthError, error.aadstsCode);
  if (code === undefined) return error;
  const label = [error.aadstsCode === undefined ? undefined : `AADSTS${error.aadstsCode}`, error.oauthError]
    .filter(Boolean)
    .join(' ');
  return new AuthorizationError(code, `${where} answered ${error.status ?? '?'} (${label}): ${WHAT[code]}.`, {
    ...(error.aadstsCode === undefined ? {} : { aadstsCode: error.aadstsCode }),
    ...(error.oauthError === undefined ? {} : { oauthError: error.oauthError }),
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.traceId === undefined ? {} : { traceId: error.traceId }),
    ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
    cause: error,
  });
};

const post = async (leg: Leg, client: DelegatedClient, fields: Record<string, string>, deps: TokenClientDeps) => {
  try {
    return await postTokenForm(
      client.tokenEndpoint,
      { client_id: client.clientId, ...fields, scope: DELEGATED_SCOPE, ...clientProofFields(client) },
      deps,
    );
  } catch (error) {
    throw regrade(error, leg, `POST ${describeUrl(client.tokenEndpoint)}`);
  }
};

/** `scope` is optional and non-standard at Microsoft; when present it must be a space-separated string. */
const readScope = (answer: TokenAnswer): string[] => {
  const scope = answer.json['scope'];
  if (scope === undefined) return [];
  if (typeof scope !== 'string') throw invalidTokenAnswer(answer.where, 'response field "scope" must be a string.');
  return scope.split(' ').filter((part) => part !== '');
};

/** The answer's `refresh_token`: undefined when absent, refused when present but no token. */
const refreshTokenOf = (answer: TokenAnswer): string | undefined => {
  const value = answer.json['refresh_token'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidTokenAnswer(answer.where, 'response field "refresh_token" must be a non-empty string when present.');
  }
  return value;
};

/** Redeems an authorization code: `grant_type=authorization_code` with the PKCE verifier and the same redirect URI. */
export const exchangeAuthorizationCode = async (
  request: CodeExchangeRequest,
  deps: TokenClientDeps,
): Promise<ExchangedTokens> => {
  const answer = await post(
    'code',
    request,
    {
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: request.redirectUri,
      code_verifier: request.codeVerifier,
    },
    deps,
  );
  const token = readAccessToken(answer);
  const grantedScopes = readScope(answer);
  const refreshToken = refreshTokenOf(answer);
  if (refreshToken === undefined) {
    // Microsoft sends one "only if offline_access scope was requested", and this app always asks for it.
    throw invalidTokenAnswer(answer.where, 'response field "refresh_token" is missing (offline_access was asked for).');
  }
  return { ...token, grantedScopes, refreshToken };
};

/**
 * Trades the refresh token for a new access token: `grant_type=refresh_token`. Microsoft answers with a new refresh
 * token to "replace the old refresh token with", and does not revoke the old one
 * (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens).
 */
export const refreshDelegatedToken = async (
  request: RefreshRequest,
  deps: TokenClientDeps,
): Promise<RefreshedTokens> => {
  const answer = await post(
    'refresh',
    request,
    { grant_type: 'refresh_token', refresh_token: request.refreshToken },
    deps,
  );
  const token = readAccessToken(answer);
  const grantedScopes = readScope(answer);
  return { ...token, grantedScopes, refreshToken: refreshTokenOf(answer) };
};
