import type { CompleteAuthorizationDeps } from '../credentials/authorization/complete-authorization';
import { createAuthorizationStateStore } from '../oauth/authorization-state';
import { createRefreshTokenStore } from '../oauth/refresh-token-store';
import { createTokenCache } from '../oauth/token-cache';
import { whoSignedIn } from '../providers/sign-in';
import { globalFetch, systemClock } from '../shared/seams';
import { createAppKvStore } from './app-kv';
import { buildCredentials } from './credentials';

/**
 * The web trigger Microsoft's sign-in redirects to (function `sign-in-receiver`): the pending sign-ins, the
 * credentials, their refresh tokens and cached access tokens in Forge storage, the global fetch and clock, and the
 * mail service that says who signed in.
 */
export const createOauthCallbackDeps = (): CompleteAuthorizationDeps => {
  const kv = createAppKvStore();
  return {
    states: createAuthorizationStateStore(kv),
    credentials: buildCredentials(kv).service,
    refreshTokens: createRefreshTokenStore(kv),
    tokenCache: createTokenCache(kv),
    fetch: globalFetch,
    now: systemClock,
    whoSignedIn,
  };
};
