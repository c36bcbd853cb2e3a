import { type AdfDoc, type AdfNode, type ContentDoc, type ContentNode, isPlaceholder } from './adf';

/**
 * An inline image once the worker has uploaded it to the issue. ADF's media node refers to a file by its Media
 * Services id, not by the Jira attachment id: `attrs: { id: <Media Services ID>, type: 'file', collection }`, and
 * inside a mediaSingle it needs `width` and `height` or it is not displayed
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/media/). Jira gives an attachment's
 * Media Services id as `mediaApiFileId` in its metadata (GET /rest/api/3/attachment/{id}, "File ID of the
 * attachment in Media Store"). The collection Jira files live in is not documented: '' is what Jira's own editor
 * writes for issue attachments [unconfirmed; check against a real site].
 */
export interface UploadedInlineImage {
  mediaId: string;
  collection?: string;
  width?: number;
  height?: number;
}

/** Gives the upload of an inline image by its content id (without `<>`), or undefined when it was not uploaded. */
export type InlineImageLookup = (contentId: string) => UploadedInlineImage | undefined;

/** The content ids of the inline images the content shows, in order, each once: what the worker must upload. */
export const inlineImageContentIds = (doc: ContentDoc): string[] => {
  const ids = new Set<string>();
  const visit = (nodes: readonly ContentNode[]): void => {
    for (const node of nodes) {
      if (isPlaceholder(node)) ids.add(node.attrs.contentId);
      else if (node.content !== undefined) visit(node.content);
    }
  };
  visit(doc.content);
  return [...ids];
};

const mediaSingle = (image: UploadedInlineImage, alt: string): AdfNode => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [
    {
      type: 'media',
      attrs: {
        type: 'file',
        id: image.mediaId,
        collection: image.collection ?? '',
        ...(alt === '' ? {} : { alt }),
        ...(image.width === undefined ? {} : { width: image.width }),
        ...(image.height === undefined ? {} : { height: image.height }),
      },
    },
  ],
});

const resolveNode = (node: ContentNode, lookup: InlineImageLookup): AdfNode | undefined => {
  if (isPlaceholder(node)) {
    const image = lookup(node.attrs.contentId);
    if (image !== undefined) return mediaSingle(image, node.attrs.alt);
    // Not uploaded (filtered out, too big): its alt text says what was there, if it has one.
    return node.attrs.alt === ''
      ? undefined
      : { type: 'paragraph', content: [{ type: 'text', text: `[${node.attrs.alt}]` }] };
  }
  if (node.content === undefined) return node;
  const content = node.content.flatMap((child) => resolveNode(child, lookup) ?? []);
  return content.length === 0 && node.content.length > 0 ? undefined : { ...node, content };
};

/** ADF for Jira: each placeholder replaced by a media node of its uploaded attachment (or its alt text). */
export const resolveInlineImages = (doc: ContentDoc, lookup: InlineImageLookup): AdfDoc => ({
  version: 1,
  type: 'doc',
  content: doc.content.flatMap((node) => resolveNode(node, lookup) ?? []),
});
