import { adfToHtml } from '../adf/to-html';
import { adfToWiki } from '../adf/to-wiki';
import { jiraDateTime, renderedDateTime } from '../dates';
import type { RequestContext } from '../http/context';
import type { StoredComment } from '../model';
import { htmlContext } from './render-context';
import { userDetailsBean } from './users';

const person = (ctx: RequestContext, accountId: string): Record<string, unknown> | undefined => {
  const user = ctx.store.author(accountId);
  return user ? userDetailsBean(ctx, user) : undefined;
};

/**
 * A `Comment`. v3 bodies are ADF, v2 bodies wiki markup; `renderedBody` only when expanded. Inside
 * `renderedFields.comment` Jira puts the HTML in `body` and renders the dates.
 */
export const commentBean = (
  ctx: RequestContext,
  comment: StoredComment,
  options: { renderedBody?: boolean; renderedFieldsForm?: boolean; properties?: boolean } = {},
): Record<string, unknown> => {
  const html = (): string => adfToHtml(comment.body, htmlContext(ctx));
  const date = (iso: string): string =>
    options.renderedFieldsForm ? renderedDateTime(iso, ctx.timeZone, ctx.now) : jiraDateTime(iso, ctx.timeZone);
  return {
    self: `${ctx.restBase}/issue/${comment.issueId}/comment/${comment.id}`,
    id: comment.id,
    author: person(ctx, comment.authorId),
    body: options.renderedFieldsForm ? html() : ctx.apiVersion === 3 ? comment.body : adfToWiki(comment.body),
    ...(options.renderedBody && !options.renderedFieldsForm ? { renderedBody: html() } : {}),
    updateAuthor: person(ctx, comment.updateAuthorId),
    created: date(comment.created),
    updated: date(comment.updated),
    jsdPublic: true,
    ...(options.properties
      ? { properties: Object.entries(comment.properties).map(([key, value]) => ({ key, value })) }
      : {}),
  };
};
