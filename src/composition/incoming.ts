import { webTrigger } from '@forge/api';

import type { MailHandlerView } from '../contract/mail-handlers';
import { createHandlerStateStore, type HandlerStateStore } from '../incoming/connection/handler-state';
import type { IncomingConnection } from '../incoming/connection/incoming-connection';
import { createSubscriptionRegistry, type SubscriptionRegistry } from '../incoming/notifications/subscription-registry';
import type { ProcessMailbox } from '../incoming/process/ports';
import { INCOMING_CALL_TIMEOUT_MS, INCOMING_RETRY_POLICY } from '../incoming/worker/worker-limits';
import { createMailHandlerStore, type MailHandlerStore } from '../mail-handlers/mail-handler-store';
import { createIncomingProvider } from '../providers/incoming-mailbox';
import { newUuid, systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { appLog } from './app-log';
import { buildCredentials, type Credentials } from './credentials';
import { buildMailServiceDeps } from './mail-service';
import { buildWarnings } from './warnings';

/** manifest.yml's web trigger that Microsoft Graph posts notifications and lifecycle events to. */
export const NOTIFICATIONS_TRIGGER_KEY = 'graph-notifications';

export interface IncomingParts {
  credentials: Credentials;
  handlers: MailHandlerStore;
  states: HandlerStateStore;
  subscriptions: SubscriptionRegistry;
  /** What processing reads the handler's mailbox through, whichever service holds it. */
  processMailbox: (
    handler: Pick<MailHandlerView, 'id' | 'credentialId' | 'mailbox' | 'folder'>,
  ) => Promise<ProcessMailbox>;
  connection: (handler: MailHandlerView) => Promise<IncomingConnection>;
}

/** A clientState the service echoes in each notification: 256 random bits, hex (Graph allows 128 characters). */
const newClientState = (): string => `${newUuid()}${newUuid()}`.replaceAll('-', '');

/** What incoming mail's functions share: handlers, connections, and the handler's mailbox with its credential. */
export const buildIncoming = (kv: KvStore): IncomingParts => {
  const credentials = buildCredentials(kv);
  const states = createHandlerStateStore(kv, appLog);
  const subscriptions = createSubscriptionRegistry(kv);
  const provider = createIncomingProvider({
    credentials: credentials.service,
    clients: {
      ...buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
      retryPolicy: INCOMING_RETRY_POLICY,
      timeoutMs: INCOMING_CALL_TIMEOUT_MS,
    },
    states,
    subscriptions,
    notificationUrl: () => webTrigger.getUrl(NOTIFICATIONS_TRIGGER_KEY),
    newClientState,
    now: systemClock,
  });
  return {
    credentials,
    handlers: createMailHandlerStore(kv, appLog),
    states,
    subscriptions,
    processMailbox: provider.processMailbox,
    connection: provider.connection,
  };
};
