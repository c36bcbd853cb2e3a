import { load } from '../../templates/cheerio-slim.cjs';

/**
 * Containers in which well-known mail clients put the quoted history or the signature. Each is removed with its
 * content; the text pass after conversion (planer, email-reply-parser) catches what is left (Outlook desktop's
 * "From: … Sent: …" block, attribution lines).
 */
const QUOTE_CONTAINERS = [
  // Gmail: the attribution line and the quote, and its signature block.
  '.gmail_quote',
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  // Apple Mail and Thunderbird quote in <blockquote type="cite">; Thunderbird's attribution line.
  'blockquote[type="cite"]',
  '.moz-cite-prefix',
  // Yahoo.
  '.yahoo_quoted',
  // Outlook on the web and new Outlook: the signature block; Outlook for Mac: the quoted message.
  '#Signature',
  '#OLK_SRC_BODY_SECTION',
];

/**
 * Microsoft clients start the quoted history with these; everything from there on is history. Outlook on the web
 * marks it with ids; Outlook 2007+, Outlook for Android and Windows Mail with the header block's exact style
 * (the selectors planer's HTML mode uses, lever/planer src/htmlPlaner.coffee).
 */
const HISTORY_STARTS = [
  '#appendonsend',
  '#divRplyFwdMsg',
  "div[style='border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm']",
  "div[style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm']",
  "div[style='padding-top: 5px; border-top-color: rgb(229, 229, 229); border-top-width: 1px; border-top-style: solid;']",
];

/**
 * The HTML body without the quoted history and signature containers of well-known clients: what is inside
 * `<body>`, as HTML. Scripts and styles are left for the sanitizer, which drops them.
 */
export const dropQuoteContainers = (html: string): string => {
  const $ = load(html);
  $(QUOTE_CONTAINERS.join(',')).remove();
  for (const selector of HISTORY_STARTS) {
    const start = $(selector).first();
    if (start.length === 0) continue;
    // The <hr> Outlook puts before the header belongs to the history too.
    start.prevAll('hr').remove();
    // The history follows it, in its own parent and in every enclosing one.
    for (let node = start; node.length > 0 && !node.is('body'); node = node.parent()) node.nextAll().remove();
    start.remove();
  }
  // htmlparser2 (cheerio/slim) makes no <body> for a fragment.
  const body = $('body');
  return (body.length > 0 ? body.html() : $.root().html()) ?? '';
};
