import type { HtmlRenderContext } from '../adf/to-html';
import type { RequestContext } from '../http/context';

export const htmlContext = (ctx: RequestContext): HtmlRenderContext => ({
  siteUrl: ctx.siteUrl,
  displayNameOf: (accountId) => ctx.store.author(accountId)?.displayName,
  mediaAttachment: (mediaId) => {
    const attachment = ctx.store.attachmentByMediaId(mediaId);
    return attachment === undefined
      ? undefined
      : {
          src: `/rest/api/${ctx.apiVersion}/attachment/content/${attachment.id}`,
          filename: attachment.filename,
          mimeType: attachment.mimeType,
        };
  },
});
