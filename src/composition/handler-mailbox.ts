import { isGoogleCredential } from '../credentials/credential-provider';
import type { CredentialService } from '../credentials/credential-service';
import type { CredentialStore } from '../credentials/credential-store';
import { createHandlerStateStore } from '../incoming/connection/handler-state';
import type { HandlerMailbox, MailboxTarget } from '../mail-handlers/handler-mailbox';
import { createInboundMailboxOpener } from '../providers/microsoft/delivery/graph-mail-sender';
import { loadOnce } from '../shared/load-once';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { appLog } from './app-log';
import { gmailHandlerMailbox } from './gmail-handler-mailbox';
import { graphHandlerMailbox } from './graph-handler-mailbox';
import { buildMailServiceDeps } from './mail-service';
import { buildWarnings } from './warnings';

/** Gmail's side is loaded on a Google credential's first use, as sending loads it (src/delivery/mail-sender.ts). */
const loadGmail = loadOnce(() => import(/* webpackChunkName: "gmail-delivery" */ '../delivery/google/gmail-delivery'));

/**
 * Mail handlers' mailboxes through Microsoft Graph, or Gmail for a Google Workspace credential, with the handler's
 * credential (its tokens cached and its refusals warned about as for sending). The subscription's state is the handler's connection (src/incoming/connection).
 */
export const createHandlerMailbox = (
  kv: KvStore,
  credentials: { service: CredentialService; store: CredentialStore },
): HandlerMailbox => {
  const states = createHandlerStateStore(kv, appLog);
  const deps = buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store));
  const open = createInboundMailboxOpener(deps);
  const graph = graphHandlerMailbox({
    open: async (target) => open(await credentials.service.get(target.credentialId), target.mailbox),
    readSubscription: async (handlerId) => {
      const expirationDateTime = (await states.get(handlerId))?.subscriptionExpiresAt;
      return expirationDateTime === undefined ? undefined : { expirationDateTime };
    },
    now: systemClock,
  });
  // The token's `sub` is the credential's sender mailbox: that is the mailbox a Google handler reads.
  const gmail = gmailHandlerMailbox(async (target) =>
    (await loadGmail()).gmailReadDeps(await credentials.service.get(target.credentialId), deps),
  );
  const isGoogle = async (target: MailboxTarget) =>
    isGoogleCredential(await credentials.service.get(target.credentialId));
  return {
    folderCounts: async (target, folder) => ((await isGoogle(target)) ? gmail : graph).folderCounts(target, folder),
    ensureFolder: async (target, displayName) =>
      ((await isGoogle(target)) ? gmail : graph).ensureFolder(target, displayName),
    // Gmail handlers store no subscription: theirs reads "none".
    subscriptionState: graph.subscriptionState,
  };
};
