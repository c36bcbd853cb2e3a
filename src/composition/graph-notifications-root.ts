import type { ReceiveDeps } from '../incoming/notifications/receive-notifications';
import { createSubscriptionRegistry } from '../incoming/notifications/subscription-registry';
import { createForgeIncomingQueue } from '../incoming/queue/incoming-queue';
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
