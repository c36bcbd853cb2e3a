import { requestJiraAsUser } from '../../jira/jira-client';
import { createLogSettingsStore } from '../../outbox/log-settings-store';
import { createForgeKvStore } from '../../storage/forge-kv-store';
import type { AdminDeps } from '../admin-deps';
import { buildCredentials } from '../credentials';
import { buildEmailLog } from '../email-log';
import { buildOutboxStores } from '../outbox';

/** The admin page's email log tab (function `admin-resolver`, loaded on its first call). */
export const createAdminEmailLogDeps = (): Pick<AdminDeps, 'requestJira' | 'log'> => {
  const kv = createForgeKvStore();
  const credentials = buildCredentials(kv);
  return {
    requestJira: requestJiraAsUser,
    log: {
      emails: buildEmailLog(buildOutboxStores(kv), credentials.store),
      settings: createLogSettingsStore(kv),
    },
  };
};
