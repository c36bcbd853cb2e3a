import { webTrigger } from '@forge/api';

import { createTrafficHealth } from '../../credentials/traffic-health';
import { requestJiraAsUser } from '../../jira/jira-client';
import { createMailHandlerStore } from '../../mail-handlers/mail-handler-store';
import { createAuthorizationStateStore } from '../../oauth/authorization-state';
import { createRefreshTokenStore } from '../../oauth/refresh-token-store';
import { createTokenCache } from '../../oauth/token-cache';
import { createConnectionTestLog } from '../../outbox/connection-test-record';
import { createEmailRecordStore } from '../../outbox/email-records';
import { connectionDiagnoses } from '../../providers/connection-test';
import { planGoogleSave } from '../../providers/google-credential-save';
import { globalFetch, newUuid, realSleep, systemClock } from '../../shared/seams';
import { createForgeEntityStore } from '../../storage/entity-store';
import { OUTBOX_EMAIL_ENTITY } from '../../storage/keys';
import type { AdminDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { appLog } from '../app-log';
import { buildCredentials } from '../credentials';
import { buildWarnings } from '../warnings';

/** manifest.yml's webtrigger module Microsoft's sign-in redirects to. */
export const OAUTH_CALLBACK_TRIGGER_KEY = 'oauth-callback';

/**
 * The admin page's credentials tab and warnings banner (function `admin-resolver`, loaded on its first call):
 * Forge storage, Jira as the invoking admin, the global fetch and clock for connection tests.
 */
export const createAdminCredentialsDeps = (): Omit<
  AdminDeps,
  'mail' | 'log' | 'notifications' | 'mailHandlers' | 'incomingLog'
> => {
  const kv = createAppKvStore();
  const handlers = createMailHandlerStore(kv, appLog);
  const credentials = buildCredentials(kv, {
    handlersReading: async (credentialId) =>
      (await handlers.list()).filter((handler) => handler.credentialId === credentialId).map((one) => one.name),
    planGoogleSave,
  });
  const warnings = buildWarnings(kv, credentials.store);
  return {
    credentials: credentials.service,
    authorization: {
      redirectUri: () => webTrigger.getUrl(OAUTH_CALLBACK_TRIGGER_KEY),
      states: createAuthorizationStateStore(kv),
    },
    warnings,
    onPromoted: (credential) => warnings.recordPromotion(credential),
    traffic: createTrafficHealth(kv),
    diagnoses: connectionDiagnoses,
    tokenCache: createTokenCache(kv),
    refreshTokens: createRefreshTokenStore(kv),
    fetch: globalFetch,
    now: systemClock,
    sleep: realSleep,
    requestJira: requestJiraAsUser,
    // A test email's entry in the email log: only the records, not the outbox's queue or pacing.
    logTestEmail: createConnectionTestLog({
      records: createEmailRecordStore(createForgeEntityStore(OUTBOX_EMAIL_ENTITY)),
      newId: newUuid,
      now: systemClock,
    }),
  };
};
