import { FilterXSS, type IWhiteList } from 'xss';
import { escapeHtml } from './html-escape';

/** Formatting, links, lists, code and tables survive; scripts, styles, forms, images and event handlers do not. */
const ALLOWED: IWhiteList = {
  a: ['href', 'title'],
  p: [],
  br: [],
  hr: [],
  div: [],
  span: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  del: [],
  ins: [],
  sub: [],
  sup: [],
  small: [],
  code: [],
  tt: [],
  pre: [],
  blockquote: [],
  cite: [],
  ul: [],
  ol: ['start'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

/** Email clients ignore stylesheets, so the few tags that need a look get it inline. */
const INLINE_STYLES: Readonly<Record<string, string>> = {
  table: 'border-collapse:collapse;margin:8px 0;',
  th: 'border:1px solid #dfe1e6;padding:6px 8px;background-color:#f4f5f7;text-align:left;',
  td: 'border:1px solid #dfe1e6;padding:6px 8px;vertical-align:top;',
  pre: 'background-color:#f4f5f7;padding:8px 12px;border-radius:3px;white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:13px;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:13px;',
  blockquote: 'margin:8px 0;padding-left:12px;border-left:3px solid #dfe1e6;color:#5e6c84;',
  a: 'color:#0052cc;',
};
const STYLED_TAG = new RegExp(`<(${Object.keys(INLINE_STYLES).join('|')})(?=[\\s>])`, 'g');

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Attribute values arrive as written in HTML; the URL parser needs the characters they stand for. */
const decodeEntities = (value: string): string =>
  value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });

/** Absolute http(s) or mailto links only; Jira's relative links point at the site. */
const safeHref = (value: string, siteUrl: string): string | undefined => {
  try {
    const url = new URL(decodeEntities(value).trim(), `${siteUrl}/`);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Jira's rendered description HTML, made safe to embed in an email: allow-listed tags and attributes only
 * (js-xss), links made absolute against the site, inline styles added where email clients need them.
 */
export const sanitizeDescription = (html: string, siteUrl: string): string => {
  const filter = new FilterXSS({
    whiteList: ALLOWED,
    stripIgnoreTag: true,
    // Only tags whose content is never text; js-xss mis-strips nested bodies, and other tags' text is harmless.
    stripIgnoreTagBody: ['script', 'style'],
    allowCommentTag: false,
    css: false,
    onTagAttr: (tag, name, value) => {
      if (tag === 'a' && name === 'href') {
        const href = safeHref(value, siteUrl);
        return href === undefined ? '' : `href="${escapeHtml(href)}"`;
      }
      if (name === 'colspan' || name === 'rowspan' || name === 'start') {
        return /^\d{1,3}$/.test(value) ? `${name}="${value}"` : '';
      }
      return undefined;
    },
  });
  return filter.process(html).replace(STYLED_TAG, (match, tag: string) => `${match} style="${INLINE_STYLES[tag] ?? ''}"`);
};
