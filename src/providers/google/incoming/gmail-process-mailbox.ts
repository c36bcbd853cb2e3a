import type { ProcessMailbox } from '../../../incoming/process/ports';
import { ATTACHMENT_TOO_LARGE_CODE, IncomingMailboxError, ITEM_GONE_CODE } from '../../../mail-model/incoming-errors';
import type { AttachmentContent, DownloadLimits, IncomingReceipt } from '../../../mail-model/incoming-message';
import { GmailError, GmailErrorCode } from '../gmail/gmail-errors';
import type { GmailInboundAttachment } from '../gmail/gmail-inbound';
import type { GmailInboundMailbox } from '../gmail/gmail-inbound-mailbox';

/** Gmail answers carry no request ids: the record notes none. */
const RECEIPT: IncomingReceipt = { requestId: undefined };

/**
 * Gmail's throttling and outages pass if the job runs again: Google asks to retry 429 and 5xx with backoff
 * (https://developers.google.com/workspace/gmail/api/guides/handle-errors), and a request with no answer in time may
 * pass too.
 */
const PASSING = new Set<string>([
  GmailErrorCode.RateLimited,
  GmailErrorCode.Unavailable,
  GmailErrorCode.Timeout,
  GmailErrorCode.Unreachable,
]);

/**
 * Gmail's failure as the incoming processing sees it: a message Gmail no longer has (deleted since it was queued) is
 * gone, under the code the incoming log has always recorded for that; throttling and outages are passing (the
 * message is tried again, after Retry-After when Google gave one); any other Gmail failure is recorded as it is.
 */
const goneAs = async <T>(item: 'message' | 'attachment', call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof GmailError)) throw error;
    if (error.code === GmailErrorCode.NotFound)
      throw new IncomingMailboxError(ITEM_GONE_CODE, 'gone', `The ${item} is no longer in the mailbox.`, {
        item,
        cause: error,
      });
    if (PASSING.has(error.code))
      throw new IncomingMailboxError(error.code, 'passing', error.message, {
        ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
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
 * The handler's Gmail mailbox as src/incoming/process calls it (ProcessMailbox), so processing is the same for both
 * providers. users.messages.get format=raw has every attachment's bytes in the one answer, so they are
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
    }),
    openAttachment: async (messageId, attachmentId, limits: DownloadLimits): Promise<AttachmentContent> => {
      const found = (await attachmentsOf(messageId)).find((one) => one.id === attachmentId);
      if (found === undefined)
        throw new IncomingMailboxError(ITEM_GONE_CODE, 'gone', 'The attachment is no longer in the message.', {
          item: 'attachment',
        });
      if (found.bytes.byteLength > limits.maxBytes)
        throw new IncomingMailboxError(
          ATTACHMENT_TOO_LARGE_CODE,
          'too-large',
          `The attachment has ${found.bytes.byteLength} bytes, over the limit of ${limits.maxBytes}.`,
          { item: 'attachment' },
        );
      return {
        contentType: found.contentType,
        size: found.bytes.byteLength,
        pieces: oneChunk(found.bytes),
      };
    },
    markRead: (messageId) => goneAs('message', () => gmail.markRead(messageId)),
    moveMessage: (messageId, destinationFolderId) =>
      goneAs('message', () => gmail.moveToLabel(messageId, readLabelId, destinationFolderId)),
    // Labels are flat: the processed "folder" is a label of that name, created when missing.
    ensureProcessedFolder: async (displayName) => ({ id: (await gmail.ensureLabel(displayName)).label.id }),
  };
};
