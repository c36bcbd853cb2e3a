import { loadOnce } from '../../shared/load-once';

export type HtmlReplyModule = typeof import('./html-reply');

/**
 * The HTML chain (cheerio, js-xss, turndown with its DOM, marklassian with marked: ~700 KB) on first use: a chunk
 * of its own in the Forge bundle, so a text body or a message classified as noise never loads it.
 */
export const loadHtmlReply = loadOnce(
  (): Promise<HtmlReplyModule> => import(/* webpackChunkName: "incoming-html-reply" */ './html-reply'),
);
