import { z } from 'zod';

import type { AdfDoc, AdfNode } from './types';

/** Node and mark types of the published ADF schema that Jira accepts in comments. */
const NODE_TYPES = [
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'rule',
  'hardBreak',
  'mention',
  'emoji',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'panel',
  'mediaSingle',
  'mediaGroup',
  'media',
  'inlineCard',
  'blockCard',
  'date',
  'status',
  'expand',
  'nestedExpand',
  'taskList',
  'taskItem',
  'decisionList',
  'decisionItem',
  'mediaInline',
  'embedCard',
  'layoutSection',
  'layoutColumn',
] as const;

const MARK_TYPES = [
  'strong',
  'em',
  'code',
  'strike',
  'underline',
  'link',
  'subsup',
  'textColor',
  'backgroundColor',
  'border',
] as const;

const markSchema = z.object({ type: z.enum(MARK_TYPES), attrs: z.record(z.string(), z.unknown()).optional() }).strict();

const nodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z
    .object({
      type: z.enum(NODE_TYPES),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(nodeSchema).optional(),
      text: z.string().min(1).optional(),
      marks: z.array(markSchema).optional(),
    })
    .strict()
    .refine((node) => (node.type === 'text') === (node.text !== undefined), {
      message: 'text nodes carry text, and only text nodes do',
    }),
);

const docSchema = z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(nodeSchema) }).strict();

/** Leaves that show something; a document of only empty paragraphs is an empty comment to Jira. */
const VISIBLE_LEAVES = new Set([
  'text',
  'mention',
  'emoji',
  'media',
  'mediaInline',
  'inlineCard',
  'blockCard',
  'rule',
  'date',
  'status',
]);

const hasVisibleContent = (nodes: readonly AdfNode[]): boolean =>
  nodes.some((node) => VISIBLE_LEAVES.has(node.type) || hasVisibleContent(node.content ?? []));

export type AdfCheck = { ok: true; doc: AdfDoc } | { ok: false; reason: 'invalid' | 'empty' };

/** Checks a comment body as Jira does: a well-formed ADF document with something in it. */
export const checkAdfDocument = (value: unknown): AdfCheck => {
  const parsed = docSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const doc: AdfDoc = parsed.data;
  return hasVisibleContent(doc.content) ? { ok: true, doc } : { ok: false, reason: 'empty' };
};
