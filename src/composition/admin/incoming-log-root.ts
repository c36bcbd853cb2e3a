import { createIncomingLogService } from '../../incoming/log/incoming-log-service';
import { createForgeIncomingQueue } from '../../incoming/queue/incoming-queue';
import { createIncomingRecordStore } from '../../incoming/records/incoming-records';
import { requestJiraAsUser } from '../../jira/jira-client';
import { createMailHandlerStore } from '../../mail-handlers/mail-handler-store';
import { systemClock } from '../../shared/seams';
import { createForgeEntityStore } from '../../storage/entity-store';
import { INCOMING_MESSAGE_ENTITY } from '../../storage/keys';
import type { AdminDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { appLog } from '../app-log';

/**
 * The admin page's incoming log tab (function `admin-resolver`, loaded on its first call): the incoming-message
 * records, the mail handlers' store for their names (not their service, which talks to the mail service), and the
 * incoming-mail queue for "Process again".
 */
export const createAdminIncomingLogDeps = (): Pick<AdminDeps, 'requestJira' | 'incomingLog'> => {
  const handlers = createMailHandlerStore(createAppKvStore(), appLog);
  return {
    requestJira: requestJiraAsUser,
    incomingLog: createIncomingLogService({
      records: createIncomingRecordStore(createForgeEntityStore(INCOMING_MESSAGE_ENTITY)),
      queue: createForgeIncomingQueue(),
      now: systemClock,
      handlers: async () => (await handlers.list()).map(({ id, name, enabled }) => ({ id, name, enabled })),
    }),
  };
};
