import { createCredentialStore } from '../credentials/credential-store';
import { delegatedTokenProvider } from '../credentials/delegated-token';
import { createRefreshTokenStore } from '../oauth/refresh-token-store';
import { createTokenCache } from '../oauth/token-cache';
import { globalFetch, systemClock } from '../shared/seams';
import { type SignInWatchSummary, watchSignIns } from '../warnings/authorization-watch';
import type { WarningService } from '../warnings/warning-service';
import { createAppKvStore } from './app-kv';
import { buildCredentials } from './credentials';
import { buildWarnings } from './warnings';

export interface ExpiryCheckDeps {
  warnings: Pick<WarningService, 'runDailyCheck'>;
  watchSignIns: () => Promise<SignInWatchSummary>;
}

/**
 * The daily credential expiry check (function `expiry-check`): the warnings over the stored credentials, and the
 * signed-in mailboxes' grants renewed with the same refresh as sending (tokens cached, successors stored).
 */
export const createExpiryCheckDeps = (): ExpiryCheckDeps => {
  const kv = createAppKvStore();
  const store = createCredentialStore(kv);
  const credentials = buildCredentials(kv);
  const warnings = buildWarnings(kv, store);
  const refreshTokens = createRefreshTokenStore(kv);
  const tokenCache = createTokenCache(kv);
  return {
    warnings,
    watchSignIns: () =>
      watchSignIns({
        listCredentials: () => store.list(),
        readUse: (id) => refreshTokens.readUse(id),
        refresh: async (credential) => {
          await delegatedTokenProvider(credential, {
            credentials: credentials.service,
            tokenCache,
            refreshTokens,
            fetch: globalFetch,
            now: systemClock,
          }).getAccessToken({ forceRefresh: true });
        },
        record: (credential, watched) => warnings.recordAuthorizationWatch(credential, watched),
        now: systemClock,
      }),
  };
};
