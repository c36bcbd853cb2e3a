import type { AdfDoc, AdfNode } from './types';

const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock', 'listItem', 'tableRow', 'blockquote', 'panel']);

const textOf = (node: AdfNode): string => {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention') return typeof node.attrs?.text === 'string' ? node.attrs.text : '';
  if (node.type === 'emoji') return typeof node.attrs?.text === 'string' ? node.attrs.text : '';
  const inner = (node.content ?? []).map(textOf).join(node.type === 'tableRow' ? ' | ' : '');
  return BLOCKS.has(node.type) ? `${inner}\n` : inner;
};

/** The words of a document, for JQL text search. */
export const adfToText = (doc: AdfDoc | null): string => (doc ? doc.content.map(textOf).join('').trim() : '');
