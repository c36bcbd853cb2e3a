/**
 * juice's DOM-agnostic core (its own client.js pairs it with full cheerio; inline-css.ts pairs it with
 * cheerio/slim's CommonJS build, cheerio-slim.cjs). Only what the app calls is declared; the document is whichever
 * cheerio document the caller gives, and the one it gives back.
 */
declare module 'juice/lib/inline' {
  import type juice from 'juice';

  interface JuiceClient {
    juiceDocument: <Document>($: Document, options?: juice.Options) => Document;
    inlineDocument: <Document>($: Document, css: string, options?: juice.Options) => unknown;
  }

  function makeJuiceClient<T extends object>(base: T): T & JuiceClient;
  export = makeJuiceClient;
}
