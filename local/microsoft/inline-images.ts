import type { StoredMailAttachment } from './types';

/** Image types a browser shows in <img>; anything else an HTML body names by cid: stays a broken image. */
const IMAGE_TYPE = /^image\/(png|jpeg|gif|webp|bmp|avif|svg\+xml)$/i;

/**
 * The attachment an HTML body shows as `cid:<contentId>`. Graph's attachmentItem docs
 * (learn.microsoft.com/graph/api/resources/attachmentitem): contentId is "the CID or Content-Id of the attachment for
 * referencing in case of in-line attachments using <img src="cid:contentId"> tag in HTML messages". RFC 2392 writes
 * the cid: URL %-encoded and without the Content-ID's angle brackets, so both sides are compared that way.
 */
export const inlineImageIndex = (attachments: readonly StoredMailAttachment[], reference: string): number => {
  const wanted = decodeCid(reference);
  return attachments.findIndex(
    (attachment) => isInlineImage(attachment) && stripBrackets(attachment.contentId ?? '') === wanted,
  );
};

export const isInlineImage = (attachment: StoredMailAttachment): boolean =>
  attachment.contentId !== undefined && attachment.contentId !== '' && IMAGE_TYPE.test(attachment.contentType);

const stripBrackets = (id: string) => id.replace(/^<(.*)>$/, '$1');

const decodeCid = (reference: string): string => {
  try {
    return stripBrackets(decodeURIComponent(reference));
  } catch {
    return stripBrackets(reference);
  }
};

/** A cid: reference as HTML writes it in an attribute or a CSS url(): up to a quote, space, bracket or `>`. */
const CID_REFERENCE = /cid:([^\s"'<>()\\]+)/gi;

/**
 * The body with every `cid:` reference to an inline image swapped for `urlOf(index)`; references to nothing known
 * stay as they are (a broken image, as in Outlook). `urlOf` must return a URL that needs no HTML escaping.
 */
export const rewriteCidReferences = (
  body: string,
  attachments: readonly StoredMailAttachment[],
  urlOf: (index: number) => string,
): string =>
  body.replace(CID_REFERENCE, (reference: string, id: string) => {
    const index = inlineImageIndex(attachments, id);
    return index === -1 ? reference : urlOf(index);
  });
