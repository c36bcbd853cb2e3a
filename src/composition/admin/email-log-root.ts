import { createCredentialStore } from '../../credentials/credential-store';
import { requestJiraAsUser } from '../../jira/jira-client';
import { createLogSettingsStore } from '../../outbox/log-settings-store';
import type { AdminDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { buildEmailLog } from '../email-log';
import { buildOutboxStores } from '../outbox';

/**
 * The admin page's email log tab (function `admin-resolver`, loaded on its first call): the outbox's records and the
 * credentials' records, without the credential service (which reads certificates with node:crypto).
 */
export const createAdminEmailLogDeps = (): Pick<AdminDeps, 'requestJira' | 'log'> => {
  const kv = createAppKvStore();
  return {
    requestJira: requestJiraAsUser,
    log: {
      emails: buildEmailLog(buildOutboxStores(kv), createCredentialStore(kv)),
      settings: createLogSettingsStore(kv),
    },
  };
};
