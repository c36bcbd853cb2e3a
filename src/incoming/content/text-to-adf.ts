import type { AdfDoc, AdfNode } from './adf';

const paragraph = (lines: readonly string[]): AdfNode => ({
  type: 'paragraph',
  content: lines.flatMap((line, index): AdfNode[] => {
    const text: AdfNode[] = line === '' ? [] : [{ type: 'text', text: line }];
    return index === 0 ? text : [{ type: 'hardBreak' }, ...text];
  }),
});

/**
 * A plain-text body as ADF: a paragraph per block of lines (blank lines separate them), each line break a
 * hardBreak. Text only, so no marks, links or media can come from it. Empty text is a document without content.
 */
export const textToAdf = (text: string): AdfDoc => {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '')
    .map((block) => paragraph(block.split('\n').map((line) => line.replace(/[ \t]+$/, ''))));
  return { version: 1, type: 'doc', content: blocks };
};
