import type { CredentialService } from '../credentials/credential-service';
import type { CredentialStore } from '../credentials/credential-store';
import { createInboundMailboxOpener } from '../delivery/graph-mail-sender';
import { createHandlerStateStore } from '../incoming/connection/handler-state';
import type { HandlerMailbox } from '../mail-handlers/handler-mailbox';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { appLog } from './app-log';
import { buildGraphDeps } from './graph';
import { graphHandlerMailbox } from './graph-handler-mailbox';
import { buildWarnings } from './warnings';

/**
 * Mail handlers' mailboxes through Microsoft Graph, with the handler's credential (its tokens cached and its refusals
 * warned about as for sending). The subscription's state is the handler's connection (src/incoming/connection).
 */
export const createHandlerMailbox = (
  kv: KvStore,
  credentials: { service: CredentialService; store: CredentialStore },
): HandlerMailbox => {
  const states = createHandlerStateStore(kv, appLog);
  const open = createInboundMailboxOpener(
    buildGraphDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
  );
  return graphHandlerMailbox({
    open: async (target) => open(await credentials.service.get(target.credentialId), target.mailbox),
    readSubscription: async (handlerId) => {
      const expirationDateTime = (await states.get(handlerId))?.subscriptionExpiresAt;
      return expirationDateTime === undefined ? undefined : { expirationDateTime };
    },
    now: systemClock,
  });
};
