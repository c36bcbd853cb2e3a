import type { CredentialService } from '../credentials/credential-service';
import type { GraphMailSenderDeps } from '../delivery/graph-mail-sender';
import { createTokenCache } from '../oauth/token-cache';
import { globalFetch, realSleep, systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import type { WarningService } from '../warnings/warning-service';

/**
 * Microsoft Graph with the app's credentials: tokens cached in secret storage, a promoted secret or a refused token
 * recorded as a warning for the admin.
 */
export const buildGraphDeps = (
  kv: KvStore,
  credentials: CredentialService,
  warnings: Pick<WarningService, 'recordPromotion' | 'recordTokenRefused'>,
): GraphMailSenderDeps => ({
  credentials,
  tokenCache: createTokenCache(kv),
  fetch: globalFetch,
  now: systemClock,
  sleep: realSleep,
  onPromoted: (credential) => warnings.recordPromotion(credential),
  onTokenRefused: (credential, error) => warnings.recordTokenRefused(credential, error),
});
