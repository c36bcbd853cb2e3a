import { GmailError, GmailErrorCode } from '../../google/gmail/gmail-errors';
import type { GmailInboundAttachment } from '../../google/gmail/gmail-inbound';
import type { GmailInboundMailbox } from '../../google/gmail/gmail-inbound-mailbox';
import type { AttachmentContent, DownloadLimits } from '../../graph/attachment-download';
import { InboundErrorCode, InboundGraphError } from '../../graph/inbound-errors';
import type { InboundReceipt } from '../../graph/inbound-request';
import type { ProcessMailbox } from '../process/ports';

/** Gmail answers carry no request ids: the record notes none. */
const RECEIPT: InboundReceipt = { status: 200, requestId: undefined, clientRequestId: '', attempts: 1 };

/** A message Gmail no longer has (deleted since it was queued) is gone, as processing reads Graph's 404. */
const goneAs = async <T>(item: 'message' | 'attachment', call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GmailError && error.code === GmailErrorCode.NotFound)
      throw new InboundGraphError(InboundErrorCode.Gone, `The ${item} is no longer in the mailbox.`, {
        item,
        cause: error,
      });
    throw error;
  }
};

/** The bytes as the one piece of a download (processing reads attachments as pieces). */
const oneChunk = (bytes: Uint8Array): AsyncIterable<Uint8Array> => ({
  [Symbol.asyncIterator]: () => {
    let done = false;
    return {
      next: (): Promise<IteratorResult<Uint8Array>> => {
        const result: IteratorResult<Uint8Array> = done
          ? { done: true, value: undefined }
          : { done: false, value: bytes };
        done = true;
        return Promise.resolve(result);
      },
    };
  },
});

/**
 * The handler's Gmail mailbox as src/incoming/process calls it (ProcessMailbox, Graph's shape), so processing is the
 * same for both providers. users.messages.get format=raw has every attachment's bytes in the one answer, so they are
 * kept from the message's read and served from there; "moving" takes the read label off and puts the processed one
 * on (users.messages.modify); read is UNREAD removed. `readLabelId` is the label the handler reads (INBOX or a
 * user label's id).
 */
export const gmailProcessMailbox = (gmail: GmailInboundMailbox, readLabelId: string): ProcessMailbox => {
  const read = new Map<string, GmailInboundAttachment[]>();
  const attachmentsOf = async (messageId: string): Promise<GmailInboundAttachment[]> => {
    const kept = read.get(messageId);
    if (kept !== undefined) return kept;
    const { attachments } = await goneAs('message', () => gmail.readMessage(messageId));
    read.set(messageId, attachments);
    return attachments;
  };
  return {
    mailbox: gmail.mailbox,
    readMessage: async (messageId) => {
      const { message, attachments } = await goneAs('message', () => gmail.readMessage(messageId));
      read.set(messageId, attachments);
      return { message, receipt: RECEIPT };
    },
    listAttachments: async (messageId) => ({
      // The bytes stay here; processing asks for them by id (openAttachment).
      attachments: (await attachmentsOf(messageId)).map(({ bytes: _bytes, ...attachment }) => attachment),
      receipt: RECEIPT,
    }),
    openAttachment: async (messageId, attachmentId, limits: DownloadLimits): Promise<AttachmentContent> => {
      const found = (await attachmentsOf(messageId)).find((one) => one.id === attachmentId);
      if (found === undefined)
        throw new InboundGraphError(InboundErrorCode.Gone, 'The attachment is no longer in the message.', {
          item: 'attachment',
        });
      if (found.bytes.byteLength > limits.maxBytes)
        throw new InboundGraphError(
          InboundErrorCode.AttachmentTooLarge,
          `The attachment has ${found.bytes.byteLength} bytes, over the limit of ${limits.maxBytes}.`,
          { item: 'attachment' },
        );
      return {
        contentType: found.contentType,
        size: found.bytes.byteLength,
        pieces: oneChunk(found.bytes),
        receipt: RECEIPT,
      };
    },
    markRead: async (messageId) => {
      await goneAs('message', () => gmail.markRead(messageId));
      return RECEIPT;
    },
    moveMessage: async (messageId, destinationFolderId) => {
      const moved = await goneAs('message', () => gmail.moveToLabel(messageId, readLabelId, destinationFolderId));
      return { id: moved.id, receipt: RECEIPT };
    },
    // Labels are flat: the processed "folder" is a label of that name, created when missing.
    ensureChildFolder: async (_parentFolderId, displayName) => {
      const { label, created } = await gmail.ensureLabel(displayName);
      const folder = {
        id: label.id,
        displayName: label.name,
        parentFolderId: undefined,
        unreadItemCount: undefined,
        totalItemCount: undefined,
      };
      return { folder, created };
    },
  };
};
