import type { StoredCredential } from '../../../credentials/stored-credential';
import type { HandlerStateStore } from '../../../incoming/connection/handler-state';
import type { IncomingConnection } from '../../../incoming/connection/incoming-connection';
import type { ProcessMailbox } from '../../../incoming/process/ports';
import type { HandlerMailbox, MailboxTarget } from '../../../mail-handlers/handler-mailbox';
import type { Clock } from '../../../shared/seams';
import { gmailInboundMailbox } from '../gmail/gmail-inbound-mailbox';
import { listLabelMessageIds } from '../gmail/gmail-label-messages';
import { type GmailDeliveryDeps, gmailReadDeps } from '../gmail-client';
import { gmailConnection, type GmailConnectionDeps, resolveGmailLabelId } from './gmail-connection';
import { gmailHandlerMailbox } from './gmail-handler-mailbox';
import { gmailProcessMailbox } from './gmail-process-mailbox';

/*
 * A Google credential's mailbox for incoming mail, loaded on first use (src/providers/incoming-mailbox.ts) as
 * sending loads Gmail's side. The token's `sub` is the credential's sender mailbox, so that is the mailbox read.
 */

export type GmailIncomingDeps = GmailDeliveryDeps & { states: HandlerStateStore; now: Clock };

export const openGmailConnection = (credential: StoredCredential, deps: GmailIncomingDeps): GmailConnectionDeps => {
  const read = gmailReadDeps(credential, deps);
  return {
    mailbox: {
      ...gmailInboundMailbox(credential.senderMailbox, read),
      listLabel: (labelId, since) => listLabelMessageIds(labelId, read, since),
    },
    states: deps.states,
    now: deps.now,
  };
};

/** The handler's connection: a polled historyId (gmail-connection.ts). */
export const openGmailIncomingConnection = (
  credential: StoredCredential,
  deps: GmailIncomingDeps,
): IncomingConnection => gmailConnection(openGmailConnection(credential, deps));

/** Processing's mailbox, reading the label `readLabelId` (INBOX or a user label's id). */
export const openGmailProcessMailbox = (
  credential: StoredCredential,
  readLabelId: string,
  deps: GmailDeliveryDeps,
): ProcessMailbox =>
  gmailProcessMailbox(gmailInboundMailbox(credential.senderMailbox, gmailReadDeps(credential, deps)), readLabelId);

/**
 * A handler's processing mailbox: the label read is the one its connection resolved (its state's folderId), or,
 * before it connected, its folder as a label found by name.
 */
export const openGmailHandlerProcessMailbox = async (
  credential: StoredCredential,
  handler: { id: string; folder: string },
  deps: GmailIncomingDeps,
): Promise<ProcessMailbox> =>
  openGmailProcessMailbox(
    credential,
    (await deps.states.get(handler.id))?.folderId ??
      (await resolveGmailLabelId(handler.folder, openGmailConnection(credential, deps))),
    deps,
  );

/** A handler's Test through Gmail, the target's credential read by `credentialOf`. */
export const openGmailHandlerMailbox = (
  credentialOf: (target: MailboxTarget) => Promise<StoredCredential>,
  deps: GmailDeliveryDeps,
): Pick<HandlerMailbox, 'folderCounts' | 'ensureFolder'> =>
  gmailHandlerMailbox(async (target) => gmailReadDeps(await credentialOf(target), deps));
