import type { CredentialService } from '../credentials/credential-service';
import { createRefreshTokenStore } from '../oauth/refresh-token-store';
import { createTokenCache } from '../oauth/token-cache';
import type { MailSenderDeps } from '../providers/mail-sender';
import { googleTokenRefusal } from '../providers/words';
import { globalFetch, realSleep, systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import type { WarningService } from '../warnings/warning-service';

/**
 * Both providers with the app's credentials: tokens cached in secret storage, signed-in mailboxes' refresh tokens
 * in secret storage too, a promoted secret, a token Microsoft or Google refused, or a lost sign-in recorded as a
 * warning for the admin.
 */
export const buildMailServiceDeps = (
  kv: KvStore,
  credentials: CredentialService,
  warnings: Pick<
    WarningService,
    'recordPromotion' | 'recordTokenRefused' | 'recordAuthorizationRefused' | 'recordServiceTokenRefused'
  >,
): MailSenderDeps => ({
  credentials,
  tokenCache: createTokenCache(kv),
  refreshTokens: createRefreshTokenStore(kv),
  fetch: globalFetch,
  now: systemClock,
  sleep: realSleep,
  onPromoted: (credential) => warnings.recordPromotion(credential),
  onTokenRefused: (credential, error) => warnings.recordTokenRefused(credential, error),
  onAuthorizationRefused: (credential, error) => warnings.recordAuthorizationRefused(credential, error),
  onGoogleTokenRefused: (credential, error) =>
    warnings.recordServiceTokenRefused(credential, googleTokenRefusal(credential, error)),
});
