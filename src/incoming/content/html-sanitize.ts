import { FilterXSS, friendlyAttrValue, type IWhiteList, parseAttr } from 'xss';

import { escapeHtml } from '../../shared/html-escape';
import { isSafeHref } from './safe-adf';

/** Tags that carry text or structure the conversion keeps; attributes only where named. */
const PLAIN_TAGS = [
  ...['p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code', 'tt'],
  ...['strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup'],
  ...['ul', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption'],
];

/**
 * The allow-list approach of src/templates/sanitize-jira-html.ts (js-xss: listed tags and attributes only, script
 * and style bodies stripped), with mail's own rules for links and images below.
 */
const ALLOWED: IWhiteList = {
  ...Object.fromEntries(PLAIN_TAGS.map((tag) => [tag, []])),
  ol: ['start'],
  a: ['href'],
};

/** `src="cid:…"`: an inline image of the mail (its attachment's contentId). Remote images are tracking pixels. */
const CID = /^cid:(\S+)$/i;

const attributesOf = (tagHtml: string): Map<string, string> => {
  const attributes = new Map<string, string>();
  const space = tagHtml.search(/\s/);
  const inner = space === -1 ? '' : tagHtml.slice(space + 1, -1).replace(/\/\s*$/, '');
  parseAttr(inner, (name, value) => {
    if (!attributes.has(name)) attributes.set(name, value);
    return '';
  });
  return attributes;
};

/** `<img src="cid:…" alt="…">` for an inline image, nothing for any other. */
const inlineImage = (tagHtml: string): string => {
  const attributes = attributesOf(tagHtml);
  const contentId = CID.exec(attributes.get('src')?.trim() ?? '')?.[1];
  if (contentId === undefined) return '';
  return `<img src="cid:${escapeHtml(contentId)}" alt="${escapeHtml(attributes.get('alt') ?? '')}">`;
};

/**
 * Mail HTML reduced to harmless structure: no scripts, styles, handlers, iframes, forms or comments; links only to
 * http(s)/mailto; images only inline (`cid:`) ones. Graph already removes "potentially unsafe HTML" from bodies
 * by default (graph-inbound.md §3), but the app does not rely on that.
 */
export const sanitizeMailHtml = (html: string): string =>
  new FilterXSS({
    whiteList: ALLOWED,
    stripIgnoreTag: true,
    // Only tags whose content is never text: js-xss mis-strips nested bodies (see sanitize-jira-html.ts).
    stripIgnoreTagBody: ['script', 'style', 'title'],
    allowCommentTag: false,
    css: false,
    onTag: (tag, tagHtml, info) => {
      if (tag !== 'img') return undefined;
      return info.isClosing ? '' : inlineImage(tagHtml);
    },
    onTagAttr: (tag, name, value) => {
      if (tag === 'a' && name === 'href') {
        // As written in HTML: numeric entities (js-xss decodes them) and `&amp;` stand for their characters.
        const href = friendlyAttrValue(value).replace(/&amp;/gi, '&').trim();
        return isSafeHref(href) ? `href="${escapeHtml(href)}"` : '';
      }
      if (tag === 'ol' && name === 'start') return /^\d{1,4}$/.test(value) ? `start="${value}"` : '';
      return undefined;
    },
  }).process(html);
