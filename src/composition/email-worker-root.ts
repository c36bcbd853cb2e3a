import { createTrafficHealth } from '../credentials/traffic-health';
import { createHistoryStore } from '../history/history-store';
import { describeDeliveryFailure } from '../messages/error-answers';
import type { OutboxDeps } from '../outbox/outbox-deps';
import { QUEUE_RETRY_POLICY, WORKER_REQUEST_TIMEOUT_MS, WORKER_TIME_LIMIT_MS } from '../outbox/worker-limits';
import { createMailSender, createMailTrace, type MailSenderDeps } from '../providers/mail-sender';
import { acceptedNote } from '../providers/words';
import { loadOnce } from '../shared/load-once';
import { realSleep, systemClock } from '../shared/seams';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildCredentials } from './credentials';
import { buildMailServiceDeps } from './mail-service';
import { buildOutboxStores } from './outbox';
import { buildWarnings } from './warnings';

/** The worker's Jira calls (worker-jira.ts: @forge/api and the Jira modules), a chunk loaded on first use. */
const loadWorkerJira = loadOnce(() => import(/* webpackChunkName: "worker-jira" */ './worker-jira'));

/**
 * The outbox worker (function `email-worker`): one job of the queue, sent through the credential's provider
 * (providers/mail-sender.ts picks it).
 */
export const createEmailWorkerDeps = (): OutboxDeps => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  // The worker's mail service calls do not retry inside: throttling and outages go back to the queue with a delay.
  const services: MailSenderDeps = {
    ...buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
    retryPolicy: QUEUE_RETRY_POLICY,
    timeoutMs: WORKER_REQUEST_TIMEOUT_MS,
  };
  const trace = createMailTrace(services);
  const history = createHistoryStore(kv);
  return {
    ...buildOutboxStores(kv),
    credential: (id) => credentials.service.get(id),
    send: createMailSender(services),
    findMessage: (credential, internetMessageId) => trace.find(credential, internetMessageId),
    deleteDraft: (credential, messageId) => trace.deleteDraft(credential, messageId),
    openAttachment: async (attachmentId, expectedSize, readAs) =>
      (await loadWorkerJira()).openWorkerAttachment(attachmentId, expectedSize, readAs),
    recordHistory: (issueId, record) => history.record(issueId, record),
    stageHistory: (issueId, record) => history.stage(issueId, record),
    addComment: async (issueKey, note) => (await loadWorkerJira()).addWorkerComment(issueKey, note),
    acceptedNote,
    describe: describeDeliveryFailure,
    traffic: createTrafficHealth(kv),
    now: systemClock,
    sleep: realSleep,
    random: Math.random,
    attemptTimeLimitMs: WORKER_TIME_LIMIT_MS,
    log: appLog,
  };
};
