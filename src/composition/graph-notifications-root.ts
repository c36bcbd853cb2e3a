import type { WebTriggerRequest, WebTriggerResponse } from '../http/web-trigger-http';
import { createSubscriptionRegistry } from '../incoming/notifications/subscription-registry';
import { createForgeIncomingQueue } from '../incoming/queue/incoming-queue';
import { type ReceiveDeps, receiveNotifications } from '../providers/incoming-notifications';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';

/**
 * The web trigger Graph posts to (function `notification-receiver`): the subscription registry and the queue, nothing
 * else, so it answers within Graph's 3 seconds (no zod, no Graph client, no content libraries: tested in
 * test/tooling/import-graph-bundles.test.ts).
 */
export const createGraphNotificationsDeps = (): ReceiveDeps => {
  const queue = createForgeIncomingQueue();
  return {
    subscriptions: createSubscriptionRegistry(createAppKvStore()),
    push: (jobs) => queue.push(jobs),
    log: appLog,
  };
};

/** The trigger's work with its dependencies: the request checked and queued; `log` for what the trigger itself logs. */
export const createGraphNotificationsReceiver = (): {
  receive: (request: WebTriggerRequest) => Promise<WebTriggerResponse>;
  log: (line: string) => void;
} => {
  const deps = createGraphNotificationsDeps();
  return { receive: (request) => receiveNotifications(request, deps), log: deps.log };
};
