import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

export interface MarkdownWithImages {
  markdown: string;
  /** The content ids of the inline images, in order: the markdown refers to each as `cid:<index>`. */
  inlineImages: string[];
}

/** `cid:<index>` in the markdown: content ids may hold characters a markdown link destination would mangle. */
export const INLINE_IMAGE_URL = /^cid:(\d{1,4})$/;

/**
 * Sanitized mail HTML (html-sanitize.ts) as markdown: turndown with the GitHub-flavoured plugin (Joplin's
 * maintained fork) for tables, strikethrough and task lists. A thematic break is written `* * *`, not `---`:
 * email-reply-parser takes a line of dashes for a signature separator and would drop what follows.
 */
export const htmlToMarkdown = (html: string): MarkdownWithImages => {
  const inlineImages: string[] = [];
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    hr: '* * *',
    emDelimiter: '_',
    // A backslash, not two spaces, before the newline: the reply parsers trim trailing spaces.
    br: '\\',
  });
  turndown.use(gfm);
  turndown.addRule('inlineImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const element = node;
      const contentId = /^cid:(.+)$/i.exec(element.getAttribute('src') ?? '')?.[1];
      if (contentId === undefined) return '';
      const index = inlineImages.push(contentId) - 1;
      const alt = (element.getAttribute('alt') ?? '').replace(/[[\]\\]/g, '');
      // A block of its own: marklassian makes a mediaSingle of an image paragraph.
      return `\n\n![${alt}](cid:${index})\n\n`;
    },
  });
  const markdown = turndown
    .turndown(html)
    // Outlook's empty paragraphs (&nbsp;) become lines of no-break spaces: blank lines.
    .replace(/^[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, inlineImages };
};
