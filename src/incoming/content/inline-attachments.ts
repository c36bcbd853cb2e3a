import type { AttachmentInfo } from '../message';

export interface InlineImageAttachment<A extends AttachmentInfo = AttachmentInfo> {
  contentId: string;
  attachment: A;
}

/**
 * A Content-ID as a `cid:` URL writes it and as the mail service lists it: no angle brackets, %-escapes decoded
 * (RFC 2392).
 */
const bare = (contentId: string): string => {
  const trimmed = contentId.trim().replace(/^<|>$/g, '');
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
};

/**
 * The attachments the content's inline images show, in the content's order: what the worker uploads and hands
 * back to resolveInlineImages. Matched on `contentId` (listed without `<>`), exactly first, then ignoring
 * case; an image whose attachment is missing is left out (its placeholder then shows its alt text).
 */
export const inlineImageAttachments = <A extends AttachmentInfo>(
  contentIds: readonly string[],
  attachments: readonly A[],
): InlineImageAttachment<A>[] =>
  contentIds.flatMap((contentId) => {
    const wanted = bare(contentId);
    const withIds = attachments.filter((attachment) => typeof attachment.contentId === 'string');
    const attachment =
      withIds.find((candidate) => bare(candidate.contentId!) === wanted) ??
      withIds.find((candidate) => bare(candidate.contentId!).toLowerCase() === wanted.toLowerCase());
    return attachment === undefined ? [] : [{ contentId, attachment }];
  });
