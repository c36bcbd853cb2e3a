import type { LocalResponse } from '../../http-types';
import { JiraRestError } from '../errors';
import { readJsonBody } from '../http/body';
import { param, type RequestContext, viewerOf } from '../http/context';
import { empty, json } from '../http/responses';
import { hasPermission } from '../permissions';
import { propertyBean, propertyKeysBean, propertyNotFound } from './entity-properties';
import { visibleIssue } from './issues';

/** GET /issue/{issueIdOrKey}/properties */
export const listIssueProperties = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  return json(200, propertyKeysBean(`${ctx.restBase}/issue/${issue.id}/properties`, issue.properties));
};

/** GET /issue/{issueIdOrKey}/properties/{propertyKey} */
export const getIssueProperty = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  return json(200, propertyBean(param(ctx, 'propertyKey'), issue.properties));
};

const editableIssue = (ctx: RequestContext) => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  if (!hasPermission(viewerOf(ctx), 'EDIT_ISSUES', { issue, issues: [issue] })) {
    throw new JiraRestError('FORBIDDEN', 403, ['You do not have permission to edit issue properties.']);
  }
  return issue;
};

/** PUT /issue/{issueIdOrKey}/properties/{propertyKey}: 201 when created, 200 when replaced. */
export const putIssueProperty = (ctx: RequestContext): LocalResponse => {
  const issue = editableIssue(ctx);
  const key = param(ctx, 'propertyKey');
  const value = readJsonBody(ctx);
  const existed = key in issue.properties;
  issue.properties[key] = value;
  return empty(existed ? 200 : 201);
};

/** DELETE /issue/{issueIdOrKey}/properties/{propertyKey} */
export const deleteIssueProperty = (ctx: RequestContext): LocalResponse => {
  const issue = editableIssue(ctx);
  const key = param(ctx, 'propertyKey');
  if (!(key in issue.properties)) throw propertyNotFound(key);
  delete issue.properties[key];
  return empty(204);
};
