import { webTrigger } from '@forge/api';

import type { MailHandlerView } from '../contract/mail-handlers';
import { isGoogleCredential } from '../credentials/credential-provider';
import type { InboundMailbox } from '../graph/inbound-mailbox';
import { resolveGmailLabelId } from '../incoming/connection/gmail-connection';
import { createHandlerStateStore, type HandlerStateStore } from '../incoming/connection/handler-state';
import type { IncomingConnection } from '../incoming/connection/incoming-connection';
import { createSubscriptionRegistry, type SubscriptionRegistry } from '../incoming/notifications/subscription-registry';
import type { ProcessMailbox } from '../incoming/process/ports';
import { INCOMING_GRAPH_TIMEOUT_MS, INCOMING_RETRY_POLICY } from '../incoming/worker/worker-limits';
import { createMailHandlerStore, type MailHandlerStore } from '../mail-handlers/mail-handler-store';
import type { GraphMailSenderDeps } from '../providers/microsoft/delivery/graph-mail-sender';
import { createInboundMailboxOpener } from '../providers/microsoft/delivery/graph-mail-sender';
import { loadOnce } from '../shared/load-once';
import { newUuid, systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { appLog } from './app-log';
import { buildCredentials, type Credentials } from './credentials';
import { buildMailServiceDeps } from './mail-service';
import { buildWarnings } from './warnings';

/** manifest.yml's web trigger that Graph posts notifications and lifecycle events to. */
export const NOTIFICATIONS_TRIGGER_KEY = 'graph-notifications';

export interface IncomingParts {
  credentials: Credentials;
  handlers: MailHandlerStore;
  states: HandlerStateStore;
  subscriptions: SubscriptionRegistry;
  /** What processing reads the handler's mailbox through: Graph's, or Gmail's for a Google credential. */
  processMailbox: (
    handler: Pick<MailHandlerView, 'id' | 'credentialId' | 'mailbox' | 'folder'>,
  ) => Promise<ProcessMailbox>;
  connection: (handler: MailHandlerView) => Promise<IncomingConnection>;
}

/** Gmail's read side is loaded on a Google handler's first use, as sending loads it (src/delivery/mail-sender.ts). */
const loadGmail = loadOnce(() => import(/* webpackChunkName: "gmail-incoming" */ '../incoming/gmail/open-gmail'));

/** A clientState Graph echoes in each notification: 256 random bits, hex (Graph allows 128 characters). */
const newClientState = (): string => `${newUuid()}${newUuid()}`.replaceAll('-', '');

/** What incoming mail's functions share: handlers, connections, and the handler's mailbox (Graph or Gmail) with its credential. */
export const buildIncoming = (kv: KvStore): IncomingParts => {
  const credentials = buildCredentials(kv);
  const graph: GraphMailSenderDeps = {
    ...buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
    retryPolicy: INCOMING_RETRY_POLICY,
    timeoutMs: INCOMING_GRAPH_TIMEOUT_MS,
  };
  const open = createInboundMailboxOpener(graph);
  const states = createHandlerStateStore(kv, appLog);
  const subscriptions = createSubscriptionRegistry(kv);
  /** The handler's mailbox through Graph with its credential: its own mailbox, else the credential's sender. */
  const openMailbox = async (handler: Pick<MailHandlerView, 'credentialId' | 'mailbox'>): Promise<InboundMailbox> => {
    const credential = await credentials.service.get(handler.credentialId);
    return open(credential, handler.mailbox ?? credential.senderMailbox);
  };
  const graphConnection = async (handler: MailHandlerView): Promise<IncomingConnection> => ({
    mailbox: await openMailbox(handler),
    states,
    subscriptions,
    notificationUrl: () => webTrigger.getUrl(NOTIFICATIONS_TRIGGER_KEY),
    newClientState,
    now: systemClock,
  });
  const gmailDeps = { ...graph, states, now: systemClock };
  return {
    credentials,
    handlers: createMailHandlerStore(kv, appLog),
    states,
    subscriptions,
    processMailbox: async (handler) => {
      const credential = await credentials.service.get(handler.credentialId);
      if (!isGoogleCredential(credential)) return open(credential, handler.mailbox ?? credential.senderMailbox);
      const gmail = await loadGmail();
      const labelId =
        (await states.get(handler.id))?.folderId ??
        (await resolveGmailLabelId(handler.folder, gmail.openGmailConnection(credential, gmailDeps)));
      return gmail.openGmailProcessMailbox(credential, labelId, gmailDeps);
    },
    connection: async (handler) => {
      const credential = await credentials.service.get(handler.credentialId);
      if (isGoogleCredential(credential)) return (await loadGmail()).openGmailConnection(credential, gmailDeps);
      return graphConnection(handler);
    },
  };
};
