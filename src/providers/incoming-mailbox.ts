import type { MailHandlerView } from '../contract/mail-handlers';
import { isGoogleCredential } from '../credentials/credential-provider';
import type { CredentialService } from '../credentials/credential-service';
import type { HandlerStateStore } from '../incoming/connection/handler-state';
import type { IncomingConnection } from '../incoming/connection/incoming-connection';
import type { SubscriptionRegistry } from '../incoming/notifications/subscription-registry';
import type { ProcessMailbox } from '../incoming/process/ports';
import { loadOnce } from '../shared/load-once';
import type { Clock } from '../shared/seams';
import type { MailSenderDeps } from './mail-sender';
import { graphIncoming } from './microsoft/incoming/graph-incoming';

/** Gmail's read side is loaded on a Google handler's first use, as sending loads it (src/delivery/mail-sender.ts). */
const loadGoogle = loadOnce(() => import(/* webpackChunkName: "gmail-incoming" */ './google/incoming/open-gmail'));

export interface IncomingProviderDeps {
  credentials: Pick<CredentialService, 'get'>;
  /** Both services' client wiring with the app's credentials (token caches, seams, refusals reported). */
  clients: MailSenderDeps;
  states: HandlerStateStore;
  subscriptions: SubscriptionRegistry;
  /** The web trigger a service that pushes notifications posts to. */
  notificationUrl: () => Promise<string>;
  /** A new unguessable secret a pushed notification echoes, at most 128 characters. */
  newClientState: () => string;
  now: Clock;
}

/** Incoming mail of a handler, through the service its credential belongs to. */
export interface IncomingProvider {
  /** What processing reads the handler's mailbox through. */
  processMailbox: (
    handler: Pick<MailHandlerView, 'id' | 'credentialId' | 'mailbox' | 'folder'>,
  ) => Promise<ProcessMailbox>;
  /** The handler's connection (connect, rounds, lifecycle events, disconnect). */
  connection: (handler: MailHandlerView) => Promise<IncomingConnection>;
}

/**
 * Picks the implementation by the handler's credential: Microsoft Graph (the handler's own mailbox, else the
 * credential's sender mailbox), or Gmail for a Google Workspace credential (its token's `sub`, the sender mailbox).
 */
export const createIncomingProvider = (deps: IncomingProviderDeps): IncomingProvider => {
  const graph = graphIncoming(deps.clients);
  const googleDeps = { ...deps.clients, states: deps.states, now: deps.now };
  const { states, subscriptions, notificationUrl, newClientState, now } = deps;
  return {
    processMailbox: async (handler) => {
      const credential = await deps.credentials.get(handler.credentialId);
      if (!isGoogleCredential(credential))
        return graph.processMailbox(credential, handler.mailbox ?? credential.senderMailbox);
      return (await loadGoogle()).openGmailHandlerProcessMailbox(credential, handler, googleDeps);
    },
    connection: async (handler) => {
      const credential = await deps.credentials.get(handler.credentialId);
      if (isGoogleCredential(credential))
        return (await loadGoogle()).openGmailIncomingConnection(credential, googleDeps);
      return graph.connection(credential, handler.mailbox ?? credential.senderMailbox, {
        states,
        subscriptions,
        notificationUrl,
        newClientState,
        now,
      });
    },
  };
};
