import type { PolicyEnv } from '../http/endpoint-policy';
import { createDelegatedTokenProvider, type SingleFlight } from '../oauth/delegated-token-provider';
import { AuthorizationError, AuthorizationErrorCode } from '../oauth/errors';
import type { RefreshTokenStore } from '../oauth/refresh-token-store';
import type { TokenCache } from '../oauth/token-cache';
import type { TokenMemo } from '../oauth/token-memo';
import type { TokenProvider } from '../oauth/token-provider';
import type { Clock, FetchLike } from '../shared/seams';
import { clientProofOf } from './client-proof';
import type { CredentialTokenDeps } from './credential-token';
import type { StoredCredential } from './stored-credential';

export interface DelegatedTokenDeps {
  credentials: CredentialTokenDeps['credentials'];
  tokenCache: TokenCache;
  refreshTokens: RefreshTokenStore;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  flights?: SingleFlight;
  env?: PolicyEnv;
  timeoutMs?: number;
}

export const isDelegated = (credential: StoredCredential): boolean => credential.grantType === 'authorization_code';

export const notAuthorizedError = (credential: StoredCredential): AuthorizationError =>
  new AuthorizationError(
    AuthorizationErrorCode.NotAuthorized,
    `Credential ${credential.id} has no authorized mailbox: nobody has signed in with Authorize yet.`,
  );

/**
 * Access tokens of an authorization code credential: refreshed with the refresh token of the mailbox an admin
 * signed in with, the app proving itself with the credential's secret or certificate as for client credentials
 * (the refresh token is "bound to a combination of user and client": https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens).
 * A credential nobody has authorized yet fails every call with OAUTH_NOT_AUTHORIZED, before any request.
 */
export const delegatedTokenProvider = (credential: StoredCredential, deps: DelegatedTokenDeps): TokenProvider => {
  const authorization = credential.authorization;
  if (authorization === undefined) {
    return { getAccessToken: () => Promise.reject(notAuthorizedError(credential)) };
  }
  return createDelegatedTokenProvider(
    {
      id: credential.id,
      clientId: credential.clientId,
      tokenEndpoint: credential.tokenEndpoint,
      secretUpdatedAt: credential.secretUpdatedAt,
      clientAuthMethod: credential.clientAuthMethod,
      certificateUpdatedAt: credential.certificateUpdatedAt,
      authorizedAt: authorization.authorizedAt,
    },
    {
      now: deps.now,
      fetch: deps.fetch,
      cache: deps.tokenCache,
      refreshTokens: deps.refreshTokens,
      clientProof: () => clientProofOf(credential, deps),
      ...(deps.memo === undefined ? {} : { memo: deps.memo }),
      ...(deps.flights === undefined ? {} : { flights: deps.flights }),
      ...(deps.env === undefined ? {} : { env: deps.env }),
      ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    },
  );
};
