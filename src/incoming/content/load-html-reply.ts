import { loadOnce } from '../../shared/load-once';
import type * as HtmlReplyModule from './html-reply';

export type HtmlReplyChain = typeof HtmlReplyModule;

/**
 * The HTML chain (cheerio, js-xss, turndown with its DOM, marklassian with marked: ~700 KB) on first use: a chunk
 * of its own in the Forge bundle, so a text body or a message classified as noise never loads it.
 */
export const loadHtmlReply = loadOnce(
  (): Promise<HtmlReplyChain> => import(/* webpackChunkName: "incoming-html-reply" */ './html-reply'),
);
