import { FilterXSS, friendlyAttrValue, type IWhiteList } from 'xss';

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
  img: ['src', 'alt'],
};

/** `src="cid:…"`: an inline image of the mail (its attachment's contentId). Remote images are tracking pixels. */
const CID = /^cid:\S+$/i;

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
    onTagAttr: (tag, name, value) => {
      if (tag === 'a' && name === 'href') {
        // As written in HTML: numeric entities (js-xss decodes them) and `&amp;` stand for their characters.
        const href = friendlyAttrValue(value).replace(/&amp;/gi, '&').trim();
        return isSafeHref(href) ? `href="${escapeHtml(href)}"` : '';
      }
      // An image keeps only a cid: source; one without (remote, data:) is dropped before conversion (turndown).
      if (tag === 'img' && name === 'src') return CID.test(value.trim()) ? `src="${escapeHtml(value.trim())}"` : '';
      if (tag === 'ol' && name === 'start') return /^\d{1,4}$/.test(value) ? `start="${value}"` : '';
      return undefined;
    },
  }).process(html);
