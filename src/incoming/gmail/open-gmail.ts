import type { StoredCredential } from '../../credentials/stored-credential';
import { type GmailDeliveryDeps, gmailReadDeps } from '../../delivery/google/gmail-delivery';
import { gmailInboundMailbox } from '../../google/gmail/gmail-inbound-mailbox';
import { listLabelMessageIds } from '../../google/gmail/gmail-label-messages';
import type { Clock } from '../../shared/seams';
import type { GmailConnectionDeps } from '../connection/gmail-connection';
import type { HandlerStateStore } from '../connection/handler-state';
import type { ProcessMailbox } from '../process/ports';
import { gmailProcessMailbox } from './gmail-process-mailbox';

/*
 * A Google credential's mailbox for incoming mail, loaded on first use (composition/incoming.ts) as sending loads
 * Gmail's side. The token's `sub` is the credential's sender mailbox, so that is the mailbox read.
 */

export const openGmailConnection = (
  credential: StoredCredential,
  deps: GmailDeliveryDeps & { states: HandlerStateStore; now: Clock },
): GmailConnectionDeps => {
  const read = gmailReadDeps(credential, deps);
  return {
    provider: 'gmail',
    mailbox: {
      ...gmailInboundMailbox(credential.senderMailbox, read),
      listLabel: (labelId, since) => listLabelMessageIds(labelId, read, since),
    },
    states: deps.states,
    now: deps.now,
  };
};

/** Processing's mailbox: the label read is the one the handler's connection resolved (its state's folderId). */
export const openGmailProcessMailbox = (
  credential: StoredCredential,
  readLabelId: string,
  deps: GmailDeliveryDeps,
): ProcessMailbox =>
  gmailProcessMailbox(gmailInboundMailbox(credential.senderMailbox, gmailReadDeps(credential, deps)), readLabelId);
