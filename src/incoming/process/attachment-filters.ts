import type { IncomingAttachment } from '../../mail-model/incoming-message';

/**
 * Which attachments of a message go to the issue. The handler's contract (src/contract/mail-handlers.ts) has no
 * attachment settings yet, so each filter has a default here, which the composition root may override.
 */
export interface AttachmentFilters {
  /** Larger ones are left out (and a download that turns out larger is stopped). */
  maxBytes: number;
  /** File names left out, compared without case: signatures and wrappers no one opens. */
  skipNames: readonly string[];
  /** An inline image smaller than this is a signature logo, a social icon or a tracking pixel: left out. */
  tinyInlineImageBytes: number;
}

/**
 * 25 MB: what Outlook and Exchange Online let a message carry by default (Exchange Online limits, "Message size
 * limits": 25 MB for Outlook on the web, 35 MB default maximum send/receive size
 * https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits).
 * smime.p7s is an S/MIME signature, winmail.dat Outlook's TNEF wrapper (its content is unreadable outside Outlook).
 */
export const DEFAULT_ATTACHMENT_FILTERS: AttachmentFilters = {
  maxBytes: 25 * 1024 * 1024,
  skipNames: ['smime.p7s', 'smime.p7m', 'winmail.dat'],
  tinyInlineImageBytes: 4 * 1024,
};

export type SkipReason =
  'too-large' | 'skipped-name' | 'tiny-inline-image' | 'not-shown-inline' | 'no-bytes' | 'duplicate' | 'gone';

export interface AttachmentChoice {
  attachment: IncomingAttachment;
  /** Shown in place by the content (a `cid:` image of the new part). */
  inline: boolean;
}

const isImage = (attachment: IncomingAttachment): boolean =>
  (attachment.contentType ?? '').toLowerCase().startsWith('image/');

/**
 * Why an attachment is left out, or undefined to take it. Inline images the new part does not show (they belonged
 * to the quoted history or the signature) are left out; so are cloud links (no bytes to copy).
 */
export const skipReason = (choice: AttachmentChoice, filters: AttachmentFilters): SkipReason | undefined => {
  const { attachment } = choice;
  if (attachment.kind === 'reference' || attachment.kind === 'unknown') return 'no-bytes';
  // Outlook marks every attachment of an RTF mail inline: only images are taken for pictures in the text.
  if (attachment.isInline && isImage(attachment) && !choice.inline) return 'not-shown-inline';
  const size = attachment.size ?? 0;
  if (size > filters.maxBytes) return 'too-large';
  const name = (attachment.name ?? '').trim().toLowerCase();
  if (filters.skipNames.some((skipped) => skipped.toLowerCase() === name)) return 'skipped-name';
  if (attachment.isInline && isImage(attachment) && size < filters.tinyInlineImageBytes) return 'tiny-inline-image';
  return undefined;
};
