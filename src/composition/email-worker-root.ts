import { createTrafficHealth } from '../credentials/traffic-health';
import { createGraphMailSender, createMailboxTrace, type GraphMailSenderDeps } from '../delivery/graph-mail-sender';
import { createHistoryStore } from '../history/history-store';
import { openAttachment } from '../jira/attachment-content';
import { addEmailComment } from '../jira/issue-comment-writer';
import { requestJiraAsApp, requestJiraImpersonating } from '../jira/jira-client';
import { describeDeliveryFailure } from '../messages/error-answers';
import type { OutboxDeps } from '../outbox/outbox-deps';
import { QUEUE_RETRY_POLICY, WORKER_GRAPH_TIMEOUT_MS, WORKER_TIME_LIMIT_MS } from '../outbox/worker-limits';
import { realSleep, systemClock } from '../shared/seams';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildCredentials } from './credentials';
import { buildGraphDeps } from './graph';
import { buildOutboxStores } from './outbox';
import { buildWarnings } from './warnings';

/** The outbox worker (function `email-worker`): one job of the queue, sent through Graph as the app. */
export const createEmailWorkerDeps = (): OutboxDeps => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  // The worker's Graph calls do not retry inside: throttling and outages go back to the queue with a delay.
  const graph: GraphMailSenderDeps = {
    ...buildGraphDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
    retryPolicy: QUEUE_RETRY_POLICY,
    timeoutMs: WORKER_GRAPH_TIMEOUT_MS,
  };
  const trace = createMailboxTrace(graph);
  const history = createHistoryStore(kv);
  return {
    ...buildOutboxStores(kv),
    credential: (id) => credentials.service.get(id),
    send: createGraphMailSender(graph),
    findMessage: (credential, internetMessageId) => trace.find(credential, internetMessageId),
    deleteDraft: (credential, messageId) => trace.deleteDraft(credential, messageId),
    openAttachment: (attachmentId, expectedSize, readAs) =>
      openAttachment(
        attachmentId,
        expectedSize,
        readAs === undefined ? requestJiraAsApp : requestJiraImpersonating(readAs),
      ),
    recordHistory: (issueId, record) => history.record(issueId, record),
    stageHistory: (issueId, record) => history.stage(issueId, record),
    addComment: async (issueKey, note) => {
      await addEmailComment(issueKey, note, requestJiraAsApp);
    },
    describe: describeDeliveryFailure,
    traffic: createTrafficHealth(kv),
    now: systemClock,
    sleep: realSleep,
    random: Math.random,
    attemptTimeLimitMs: WORKER_TIME_LIMIT_MS,
    log: appLog,
  };
};
