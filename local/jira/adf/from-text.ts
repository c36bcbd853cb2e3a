import type { AdfDoc, AdfNode } from './types';

/**
 * A v2 comment body (wiki markup) stored as ADF. Markup is kept as literal text: paragraphs split on blank
 * lines, single line breaks become hard breaks.
 */
export const textToAdf = (text: string): AdfDoc => {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk): AdfNode => {
      const content: AdfNode[] = [];
      chunk.split('\n').forEach((line, index) => {
        if (index > 0) content.push({ type: 'hardBreak' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    });
  return { type: 'doc', version: 1, content: paragraphs };
};
