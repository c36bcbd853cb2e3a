import type { LocalResponse } from '../../http-types';
import { textToAdf } from '../adf/from-text';
import type { AdfDoc } from '../adf/types';
import { checkAdfDocument } from '../adf/validate';
import { commentBean } from '../beans/comment';
import { JiraRestError, restErrors } from '../errors';
import { issueCommented } from '../events';
import { readJsonBody } from '../http/body';
import { param, type RequestContext, viewerOf } from '../http/context';
import { intParam, listParam } from '../http/query';
import { json } from '../http/responses';
import { hasPermission } from '../permissions';
import { readEntityProperties } from './entity-properties';
import { visibleIssue } from './issues';

const MAX_COMMENTS_PAGE = 5000;

/**
 * `expand`: `renderedBody`, and `properties` (each comment's properties as `Comment.properties`, a list of
 * `EntityProperty`). The OpenAPI description names only renderedBody for these calls but both for
 * POST /comment/list (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-comment-list-post);
 * Jira answers `expand=properties` on the issue's comments too (https://github.com/pycontribs/jira/issues/1011).
 */
const expansions = (ctx: RequestContext) => {
  const expand = listParam(ctx.query, 'expand');
  return { renderedBody: expand.includes('renderedBody'), properties: expand.includes('properties') };
};

/** GET /issue/{issueIdOrKey}/comment */
export const listComments = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = Math.min(intParam(ctx.query, 'maxResults', 50), MAX_COMMENTS_PAGE);
  const orderBy = ctx.query.get('orderBy');
  if (orderBy !== null && !['created', '+created', '-created'].includes(orderBy)) {
    throw restErrors.badRequest([
      `The orderBy value '${orderBy}' is not supported; use created, +created or -created.`,
    ]);
  }
  const expand = expansions(ctx);
  const comments = [...ctx.store.commentsOf(issue.id)].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  if (orderBy === '-created') comments.reverse();
  return json(200, {
    startAt,
    maxResults,
    total: comments.length,
    comments: comments.slice(startAt, startAt + maxResults).map((comment) => commentBean(ctx, comment, expand)),
  });
};

/** GET /issue/{issueIdOrKey}/comment/{id} */
export const getComment = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const id = param(ctx, 'id');
  const comment = ctx.store.commentsOf(issue.id).find((candidate) => candidate.id === id);
  if (!comment) throw restErrors.commentNotFound(id);
  return json(200, commentBean(ctx, comment, expansions(ctx)));
};

const emptyBody = () => restErrors.badRequest([], { comment: 'Comment body can not be empty!' });
const invalidBody = () => restErrors.badRequest([], { comment: 'Comment body is not valid!' });

/** v3 takes an ADF document; v2 takes wiki markup as a string. */
const commentBodyFrom = (ctx: RequestContext, payload: unknown): AdfDoc => {
  const body = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>).body : undefined;
  if (body === undefined || body === null || body === '') throw emptyBody();
  if (ctx.apiVersion === 2) {
    if (typeof body !== 'string') throw invalidBody();
    const doc = textToAdf(body);
    if (doc.content.length === 0) throw emptyBody();
    return doc;
  }
  const check = checkAdfDocument(body);
  if (!check.ok) throw check.reason === 'empty' ? emptyBody() : invalidBody();
  return check.doc;
};

/** POST /issue/{issueIdOrKey}/comment: 201 with the new comment. */
export const addComment = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  if (!hasPermission(viewer, 'ADD_COMMENTS', { issue, issues: [issue] })) {
    throw new JiraRestError('FORBIDDEN', 403, ['You do not have the permission to comment on this issue.']);
  }
  const payload = readJsonBody(ctx);
  const body = commentBodyFrom(ctx, payload);
  // `Comment.properties`: comment properties set with the comment, in the same call.
  const properties = readEntityProperties(payload);
  const authorId = viewer.kind === 'user' ? viewer.user.accountId : ctx.store.appUser.accountId;
  const comment = ctx.store.addComment(issue, authorId, body, ctx.now, properties);
  ctx.raise(issueCommented(ctx, issue, comment));
  return json(201, commentBean(ctx, comment, expansions(ctx)));
};
