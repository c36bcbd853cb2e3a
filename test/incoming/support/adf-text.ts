/** The words of ADF (or content with placeholders) as a reader sees them: blocks on lines of their own. */
interface Node {
  type: string;
  text?: string;
  content?: Node[];
  attrs?: Record<string, unknown>;
}

const INLINE = new Set(['text', 'hardBreak']);

export const adfText = (node: Node): string => {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'inlineImagePlaceholder') return `[cid:${String(node.attrs?.['contentId'])}]`;
  const children = node.content ?? [];
  if (children.every((child) => INLINE.has(child.type))) return children.map(adfText).join('');
  return children.map(adfText).join('\n\n');
};
