import { isGoogleCredential } from '../credentials/credential-provider';
import type { CredentialService } from '../credentials/credential-service';
import type { HandlerStateStore } from '../incoming/connection/handler-state';
import { INCOMING_UPKEEP_MINUTES } from '../incoming/upkeep/run-incoming-upkeep';
import type { HandlerMailbox, MailboxTarget } from '../mail-handlers/handler-mailbox';
import { loadOnce } from '../shared/load-once';
import type { Clock } from '../shared/seams';
import type { MailSenderDeps } from './mail-sender';
import { graphHandlerMailbox } from './microsoft/incoming/graph-handler-mailbox';
import { createInboundMailboxOpener } from './microsoft/incoming/open-inbound-mailbox';

/** Gmail's side is loaded on a Google credential's first use, as sending loads it (mail-sender.ts). */
const loadGoogle = loadOnce(() => import(/* webpackChunkName: "gmail-incoming" */ './google/incoming/open-gmail'));

export interface HandlerMailboxDeps {
  credentials: Pick<CredentialService, 'get'>;
  /** Both services' client wiring with the app's credentials (token caches, seams, refusals reported). */
  clients: MailSenderDeps;
  states: Pick<HandlerStateStore, 'get'>;
  now: Clock;
}

/**
 * Mail handlers' Test through the service of the handler's credential: Microsoft Graph, or Gmail for a Google
 * Workspace credential. The subscription's state is the handler's stored connection (src/incoming/connection);
 * a Gmail handler has none: Gmail pushes only through Cloud Pub/Sub, so the upkeep polls it
 * (https://developers.google.com/workspace/gmail/api/guides/push), and Test says how often.
 */
export const createHandlerMailbox = (deps: HandlerMailboxDeps): HandlerMailbox => {
  const open = createInboundMailboxOpener(deps.clients);
  const credentialOf = (target: MailboxTarget) => deps.credentials.get(target.credentialId);
  const graph = graphHandlerMailbox({
    open: async (target) => open(await credentialOf(target), target.mailbox),
    readSubscription: async (handlerId) => {
      const expirationDateTime = (await deps.states.get(handlerId))?.subscriptionExpiresAt;
      return expirationDateTime === undefined ? undefined : { expirationDateTime };
    },
    now: deps.now,
  });
  const gmail = async () => (await loadGoogle()).openGmailHandlerMailbox(credentialOf, deps.clients);
  const isGoogle = async (target: MailboxTarget) => isGoogleCredential(await credentialOf(target));
  return {
    folderCounts: async (target, folder) =>
      ((await isGoogle(target)) ? await gmail() : graph).folderCounts(target, folder),
    ensureFolder: async (target, displayName) =>
      ((await isGoogle(target)) ? await gmail() : graph).ensureFolder(target, displayName),
    subscriptionState: async (handlerId, target) => {
      // A credential that is gone leaves the stored connection to speak (the folder check says the credential is gone).
      const google = await isGoogle(target).catch(() => false);
      return google
        ? { ok: true, data: { status: 'polled', everyMinutes: INCOMING_UPKEEP_MINUTES } }
        : graph.subscriptionState(handlerId, target);
    },
  };
};
