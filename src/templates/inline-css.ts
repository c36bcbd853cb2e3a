import makeJuiceClient from 'juice/lib/inline';

import { load } from './cheerio-slim.cjs';
import { checkInlineBounds } from './inline-bounds';

/*
 * juice's main entry loads full cheerio, whose parse5 and fetch support (undici, iconv-lite) would triple the
 * Forge bundle. juice's core takes any cheerio document, so it gets cheerio/slim's (htmlparser2 only).
 */
const juice = makeJuiceClient({});

const OPTIONS = {
  removeStyleTags: true,
  // Phones need the @media rules, which cannot be inlined: juice keeps them in a <style> of their own.
  preserveMediaQueries: true,
  preserveFontFaces: true,
  preserveImportant: true,
  preservePseudos: false,
  applyWidthAttributes: true,
  applyHeightAttributes: true,
  // background-color → bgcolor, text-align → align, vertical-align → valign: what Outlook's Word engine reads.
  applyAttributesTableElements: true,
  resolveCSSVariables: true,
} as const;

/**
 * The rendered document with its `<style>` rules moved into style attributes (Gmail and Outlook drop or ignore
 * much of a stylesheet); @media rules stay in a `<style>` in the head. Entities are left as written. Throws
 * TemplateLimitExceeded, before juice starts, for a document juice could take too long over (inline-bounds.ts).
 */
export const inlineCss = (html: string): string => {
  const $ = load(html, { xml: { decodeEntities: false, xmlMode: false } });
  checkInlineBounds($);
  juice.juiceDocument($, OPTIONS);
  return $.html();
};
