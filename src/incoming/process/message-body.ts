import type { IncomingAttachment, IncomingMessage } from '../../mail-model/incoming-message';
import type { AdfDoc, ContentDoc } from '../content/adf';
import { authorHeading } from '../content/author-heading';
import { inlineImageAttachments } from '../content/inline-attachments';
import { type InlineImageLookup, resolveInlineImages } from '../content/inline-images';
import { extractMessageContent } from '../content/message-content';
import type { ContentMessage } from '../message';

export interface PreparedContent {
  /** The new part, inline images still placeholders. */
  content: ContentDoc;
  /** Every attachment of the message (none listed when it has neither attachments nor inline images). */
  attachments: IncomingAttachment[];
  /** Content id -> the attachment each inline image of the new part shows. */
  inline: Map<string, IncomingAttachment>;
}

const EMPTY_BODY = { contentType: 'text', content: '' } as const;

/** The message as the content functions read it (src/incoming/message.ts). */
const asContent = (message: IncomingMessage): Pick<ContentMessage, 'from' | 'receivedDateTime'> => ({
  from: message.from === undefined ? null : { name: message.from.name ?? null, address: message.from.address ?? null },
  receivedDateTime: message.receivedDateTime ?? null,
});

/**
 * The new part of the message (quotes and signature removed), its attachments, and which of them its inline images
 * show. Attachments are listed only when there can be some: the message's `hasAttachments` leaves inline images out, so
 * a message whose new part shows one is listed too.
 */
export const prepareContent = async (
  message: IncomingMessage,
  listAttachments: () => Promise<IncomingAttachment[]>,
): Promise<PreparedContent> => {
  const extracted = await extractMessageContent({
    body: message.body ?? EMPTY_BODY,
    uniqueBody: message.uniqueBody ?? null,
  });
  const attachments =
    message.hasAttachments || extracted.inlineImageContentIds.length > 0 ? await listAttachments() : [];
  const withContentIds = attachments.map((attachment) => ({
    ...attachment,
    contentId: attachment.contentId ?? null,
    name: attachment.name ?? '',
    contentType: attachment.contentType ?? null,
    size: attachment.size ?? 0,
    source: attachment,
  }));
  const inline = new Map<string, IncomingAttachment>();
  for (const { contentId, attachment } of inlineImageAttachments(extracted.inlineImageContentIds, withContentIds))
    inline.set(contentId, attachment.source);
  return { content: extracted.doc, attachments, inline };
};

/**
 * The comment or description: first who wrote it and when (the sender's name and address, so they stay on the
 * issue whoever its reporter is), then the new part with each inline image shown from its upload (or its alt text).
 * Received time, since the incoming message has no sent time.
 */
export const composeBody = (
  message: IncomingMessage,
  content: ContentDoc,
  lookup: InlineImageLookup,
  timeZone: string | undefined,
): AdfDoc => {
  const heading = authorHeading(asContent(message), timeZone === undefined ? {} : { timeZone });
  const resolved = resolveInlineImages(content, lookup);
  return { version: 1, type: 'doc', content: [heading, ...resolved.content] };
};
