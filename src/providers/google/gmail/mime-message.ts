import { Readable } from 'node:stream';

import MailComposer, { type MailComposerAttachment } from 'nodemailer/lib/mail-composer';

import {
  type AttachmentDescription,
  isInMemory,
  type OutgoingAttachment,
  type OutgoingMessage,
} from '../../../mail-model/outgoing-message';

/*
 * RFC 5322 through nodemailer's MailComposer (https://nodemailer.com/extras/mailcomposer/, message options
 * https://nodemailer.com/message/). Gmail's users.messages.send "Sends the specified message to the recipients in
 * the To, Cc, and Bcc headers" (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send),
 * so Bcc must stay in the raw message (MailComposer drops it unless keepBcc); Gmail removes it from what the
 * recipients get.
 */

/** Who sends: the delegated mailbox (`sub`), since Gmail rewrites another From to the mailbox's primary address. */
export interface GmailSender {
  address: string;
  displayName?: string;
}

/** Threading headers of a reply: Gmail files a reply in a thread only when these and the Subject match. */
export interface ThreadingHeaders {
  inReplyTo?: string;
  references?: readonly string[];
}

export interface MimeMessageInput {
  sender: GmailSender;
  message: OutgoingMessage;
  threading?: ThreadingHeaders;
  /** The Date header; injected so that the bytes are the same for the same input. */
  date: Date;
}

/** base64 lines of 76 characters plus CRLF (RFC 2045 6.8), as MailComposer writes them. */
const base64WithLineBreaks = (bytes: number): number => {
  const chars = 4 * Math.ceil(bytes / 3);
  return chars + 2 * Math.ceil(chars / 76);
};

/** Room for one attachment's part headers (boundary, Content-Type, Content-Disposition, encoded file name). */
const partHeaderBytes = (attachment: AttachmentDescription): number =>
  400 + 3 * Buffer.byteLength(attachment.name, 'utf8') + Buffer.byteLength(attachment.contentType, 'utf8');

const composerAttachment = (attachment: OutgoingAttachment): MailComposerAttachment => {
  const content: Buffer | Readable = isInMemory(attachment)
    ? Buffer.from(attachment.bytes.buffer, attachment.bytes.byteOffset, attachment.bytes.byteLength)
    : streamed(attachment.open);
  return {
    filename: attachment.name,
    contentType: attachment.contentType,
    content,
    contentTransferEncoding: 'base64',
    ...(attachment.isInline === true && attachment.contentId !== undefined
      ? { cid: attachment.contentId, contentDisposition: 'inline' }
      : {}),
  };
};

/** A Readable that opens the source only when MailComposer first reads it, so nothing is fetched before sending. */
const streamed = (open: () => Promise<AsyncIterable<Uint8Array>>): Readable =>
  Readable.from(
    (async function* pieces() {
      for await (const piece of await open()) yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    })(),
  );

const composer = (input: MimeMessageInput, withAttachments: boolean): MailComposer => {
  const { sender, message, threading } = input;
  return new MailComposer({
    from: sender.displayName === undefined ? sender.address : { name: sender.displayName, address: sender.address },
    to: [...message.to],
    ...(message.cc === undefined || message.cc.length === 0 ? {} : { cc: [...message.cc] }),
    ...(message.bcc === undefined || message.bcc.length === 0 ? {} : { bcc: [...message.bcc] }),
    ...(message.replyTo === undefined || message.replyTo.length === 0 ? {} : { replyTo: [...message.replyTo] }),
    subject: message.subject,
    ...(message.internetMessageId === undefined ? {} : { messageId: message.internetMessageId }),
    ...(threading?.inReplyTo === undefined ? {} : { inReplyTo: threading.inReplyTo }),
    ...(threading?.references === undefined || threading.references.length === 0
      ? {}
      : { references: [...threading.references] }),
    date: input.date,
    // The app sends HTML only; MailComposer makes no text part of its own.
    html: message.html,
    headers: (message.headers ?? []).map(({ name, value }) => ({ key: name, value })),
    ...(withAttachments && message.attachments !== undefined && message.attachments.length > 0
      ? { attachments: message.attachments.map(composerAttachment) }
      : {}),
    xMailer: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
};

const compiled = (input: MimeMessageInput, withAttachments = true) => {
  const node = composer(input, withAttachments).compile();
  node.keepBcc = true;
  return node;
};

/** The whole message in memory: for a message small enough for one request. */
export const buildMimeMessage = (input: MimeMessageInput): Promise<Buffer> => compiled(input).build();

/** The message as a stream: streamed attachments are read piece by piece while it is read. */
export const mimeMessageStream = (input: MimeMessageInput): Readable => compiled(input).createReadStream();

/**
 * How big the message will be, without reading any attachment: the message without attachments is built (it is
 * small), and each attachment adds its base64 with line breaks and room for its part headers. An estimate a little
 * over the truth; the exact size is known only once the stream has ended.
 */
export const estimateMimeBytes = async (input: MimeMessageInput): Promise<number> => {
  const skeleton = await compiled(input, false).build();
  const attachments = input.message.attachments ?? [];
  return attachments.reduce(
    (sum, attachment) =>
      sum +
      partHeaderBytes(attachment) +
      base64WithLineBreaks(isInMemory(attachment) ? attachment.bytes.byteLength : attachment.size),
    // A message with attachments gets a multipart/mixed wrapper (and related for inline ones): two boundaries more.
    skeleton.byteLength + (attachments.length > 0 ? 600 : 0),
  );
};
