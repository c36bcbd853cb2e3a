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
  // Outlook on the web and new Outlook: the signature block.
  '#Signature',
];

/** Outlook on the web starts the quoted history with these; everything from there on is history. */
const HISTORY_STARTS = ['#appendonsend', '#divRplyFwdMsg'];

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
