/**
 * What an email is to the app whichever mail service carries it: the message as the app composes it, its files, and
 * what a search of the sender's mailbox found of an earlier attempt. Each provider turns these into its own requests.
 */

/** What the mail service is told about a file besides its bytes; inline ones are images the body shows through `cid:{contentId}`. */
export interface AttachmentDescription {
  name: string;
  contentType: string;
  isInline?: boolean;
  contentId?: string;
}

/** A file the message carries, its bytes in memory. */
export interface MailAttachment extends AttachmentDescription {
  bytes: Uint8Array;
}

/**
 * A file read only when it is sent, once and front to back: a Jira attachment streamed into an upload, so that a
 * 150 MB file never sits in memory whole. `open` and the pieces fail with the source's own errors; the pieces add up
 * to `size` bytes or the source fails.
 */
export interface StreamedAttachment extends AttachmentDescription {
  size: number;
  open: () => Promise<AsyncIterable<Uint8Array>>;
}

export type OutgoingAttachment = MailAttachment | StreamedAttachment;

export const isInMemory = (attachment: OutgoingAttachment): attachment is MailAttachment => 'bytes' in attachment;

export const attachmentSize = (attachment: OutgoingAttachment): number =>
  isInMemory(attachment) ? attachment.bytes.byteLength : attachment.size;

/** A custom internet message header; the app's own are `x-` names, which every provider carries. */
export interface MailHeader {
  name: string;
  value: string;
}

/** An email as the app composes it; each provider turns it into its own request. */
export interface MailMessage {
  subject: string;
  /** A complete HTML document or fragment; sent as the HTML body. */
  html: string;
  to: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  replyTo?: readonly string[];
  attachments?: readonly MailAttachment[];
  headers?: readonly MailHeader[];
  /**
   * A client-chosen RFC 5322 Message-ID, `<local@domain>`. The mail service keeps it, so the app knows the id
   * replies will quote.
   */
  internetMessageId?: string;
}

/** A message whose attachments may still have to be read: what the delivery path takes. */
export interface OutgoingMessage extends Omit<MailMessage, 'attachments'> {
  attachments?: readonly OutgoingAttachment[];
}

/**
 * What the sender's mailbox holds under one Message-ID: a sent copy, a draft, or nothing. `requestId` is the mail
 * service's id of the search request, where it gives one (for support).
 */
export type MessageTrace =
  | { found: 'sent'; messageId: string; requestId: string | undefined }
  | { found: 'draft'; messageId: string; requestId: string | undefined }
  | { found: 'nothing'; requestId: string | undefined };

/** What a provider answers for an email it accepted. */
export interface DeliveryResult {
  /** The mail service's id of the request that sent the mail, where it gives one (for support). */
  requestId: string | undefined;
  clientRequestId: string;
  /** HTTP requests made, retries and upload chunks included. */
  attempts: number;
  /** How the provider sent it, in its own terms (one request, a draft, an upload), for support and tests. */
  delivery: string;
  /** The Message-ID replies will quote. */
  internetMessageId: string | undefined;
  /** The mail service's id of the sent message (or of the draft that was sent), where it names one. */
  messageId: string | undefined;
}
