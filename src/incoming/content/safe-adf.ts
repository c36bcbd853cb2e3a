import type { AdfDoc, AdfMark, AdfNode, ContentDoc, ContentNode } from './adf';

/**
 * The nodes the HTML conversion may leave (what marklassian emits for the markdown turndown writes); any other node
 * is dropped with its content, so nothing unexpected (cards with URLs, extensions) reaches Jira.
 */
const ALLOWED_NODES = new Set([
  'paragraph',
  'text',
  'hardBreak',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'blockquote',
  'codeBlock',
  'rule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'mediaSingle',
  'media',
]);

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Link marks keep only absolute http(s) and mailto URLs (the ADF schema accepts any string, `javascript:` too). */
export const isSafeHref = (href: unknown): boolean => {
  if (typeof href !== 'string') return false;
  try {
    return SAFE_PROTOCOLS.has(new URL(href.trim()).protocol);
  } catch {
    return false;
  }
};

const safeMarks = (marks: readonly AdfMark[]): AdfMark[] =>
  marks.filter((mark) => mark.type !== 'link' || isSafeHref(mark.attrs?.['href']));

/** How a `cid:` image reference in the converted markdown is read back into the content id. */
export type InlineImageSource = (url: string) => string | undefined;

const inlineImageOf = (node: AdfNode, inlineImage: InlineImageSource): ContentNode | undefined => {
  const media = node.content?.find((child) => child.type === 'media');
  const url = media?.attrs?.['url'];
  if (media?.attrs?.['type'] !== 'external' || typeof url !== 'string') return undefined;
  const contentId = inlineImage(url);
  if (contentId === undefined) return undefined;
  const alt = typeof media.attrs['alt'] === 'string' ? media.attrs['alt'] : '';
  return { type: 'inlineImagePlaceholder', attrs: { contentId, alt } };
};

const safeNode = (node: AdfNode, inlineImage: InlineImageSource): ContentNode | undefined => {
  if (!ALLOWED_NODES.has(node.type)) return undefined;
  // Remote images (tracking pixels) go; inline images become placeholders for the worker to upload.
  if (node.type === 'mediaSingle') return inlineImageOf(node, inlineImage);
  if (node.type === 'media') return undefined;
  const safe: AdfNode & { content?: ContentNode[] } = { ...node };
  if (node.marks !== undefined) {
    const marks = safeMarks(node.marks);
    if (marks.length > 0) safe.marks = marks;
    else delete safe.marks;
  }
  if (node.content !== undefined) {
    safe.content = node.content.flatMap((child) => safeNode(child, inlineImage) ?? []);
    // A block that held only what was dropped (a list item of a remote image) goes too.
    if (safe.content.length === 0 && node.content.length > 0 && node.type !== 'paragraph') return undefined;
  }
  return safe;
};

/**
 * The last pass over converted HTML: only known nodes, link marks only to http(s)/mailto, no remote media, inline
 * (`cid:`) images as placeholders. A tiny walker rather than @atlaskit/adf-utils (36 packages) for a few lines.
 */
export const safeContent = (doc: AdfDoc, inlineImage: InlineImageSource): ContentDoc => ({
  version: 1,
  type: 'doc',
  content: doc.content.flatMap((node) => safeNode(node, inlineImage) ?? []),
});
