import { extractTextReply } from './text-reply';

/**
 * One markdown line as the words a reader sees, for the text parsers: link syntax, bold and escapes removed, the
 * line itself kept (so a line of one is the same line of the other). Outlook's quote header `**From:** Name
 * \[mailto:…\]` must read `From: Name [mailto:…]` for planer to know it.
 */
const plainLine = (line: string): string =>
  line
    .replace(/\[([^\]]{0,500})\]\(mailto:([^)\s]{1,500})\)/g, '$1 <$2>')
    .replace(/\[([^\]]{0,500})\]\([^)\s]{0,2000}\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\\$/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!~|])/g, '$1')
    .replace(/^#{1,6} /, '');

/** Lines that only break (`\`) or only rule (`* * *`) left at a block's or the text's end. */
const tidy = (markdown: string): string =>
  markdown
    .replace(/^\\$/gm, '')
    .replace(/\\\n(?=\n|$)/g, '\n')
    .replace(/\\$/, '')
    .replace(/(?:\n|^)(?:\* \* \*\s*)+$/, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * The new part of a reply written as markdown (converted from HTML): the text parsers (planer, email-reply-parser)
 * read the plain words of each line, and the markdown is cut after the last line of what they keep, so the new
 * part keeps its formatting. What they drop inside it (quoted lines of an inline reply) stays: only the quoted
 * history and signature at the end go.
 */
export const extractMarkdownReply = (markdown: string): string => {
  const lines = markdown.split('\n');
  const plain = lines.map((line) => plainLine(line).trim());
  const kept = extractTextReply(plain.join('\n'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  let last = -1;
  for (const line of kept) {
    const at = plain.indexOf(line, last + 1);
    if (at !== -1) last = at;
  }
  return tidy(lines.slice(0, last + 1).join('\n'));
};
