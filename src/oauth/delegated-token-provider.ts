import type { PolicyEnv } from '../http/endpoint-policy';
import type { Clock, FetchLike } from '../shared/seams';
import { refreshDelegatedToken } from './authorization-code-client';
import { DELEGATED_SCOPE } from './authorization-request';
import { AuthorizationError, AuthorizationErrorCode } from './errors';
import type { RefreshTokenStore } from './refresh-token-store';
import type { TokenCache } from './token-cache';
import type { AccessToken, ClientProof } from './token-client';
import { tokenFingerprint } from './token-fingerprint';
import type { TokenMemo } from './token-memo';
import { createTokenProvider, type TokenProvider } from './token-provider';

/** An authorization code credential: who the app is, and when its mailbox was last authorized. */
export interface DelegatedCredential {
  id: string;
  clientId: string;
  tokenEndpoint: string;
  secretUpdatedAt?: string | undefined;
  clientAuthMethod?: 'client_secret' | 'certificate' | undefined;
  certificateUpdatedAt?: string | undefined;
  /** When the stored grant was made (ISO): cached access tokens of an earlier sign-in are then never used. */
  authorizedAt: string;
}

export interface DelegatedTokenProviderDeps {
  now: Clock;
  fetch: FetchLike;
  cache: TokenCache;
  refreshTokens: RefreshTokenStore;
  /** The client secret, or a freshly signed client assertion: asked for only when a refresh is due. */
  clientProof: () => Promise<ClientProof>;
  memo?: TokenMemo;
  flights?: SingleFlight;
  timeoutMs?: number;
  env?: PolicyEnv;
}

/** At most one refresh per credential in this process: callers arriving meanwhile share its answer. */
export class SingleFlight {
  private readonly running = new Map<string, Promise<AccessToken>>();

  run(key: string, work: () => Promise<AccessToken>): Promise<AccessToken> {
    const running = this.running.get(key);
    if (running !== undefined) return running;
    const flight = work().finally(() => this.running.delete(key));
    this.running.set(key, flight);
    return flight;
  }
}

/** The one of this process. */
export const processRefreshFlights = new SingleFlight();

/**
 * Access tokens for the mailbox an admin signed in with: the process memo, then the token cache in secret storage
 * (token-provider.ts), then a refresh with the stored refresh token. Microsoft's successor refresh token is stored
 * before the access token is handed out or cached, so a crash after the refresh loses nothing: the old refresh token
 * stays valid at Microsoft (https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens).
 */
export const createDelegatedTokenProvider = (
  credential: DelegatedCredential,
  deps: DelegatedTokenProviderDeps,
): TokenProvider => {
  const flights = deps.flights ?? processRefreshFlights;
  const identity = { ...credential, scope: DELEGATED_SCOPE };

  const refresh = async (): Promise<AccessToken> => {
    const refreshToken = await deps.refreshTokens.read(credential.id);
    if (refreshToken === undefined) {
      throw new AuthorizationError(
        AuthorizationErrorCode.NotAuthorized,
        `Credential ${credential.id} has no refresh token: no mailbox is authorized.`,
      );
    }
    const proof = await deps.clientProof();
    const tokens = await refreshDelegatedToken(
      { tokenEndpoint: credential.tokenEndpoint, clientId: credential.clientId, ...proof, refreshToken },
      {
        fetch: deps.fetch,
        now: deps.now,
        ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
        ...(deps.env === undefined ? {} : { env: deps.env }),
      },
    );
    await deps.refreshTokens.rotate(credential.id, refreshToken, tokens.refreshToken, deps.now());
    return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
  };

  return createTokenProvider(identity, {
    now: deps.now,
    cache: deps.cache,
    requestToken: () => flights.run(`${credential.id}:${tokenFingerprint(identity)}`, refresh),
    ...(deps.memo === undefined ? {} : { memo: deps.memo }),
  });
};
