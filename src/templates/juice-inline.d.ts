/**
 * juice's DOM-agnostic core (its own client.js pairs it with full cheerio; inline-css.ts pairs it with
 * cheerio/slim). Only what the app calls is declared.
 */
declare module 'juice/lib/inline' {
  import type { CheerioAPI } from 'cheerio/slim';
  import type juice from 'juice';

  interface JuiceClient {
    juiceDocument: ($: CheerioAPI, options?: juice.Options) => CheerioAPI;
    inlineDocument: ($: CheerioAPI, css: string, options?: juice.Options) => unknown;
  }

  function makeJuiceClient<T extends object>(base: T): T & JuiceClient;
  export = makeJuiceClient;
}
