import type { AttachmentOption } from '../contract/issue-email';

/** A file of the issue the email carries: chosen by the sender, shown in the body, or both. */
export interface ComposedAttachment {
  meta: AttachmentOption;
  /**
   * Only shown in the body, never listed as a file (Graph's `isInline`). A file the sender chose stays a listed
   * file even when the body shows it too.
   */
  inline: boolean;
  /** Set when the body shows it: `<img src="cid:{contentId}">`. */
  contentId?: string;
}

/** An image of the description or comments that the body may show, under the content id it would have. */
export interface EmbeddableImage {
  meta: AttachmentOption;
  contentId: string;
}

/** A cid: reference as HTML writes it in an attribute or a CSS url(): up to a quote, space, bracket or `>`. */
const CID_REFERENCE = /cid:([^\s"'<>()\\]+)/gi;

const decodeCid = (reference: string): string => {
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
};

/** The content ids the HTML refers to (RFC 2392 writes them %-encoded in a `cid:` URL). */
export const referencedContentIds = (html: string): Set<string> =>
  new Set([...html.matchAll(CID_REFERENCE)].map(([, id = '']) => decodeCid(id)));

/**
 * What the message carries, decided from the rendered HTML: every file the sender chose, once, in their order;
 * then each image the body really shows (`cid:`) that was not chosen. An image of the description is embeddable
 * whether or not the template shows the description, so only the rendered body tells whether it is needed. Both
 * the dialog's preview and the outbox take their list from here (through compose-issue-email.ts), so the preview
 * lists exactly what is sent.
 */
export const attachmentsToSend = (
  chosen: readonly AttachmentOption[],
  embeddable: readonly EmbeddableImage[],
  html: string,
): ComposedAttachment[] => {
  const shown = referencedContentIds(html);
  const shownById = new Map(
    embeddable.filter((image) => shown.has(image.contentId)).map((image) => [image.meta.id, image] as const),
  );
  const attachments: ComposedAttachment[] = [];
  const seen = new Set<string>();
  for (const meta of chosen) {
    if (seen.has(meta.id)) continue;
    seen.add(meta.id);
    const image = shownById.get(meta.id);
    attachments.push({ meta, inline: false, ...(image === undefined ? {} : { contentId: image.contentId }) });
  }
  for (const image of shownById.values()) {
    if (seen.has(image.meta.id)) continue;
    seen.add(image.meta.id);
    attachments.push({ meta: image.meta, inline: true, contentId: image.contentId });
  }
  return attachments;
};

export const attachmentBytesOf = (attachments: readonly ComposedAttachment[]): number =>
  attachments.reduce((sum, attachment) => sum + attachment.meta.size, 0);
