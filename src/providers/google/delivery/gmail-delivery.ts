import type { StoredCredential } from '../../../credentials/stored-credential';
import { TraceUnavailableError } from '../../../delivery/errors';
import type { DeliveryResult, MessageTrace, OutgoingMessage } from '../../../mail-model/outgoing-message';
import { findByMessageId } from '../gmail/gmail-messages';
import { sendGmailMessage } from '../gmail/gmail-sender';
import { type GmailDeliveryDeps, gmailReadDeps } from '../gmail-client';
import { GMAIL_MODIFY_SCOPE } from '../scopes';
import { gmailMimeInput } from './gmail-message';

export type { GmailDeliveryDeps } from '../gmail-client';

/** What Gmail's delivery answers: `messageId` is Gmail's id of the sent message; Gmail has no request ids. */
export interface GmailDeliveryResult extends DeliveryResult {
  delivery: 'gmail-multipart' | 'gmail-resumable';
}

/**
 * Sends from the credential's mailbox through Gmail's users.messages.send upload (gmail-sender.ts: multipart up to
 * 5 MB, resumable above, refused over 35 MB). Gmail files the sent copy under SENT itself. The result's
 * `messageId` is Gmail's id of the sent message; Gmail has no request ids.
 */
export const sendThroughGmail = async (
  credential: StoredCredential,
  message: OutgoingMessage,
  deps: GmailDeliveryDeps,
  sendBy?: number,
): Promise<GmailDeliveryResult> => {
  const input = gmailMimeInput(credential.senderMailbox, message, new Date(deps.now()));
  const sent = await sendGmailMessage(
    input.sender,
    input.message,
    gmailReadDeps(credential, deps),
    sendBy === undefined ? {} : { sendBy },
  );
  return {
    requestId: undefined,
    clientRequestId: '',
    attempts: sent.attempts,
    delivery: sent.uploadType === 'multipart' ? 'gmail-multipart' : 'gmail-resumable',
    internetMessageId: sent.internetMessageId,
    messageId: sent.messageId,
  };
};

/** Whether the credential's token may search its mailbox: gmail.send alone may not (gmail-trace.ts). */
export const mayReadGmail = (credential: StoredCredential): boolean =>
  credential.scope.split(' ').includes(GMAIL_MODIFY_SCOPE);

/**
 * An earlier attempt, looked up by its Message-ID in the sender's mailbox. A credential without a read scope
 * (outgoing mail only asks for gmail.send) cannot look: TraceUnavailableError, which the outbox settles as
 * DELIVERY_UNCERTAIN rather than send twice.
 */
export const findInGmail = async (
  credential: StoredCredential,
  internetMessageId: string,
  deps: GmailDeliveryDeps,
): Promise<MessageTrace> => {
  if (!mayReadGmail(credential)) {
    throw new TraceUnavailableError(
      `The Google Workspace credential "${credential.name}" may only send (gmail.send), so the sender's mailbox ` +
        'cannot be searched for the earlier attempt. Allowing gmail.modify (incoming mail) lets Issue Mailer check.',
    );
  }
  // The app makes no Gmail drafts, so anything found is the sent copy of an earlier attempt; Gmail has no request ids.
  const [found] = await findByMessageId(internetMessageId, gmailReadDeps(credential, deps), {
    includeSpamTrash: true,
  });
  return found === undefined
    ? { found: 'nothing', requestId: undefined }
    : { found: 'sent', messageId: found.id, requestId: undefined };
};
