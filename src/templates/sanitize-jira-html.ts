import { FilterXSS, type IWhiteList, parseAttr } from 'xss';

import { escapeHtml } from '../shared/html-escape';

/** Formatting, links, lists, code, tables and (see below) images survive; scripts, styles, forms and handlers do not. */
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

/** The card's content width in the built-in template: wider images would push Outlook's layout apart. */
export const MAX_IMAGE_WIDTH = 592;

/** Where Jira serves an attachment's bytes or thumbnail; the id is the attachment's. */
const ATTACHMENT_PATHS: readonly RegExp[] = [
  /^\/rest\/api\/[23]\/attachment\/(?:content|thumbnail)\/([0-9]{1,18})\/?$/,
  /^\/secure\/(?:attachment|thumbnail)\/([0-9]{1,18})(?:\/|$)/,
];

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Attribute values arrive as written in HTML; the URL parser needs the characters they stand for. */
const decodeEntities = (value: string): string =>
  value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });

const parseUrl = (value: string, siteUrl: string): URL | undefined => {
  try {
    return new URL(decodeEntities(value).trim(), `${siteUrl.replace(/\/+$/, '')}/`);
  } catch {
    return undefined;
  }
};

/** Absolute http(s) or mailto links only; Jira's relative links point at the site. */
const safeHref = (value: string, siteUrl: string): string | undefined => {
  const url = parseUrl(value, siteUrl);
  return url !== undefined && ['https:', 'http:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
};

const originOf = (siteUrl: string): string | undefined => {
  try {
    return new URL(siteUrl).origin;
  } catch {
    return undefined;
  }
};

/** The attachment id of a URL that serves a Jira attachment. */
const attachmentIdOf = (url: URL): string | undefined => {
  for (const pattern of ATTACHMENT_PATHS) {
    const id = pattern.exec(url.pathname)?.[1];
    if (id !== undefined) return id;
  }
  return undefined;
};

export interface SanitizeOptions {
  /** The Jira site, e.g. `https://example.atlassian.net`: relative links resolve against it. */
  siteUrl: string;
  /** The content id when that Jira attachment is embedded in the email; undefined drops its image. */
  inlineImage?: (attachmentId: string) => string | undefined;
  /** Told each attachment id an image points at, whether embedded or not. */
  onAttachmentImage?: (attachmentId: string) => void;
}

/**
 * Where an image may point: an embedded attachment of the site (`cid:`), or a remote https image. Anything else
 * on a Jira site needs a login the recipient may not have, and anything not https is a tracking or mixed-content
 * risk: no image rather than a broken one.
 */
const imageSource = (src: string, options: SanitizeOptions): string | undefined => {
  const url = parseUrl(src, options.siteUrl);
  if (url === undefined) return undefined;
  const attachmentId = attachmentIdOf(url);
  if (url.origin === originOf(options.siteUrl)) {
    if (attachmentId === undefined) return undefined;
    options.onAttachmentImage?.(attachmentId);
    const contentId = options.inlineImage?.(attachmentId);
    return contentId === undefined || contentId === '' ? undefined : `cid:${contentId}`;
  }
  return url.protocol === 'https:' && attachmentId === undefined ? url.href : undefined;
};

const dimension = (value: string | undefined): number | undefined =>
  value !== undefined && /^[0-9]{1,5}$/.test(value.trim()) && Number(value) > 0 ? Number(value) : undefined;

/** `<img …>` rebuilt from its src, alt, width and height; the empty string when it may not stay. */
const sanitizeImage = (tagHtml: string, options: SanitizeOptions): string => {
  const attributes = new Map<string, string>();
  const space = tagHtml.search(/\s/);
  const inner = space === -1 ? '' : tagHtml.slice(space + 1, -1).replace(/\/\s*$/, '');
  parseAttr(inner, (name, value) => {
    if (!attributes.has(name)) attributes.set(name, value);
    return '';
  });
  const src = attributes.get('src');
  const source = src === undefined ? undefined : imageSource(src, options);
  if (source === undefined) return '';

  let width = dimension(attributes.get('width'));
  let height = dimension(attributes.get('height'));
  if (width !== undefined && width > MAX_IMAGE_WIDTH) {
    height = height === undefined ? undefined : Math.round((height * MAX_IMAGE_WIDTH) / width);
    width = MAX_IMAGE_WIDTH;
  }
  const alt = decodeEntities(attributes.get('alt') ?? '');
  return (
    `<img src="${escapeHtml(source)}" alt="${escapeHtml(alt)}"` +
    (width === undefined ? '' : ` width="${width}"`) +
    (height === undefined ? '' : ` height="${height}"`) +
    '>'
  );
};

/**
 * Jira's rendered HTML (a description, a comment), made safe to embed in an email: allow-listed tags and
 * attributes only (js-xss), links made absolute against the site, images kept only where they will show.
 * No styles: the template's stylesheet gives rich text its look.
 */
export const sanitizeJiraHtml = (html: string, options: SanitizeOptions): string => {
  const filter = new FilterXSS({
    whiteList: ALLOWED,
    stripIgnoreTag: true,
    // Only tags whose content is never text; js-xss mis-strips nested bodies, and other tags' text is harmless.
    stripIgnoreTagBody: ['script', 'style'],
    allowCommentTag: false,
    css: false,
    onTag: (tag, tagHtml, info) => {
      if (tag !== 'img') return undefined;
      return info.isClosing ? '' : sanitizeImage(tagHtml, options);
    },
    onTagAttr: (tag, name, value) => {
      if (tag === 'a' && name === 'href') {
        const href = safeHref(value, options.siteUrl);
        return href === undefined ? '' : `href="${escapeHtml(href)}"`;
      }
      if (name === 'colspan' || name === 'rowspan' || name === 'start') {
        return /^\d{1,3}$/.test(value) ? `${name}="${value}"` : '';
      }
      return undefined;
    },
  });
  return filter.process(html);
};

/**
 * The ids of the site's attachments that images in `html` show, in order of first appearance: the caller fetches
 * these to embed them, and passes their content ids back as `inlineImage`.
 */
export const findAttachmentImageIds = (html: string, siteUrl: string): string[] => {
  const ids = new Set<string>();
  sanitizeJiraHtml(html, { siteUrl, onAttachmentImage: (id) => ids.add(id) });
  return [...ids];
};
