import { createHandlerStateStore } from '../incoming/connection/handler-state';
import { createSubscriptionRegistry } from '../incoming/notifications/subscription-registry';
import { createForgeIncomingQueue } from '../incoming/queue/incoming-queue';
import type { IncomingUpkeepDeps } from '../incoming/upkeep/run-incoming-upkeep';
import { createMailHandlerStore } from '../mail-handlers/mail-handler-store';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';

/** The five-minute upkeep of incoming mail (function `incoming-upkeep`): it reads handlers and connections, queues. */
export const createIncomingUpkeepDeps = (): IncomingUpkeepDeps => {
  const kv = createAppKvStore();
  return {
    handlers: createMailHandlerStore(kv, appLog),
    states: createHandlerStateStore(kv, appLog),
    subscriptions: createSubscriptionRegistry(kv),
    queue: createForgeIncomingQueue(),
    log: appLog,
  };
};
