import type { LocalResponse } from '../../http-types';
import { restErrors } from '../errors';
import { param, type RequestContext, viewerOf } from '../http/context';
import { json } from '../http/responses';
import type { StoredComment } from '../model';
import { canBrowse } from '../permissions';
import { propertyBean, propertyKeysBean } from './entity-properties';

/** A comment on an issue the caller may browse; any other is "not found", as Jira does not tell them apart. */
const visibleComment = (ctx: RequestContext): StoredComment => {
  const id = param(ctx, 'commentId');
  const comment = /^\d+$/.test(id) ? ctx.store.comment(id) : undefined;
  const issue = comment ? ctx.store.issue(comment.issueId) : undefined;
  if (!comment || !issue || !canBrowse(viewerOf(ctx), issue)) throw restErrors.commentNotFound(id);
  return comment;
};

/** GET /comment/{commentId}/properties: `PropertyKeys`. */
export const listCommentProperties = (ctx: RequestContext): LocalResponse => {
  const comment = visibleComment(ctx);
  return json(200, propertyKeysBean(`${ctx.restBase}/comment/${comment.id}/properties`, comment.properties));
};

/** GET /comment/{commentId}/properties/{propertyKey}: `EntityProperty`. */
export const getCommentProperty = (ctx: RequestContext): LocalResponse =>
  json(200, propertyBean(param(ctx, 'propertyKey'), visibleComment(ctx).properties));
