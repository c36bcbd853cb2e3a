/**
 * The part of the Atlassian Document Format the incoming content uses, loosely typed: a node's attributes and
 * marks are plain data (the ADF JSON schema, @atlaskit/adf-schema json-schema/v1/full.json, checks them in tests).
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: AdfMark[];
  text?: string;
}

export interface AdfDoc {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

/**
 * Where an inline (`cid:`) image of the mail stood: not ADF. The worker uploads the attachment whose `contentId`
 * matches, then resolveInlineImages (inline-images.ts) puts a media node in its place.
 */
export interface InlineImagePlaceholder {
  type: 'inlineImagePlaceholder';
  attrs: { contentId: string; alt: string };
}

/** A node of the converted content: ADF, or (only as a block) an inline image still to upload. */
export type ContentNode = (AdfNode & { content?: ContentNode[] }) | InlineImagePlaceholder;

/** ADF with inline-image placeholders among its blocks. */
export interface ContentDoc {
  version: 1;
  type: 'doc';
  content: ContentNode[];
}

export const isPlaceholder = (node: ContentNode): node is InlineImagePlaceholder =>
  node.type === 'inlineImagePlaceholder';
