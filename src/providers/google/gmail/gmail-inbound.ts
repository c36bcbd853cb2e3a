import type { Address, Attachment } from 'postal-mime';

import type {
  AttachmentKind,
  IncomingAttachment,
  IncomingMessage,
  MailAddress,
} from '../../../mail-model/incoming-message';
import { loadOnce } from '../../../shared/load-once';
import type { GmailRawMessage } from './gmail-messages';

/*
 * An incoming Gmail message (users.messages.get format=raw) in the shape src/incoming processes, the app's
 * (src/mail-model/incoming-message.ts IncomingMessage and IncomingAttachment): the RFC 822 bytes parsed by
 * postal-mime (MIT-0, no dependencies, https://github.com/postalsys/postal-mime), loaded on first use as
 * src/incoming/noise/delivery-report.ts does. Gmail's thread id stands in for Graph's conversationId, its labels
 * for isRead (UNREAD), its internalDate for receivedDateTime.
 */

const loadPostalMime = loadOnce(
  async () => (await import(/* webpackChunkName: "postal-mime" */ 'postal-mime')).default,
);

/** An attachment with its bytes: the raw message holds them all, so none is fetched again. */
export interface GmailInboundAttachment extends IncomingAttachment {
  bytes: Uint8Array;
}

export interface GmailInbound {
  message: IncomingMessage;
  attachments: GmailInboundAttachment[];
}

const toAddress = (address: Address | undefined): MailAddress | undefined =>
  address === undefined || address.address === undefined
    ? undefined
    : { name: address.name === '' ? undefined : address.name, address: address.address };

/** Groups (`Team: a@x, b@y;`) count as their members. */
const toAddresses = (list: Address[] | undefined): MailAddress[] =>
  (list ?? [])
    .flatMap((entry) => (entry.group === undefined ? [entry] : entry.group))
    .map(toAddress)
    .filter((address): address is MailAddress => address !== undefined);

const bytesOf = (content: Attachment['content']): Uint8Array =>
  typeof content === 'string'
    ? new Uint8Array(Buffer.from(content, 'utf8'))
    : content instanceof Uint8Array
      ? content
      : new Uint8Array(content);

/** An image the HTML shows by `cid:`: postal-mime says `related`, or the part is inline with a Content-ID. */
const isInline = (file: Attachment): boolean =>
  file.related === true || (file.disposition === 'inline' && file.contentId !== undefined);

const kindOf = (file: Attachment): AttachmentKind => (file.mimeType === 'message/rfc822' ? 'item' : 'file');

const toAttachment = (file: Attachment, index: number): GmailInboundAttachment => {
  const bytes = bytesOf(file.content);
  return {
    id: String(index),
    kind: kindOf(file),
    name: file.filename ?? undefined,
    contentType: file.mimeType,
    size: bytes.byteLength,
    isInline: isInline(file),
    contentId: file.contentId?.trim().replace(/^<(.*)>$/, '$1'),
    bytes,
  };
};

/** The message and its attachments, from Gmail's raw message. */
export const parseGmailInbound = async (gmail: GmailRawMessage): Promise<GmailInbound> => {
  const PostalMime = await loadPostalMime();
  const email = await PostalMime.parse(gmail.raw, { attachmentEncoding: 'arraybuffer' });
  const attachments = email.attachments.map(toAttachment);
  const body =
    email.html !== undefined
      ? { contentType: 'html' as const, content: email.html }
      : email.text !== undefined
        ? { contentType: 'text' as const, content: email.text }
        : undefined;
  return {
    message: {
      id: gmail.id,
      internetMessageId: email.messageId,
      conversationId: gmail.threadId,
      subject: email.subject,
      from: toAddress(email.from),
      sender: toAddress(email.sender),
      toRecipients: toAddresses(email.to),
      ccRecipients: toAddresses(email.cc),
      replyTo: toAddresses(email.replyTo),
      receivedDateTime: new Date(gmail.internalDate).toISOString(),
      internetMessageHeaders: email.headers.map((header) => ({ name: header.originalKey, value: header.value })),
      body,
      uniqueBody: undefined,
      hasAttachments: attachments.some((attachment) => !attachment.isInline),
      isRead: !gmail.labelIds.includes('UNREAD'),
    },
    attachments,
  };
};
