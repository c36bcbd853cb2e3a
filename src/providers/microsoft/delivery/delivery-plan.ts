import { MAX_MESSAGE_BYTES } from '../../../contract/message-limits';
import { MessageTooLargeError } from '../../../delivery/errors';
import { attachmentSize, type OutgoingAttachment, type OutgoingMessage } from '../../../mail-model/outgoing-message';
import { MAX_REQUEST_BYTES } from '../graph/graph-request';
import { sendMailBodyBytes } from '../graph/mail-message';

export { MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES };

/**
 * Graph's "3 MB": from this size on an attachment goes through an upload session. The base64 of anything bigger
 * (4 bytes per 3) would not fit, with the JSON around it, in one 4 MB `POST .../attachments`.
 */
export const UPLOAD_SESSION_MIN_BYTES = 3_000_000;

/** Microsoft asks for upload chunks in multiples of 320 KiB, each at most 4 MB: 12 x 320 KiB = 3,932,160 bytes. */
export const UPLOAD_CHUNK_BYTES = 12 * 320 * 1024;

export type AttachmentRoute = 'post' | 'upload-session';

export interface PlannedAttachment {
  attachment: OutgoingAttachment;
  how: AttachmentRoute;
}

export type DeliveryPlan =
  /** One `sendMail` request, attachments inline. */
  | { kind: 'single'; requestBytes: number }
  /** A draft, then each attachment on its own, then `send`. */
  | { kind: 'draft'; requestBytes: number; attachments: PlannedAttachment[] };

/** An inclusive byte range, as Content-Range writes it. */
export interface ByteRange {
  start: number;
  end: number;
}

export const attachmentBytes = (message: OutgoingMessage): number =>
  (message.attachments ?? []).reduce((sum, attachment) => sum + attachmentSize(attachment), 0);

/** The chunks an upload session PUTs a file of `size` bytes in, `chunkBytes` each but the last. */
export const uploadChunks = (size: number, chunkBytes: number = UPLOAD_CHUNK_BYTES): ByteRange[] => {
  const chunks: ByteRange[] = [];
  for (let start = 0; start < size; start += chunkBytes)
    chunks.push({ start, end: Math.min(start + chunkBytes, size) - 1 });
  return chunks;
};

/**
 * How a message goes out: one `sendMail` when the whole JSON request (attachments base64-encoded, its size
 * computed exactly) is under Graph's 4 MB; otherwise a draft that takes each attachment by POST (under 3 MB) or
 * upload session. Attachments over 150 MB in all are refused with MessageTooLargeError before anything is sent.
 * Decided from the sizes alone: a streamed attachment is read only once its turn comes.
 */
export const planDelivery = (message: OutgoingMessage, saveToSentItems = true): DeliveryPlan => {
  const total = attachmentBytes(message);
  if (total > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(total, MAX_MESSAGE_BYTES);
  const requestBytes = sendMailBodyBytes(message, saveToSentItems);
  if (requestBytes < MAX_REQUEST_BYTES) return { kind: 'single', requestBytes };
  return {
    kind: 'draft',
    requestBytes,
    attachments: (message.attachments ?? []).map((attachment) => ({
      attachment,
      how: attachmentSize(attachment) >= UPLOAD_SESSION_MIN_BYTES ? 'upload-session' : 'post',
    })),
  };
};
