/*
 * cheerio/slim through `require`, so that bundlers take its CommonJS build, and with it the CommonJS builds of
 * htmlparser2, dom-serializer and entities. juice's core (juice/lib/inline) requires `entities` too: imported
 * (`import ... from 'cheerio/slim'`), cheerio would bring its ESM build and the ESM `entities`, and every bundle
 * that renders would hold both builds of `entities`. One build everywhere is one copy.
 */
module.exports = require('cheerio/slim');
