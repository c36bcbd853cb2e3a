import type { HtmlRenderContext } from '../adf/to-html';
import type { RequestContext } from '../http/context';

export function htmlContext(ctx: RequestContext): HtmlRenderContext {
  return { siteUrl: ctx.siteUrl, displayNameOf: (accountId) => ctx.store.author(accountId)?.displayName };
}
