import { markdownToAdf } from 'marklassian';

import type { AdfDoc, ContentDoc } from './adf';
import { dropQuoteContainers } from './html-quotes';
import { sanitizeMailHtml } from './html-sanitize';
import { htmlToMarkdown, INLINE_IMAGE_URL } from './html-to-markdown';
import { extractMarkdownReply } from './markdown-reply';
import { safeContent } from './safe-adf';

export interface HtmlReply {
  /** ADF with inline-image placeholders (resolveInlineImages makes it Jira's). */
  doc: ContentDoc;
  /** The new part as markdown: its length says how much is left, e.g. to compare with uniqueBody's. */
  markdown: string;
}

/**
 * The new part of an HTML reply, as safe ADF. Well-kept libraries only (talonjs, the one JS library that passed
 * talon's HTML corpus, is unmaintained and pins vulnerable packages: notes/i15/libraries.md):
 * 1. the quote and signature containers of well-known clients removed (cheerio, html-quotes.ts);
 * 2. js-xss's allow-list (html-sanitize.ts);
 * 3. turndown + GFM to markdown (html-to-markdown.ts);
 * 4. the plain-text reply parsers on the markdown's words (planer, email-reply-parser; markdown-reply.ts): Outlook
 *    desktop's "From: … Sent:" block, attribution lines and signatures that no container marks;
 * 5. marklassian to ADF, then the last pass (safe-adf.ts): link marks http(s)/mailto only, remote media dropped,
 *    `cid:` images as placeholders.
 * This module and its libraries load on first use (load-html-reply.ts): text mail and noise never load them.
 */
export const extractHtmlReply = (html: string): HtmlReply => {
  const converted = htmlToMarkdown(sanitizeMailHtml(dropQuoteContainers(html)));
  const markdown = extractMarkdownReply(converted.markdown);
  const adf: AdfDoc = markdownToAdf(markdown);
  const doc = safeContent(adf, (url) => {
    const index = INLINE_IMAGE_URL.exec(url)?.[1];
    return index === undefined ? undefined : converted.inlineImages[Number(index)];
  });
  return { doc, markdown };
};
