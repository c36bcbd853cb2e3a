import type { IncomingMessage, IncomingReceipt } from '../../mail-model/incoming-message';
import { claimMessage, type ClaimOutcome, reclaimMessage } from '../records/claim-message';
import type { SeenMessage } from '../records/incoming-record';
import { incomingMessageKey } from '../records/message-key';
import type { ProcessDeps, ProcessJob } from './ports';

/** What the record keeps of the message as read. */
export const seenMessage = (
  message: IncomingMessage,
  job: ProcessJob,
  mailbox: string,
  receipt: IncomingReceipt,
  now: number,
): SeenMessage => {
  const received = Date.parse(message.receivedDateTime ?? '');
  return {
    internetMessageId: message.internetMessageId ?? '',
    handlerId: job.handlerId,
    mailbox,
    // The stored record's attribute keeps its first name (manifest.yml's incoming-message entity).
    graphMessageId: job.messageId,
    from: {
      ...(message.from?.name === undefined ? {} : { name: message.from.name }),
      address: message.from?.address ?? '',
    },
    subject: message.subject ?? '',
    receivedAt: Number.isNaN(received) ? now : received,
    ...(message.conversationId === undefined ? {} : { conversationId: message.conversationId }),
    ...(receipt.requestId === undefined ? {} : { requestId: receipt.requestId }),
  };
};

/**
 * The claim of this run: "Process again" re-claims a held or failed message (reclaimMessage); anything else, or a
 * message that is no longer held or failed, is claimed as usual (claimMessage).
 */
export const claimRun = async (job: ProcessJob, seen: SeenMessage, deps: ProcessDeps): Promise<ClaimOutcome> => {
  const options = { now: deps.now(), leaseMs: deps.leaseMs };
  if (job.processAgain === true) {
    const reclaimed = await reclaimMessage(deps.records, incomingMessageKey(seen), options);
    if (reclaimed !== undefined) return { kind: 'claimed', record: reclaimed };
  }
  return claimMessage(deps.records, seen, options);
};
