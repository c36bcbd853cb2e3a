import { createHistoryStore } from '../history/history-store';
import { createConversationIndex } from '../incoming/conversation-index';
import type { ProcessDeps } from '../incoming/process/ports';
import { createForgeIncomingQueue } from '../incoming/queue/incoming-queue';
import { createIncomingRecordStore } from '../incoming/records/incoming-records';
import type { IncomingWorkerDeps } from '../incoming/worker/worker-deps';
import { INCOMING_BUDGET_MS, INCOMING_LEASE_MS } from '../incoming/worker/worker-limits';
import { requestJiraAsApp } from '../jira/jira-client';
import { listProjects } from '../jira/projects';
import { loadOnce } from '../shared/load-once';
import { systemClock } from '../shared/seams';
import { createForgeEntityStore } from '../storage/entity-store';
import { INCOMING_MESSAGE_ENTITY } from '../storage/keys';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildIncoming } from './incoming';
import { createIncomingJira } from './incoming-jira';

/**
 * The incoming-mail worker (function `incoming-worker`, consumer of queue `incoming-mail`): handlers' mailboxes
 * through their credentials' mail service, Jira as the app, the incoming log's records (custom entity
 * `incoming-message`), the sent mail's history (In-Reply-To and References) and the conversation index.
 */
export const createIncomingWorkerDeps = (): IncomingWorkerDeps => {
  const kv = createAppKvStore();
  const incoming = buildIncoming(kv);
  const records = createIncomingRecordStore(createForgeEntityStore(INCOMING_MESSAGE_ENTITY));
  const history = createHistoryStore(kv);
  const conversations = createConversationIndex(kv);
  const jira = createIncomingJira(requestJiraAsApp);
  const ownMailboxes = async () => (await incoming.credentials.service.list()).map((one) => one.senderMailbox);
  return {
    handlers: incoming.handlers,
    connection: incoming.connection,
    processing: async (handler): Promise<ProcessDeps> => ({
      handler,
      mailbox: await incoming.processMailbox(handler),
      records,
      now: systemClock,
      leaseMs: INCOMING_LEASE_MS,
      // Once a run: the projects the app can see, whose keys a subject may name (the app's rights decide the rest).
      ownMailboxes: loadOnce(ownMailboxes),
      projectKeys: loadOnce(async () => (await listProjects(requestJiraAsApp)).map((project) => project.key)),
      findThread: (internetMessageId) => history.findThread(internetMessageId),
      conversations,
      jira,
      log: { warn: appLog },
    }),
    queue: createForgeIncomingQueue(),
    now: systemClock,
    budgetMs: INCOMING_BUDGET_MS,
    log: appLog,
  };
};
