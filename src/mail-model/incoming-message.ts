/*
 * What an incoming mail is to the app, whichever service carries it: the processing (src/incoming/process) reads
 * these, and each provider's reader produces them from its own answers.
 */

/** An address as the mail service gives it; either part may be missing. */
export interface MailAddress {
  name: string | undefined;
  address: string | undefined;
}

export interface MessageBody {
  contentType: 'html' | 'text';
  content: string;
}

/** One incoming message, every field the worker matches, filters and converts with. */
export interface IncomingMessage {
  /** The mail service's id of the message in the mailbox (stable across a move to the processed folder). */
  id: string;
  /** The RFC 5322 Message-ID. */
  internetMessageId: string | undefined;
  /** The service's own thread of the message, when it has one. */
  conversationId: string | undefined;
  subject: string | undefined;
  from: MailAddress | undefined;
  sender: MailAddress | undefined;
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  replyTo: MailAddress[];
  /** ISO 8601. */
  receivedDateTime: string | undefined;
  /** The headers as the service lists them, names as sent; empty when it gives none. */
  internetMessageHeaders: Array<{ name: string; value: string }>;
  body: MessageBody | undefined;
  /** The service's own idea of the new part of a reply, when it has one (unreliable: quoted replies may stay in it). */
  uniqueBody: MessageBody | undefined;
  /** False for a message whose only attachments are inline images. */
  hasAttachments: boolean;
  isRead: boolean;
}

/** file: the bytes; item: an attached email (its MIME); reference: a cloud link, no bytes. */
export type AttachmentKind = 'file' | 'item' | 'reference' | 'unknown';

export interface IncomingAttachment {
  id: string;
  kind: AttachmentKind;
  name: string | undefined;
  contentType: string | undefined;
  /** The service's size of the attachment: near the file's, not necessarily its exact byte count. */
  size: number | undefined;
  isInline: boolean;
  /** The `cid:` an inline image is shown by in the HTML body, without `<>`. */
  contentId: string | undefined;
}

/** What a read of the mailbox leaves for the incoming log: the service's request id, when it sends one. */
export interface IncomingReceipt {
  requestId: string | undefined;
}

/** An attachment's bytes, read only as fast as they are asked for. */
export interface AttachmentContent {
  /** The file's own Content-Type (message/rfc822 for an attached email). */
  contentType: string | undefined;
  /** The byte count, when known; the pieces then add up to exactly this. */
  size: number | undefined;
  /** Read to the end, or stopped early (`return()`, e.g. a `break`), which cancels the download. */
  pieces: AsyncIterable<Uint8Array>;
}

export interface DownloadLimits {
  /** The most bytes taken; more is IncomingMailboxError `too-large` and the download is cancelled. */
  maxBytes: number;
  /** The longest wait for the next piece (default: the service's call timeout). */
  readTimeoutMs?: number;
}
