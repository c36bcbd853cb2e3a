import type { LocalResponse } from '../../http-types';
import { issueBean } from '../beans/issue';
import { restErrors } from '../errors';
import { selectFields } from '../fields/select';
import { param, type RequestContext, viewerOf } from '../http/context';
import { listParam } from '../http/query';
import { json } from '../http/responses';
import type { StoredIssue } from '../model';
import { canBrowse } from '../permissions';

/** The issue the path names, if the caller may see it; Jira answers 404 either way. */
export const visibleIssue = (ctx: RequestContext, idOrKey: string): StoredIssue => {
  const issue = ctx.store.issue(idOrKey);
  if (!issue || !canBrowse(viewerOf(ctx), issue)) throw restErrors.issueNotFound();
  return issue;
};

/** GET /issue/{issueIdOrKey} */
export const getIssue = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const properties = listParam(ctx.query, 'properties');
  return json(
    200,
    issueBean(ctx, issue, {
      fields: selectFields(listParam(ctx.query, 'fields'), '*all'),
      expand: new Set(listParam(ctx.query, 'expand')),
      properties: properties.length > 0 ? properties : null,
      namesOnIssue: true,
    }),
  );
};
