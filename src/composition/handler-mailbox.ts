import type { CredentialService } from '../credentials/credential-service';
import type { CredentialStore } from '../credentials/credential-store';
import { createInboundMailboxOpener } from '../delivery/graph-mail-sender';
import type { HandlerMailbox } from '../mail-handlers/handler-mailbox';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { buildGraphDeps } from './graph';
import { graphHandlerMailbox } from './graph-handler-mailbox';
import { buildWarnings } from './warnings';

/**
 * Mail handlers' mailboxes through Microsoft Graph, with the handler's credential (its tokens cached and its refusals
 * warned about as for sending). The subscription's state reads as none until incoming mail subscribes for handlers.
 */
export const createHandlerMailbox = (
  kv: KvStore,
  credentials: { service: CredentialService; store: CredentialStore },
): HandlerMailbox => {
  const open = createInboundMailboxOpener(
    buildGraphDeps(kv, credentials.service, buildWarnings(kv, credentials.store)),
  );
  return graphHandlerMailbox({
    open: async (target) => open(await credentials.service.get(target.credentialId), target.mailbox),
    readSubscription: () => Promise.resolve(undefined),
    now: systemClock,
  });
};
