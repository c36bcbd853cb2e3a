import type { LocalResponse } from '../../http-types';
import { statusBean } from '../beans/catalog';
import { JiraRestError, restErrors } from '../errors';
import { issueUpdated } from '../events';
import { readJsonBody } from '../http/body';
import { param, type RequestContext, viewerOf } from '../http/context';
import { empty, json } from '../http/responses';
import type { StoredIssue } from '../model';
import { hasPermission } from '../permissions';
import { statusById, transitionsFrom, type WorkflowTransition } from '../workflow';
import { visibleIssue } from './issues';

const canTransition = (ctx: RequestContext, issue: StoredIssue): boolean =>
  hasPermission(viewerOf(ctx), 'TRANSITION_ISSUES', { issue, issues: [issue] });

/** An `IssueTransition`: the site's transitions have no screen and no conditions. */
const transitionBean = (ctx: RequestContext, transition: WorkflowTransition): Record<string, unknown> => {
  const to = statusById(transition.toStatusId);
  return {
    id: transition.id,
    name: transition.name,
    to: to ? statusBean(ctx, to) : undefined,
    hasScreen: false,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
};

/**
 * GET /issue/{issueIdOrKey}/transitions: those the issue's status allows, or only `transitionId`. Someone who
 * may see the issue but not transition it gets an empty list, as Jira answers.
 */
export const listTransitions = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const only = ctx.query.get('transitionId');
  const transitions = canTransition(ctx, issue)
    ? transitionsFrom(issue.statusId).filter((transition) => only === null || transition.id === only)
    : [];
  return json(200, {
    expand: 'transitions',
    transitions: transitions.map((transition) => transitionBean(ctx, transition)),
  });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** POST /issue/{issueIdOrKey}/transitions: 204 once the issue is in the transition's status. */
export const doTransition = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  if (!canTransition(ctx, issue)) {
    throw new JiraRestError('FORBIDDEN', 403, ['You do not have permission to transition this issue.']);
  }
  const body = readJsonBody(ctx);
  const requested = isObject(body) && isObject(body.transition) ? body.transition.id : undefined;
  const id = typeof requested === 'number' ? String(requested) : requested;
  if (typeof id !== 'string' || id === '') throw restErrors.badRequest(["Missing 'transition' identifier"]);
  const transition = transitionsFrom(issue.statusId).find((candidate) => candidate.id === id);
  if (!transition) throw restErrors.badRequest([`Transition id '${id}' is not valid for this issue.`]);
  // No transition has a screen, so no field can be set on the way.
  const fieldKeys = [
    ...(isObject(body) && isObject(body.fields) ? Object.keys(body.fields) : []),
    ...(isObject(body) && isObject(body.update) ? Object.keys(body.update) : []),
  ];
  if (fieldKeys.length > 0) {
    throw restErrors.badRequest(
      [],
      Object.fromEntries(
        fieldKeys.map((key) => [key, `Field '${key}' cannot be set. It is not on the appropriate screen, or unknown.`]),
      ),
    );
  }
  const authorId = viewer.kind === 'user' ? viewer.user.accountId : ctx.store.appUser.accountId;
  const changelog = ctx.store.setStatus(issue, transition.toStatusId, authorId, ctx.now);
  ctx.raise(issueUpdated(ctx, issue, changelog));
  return empty(204);
};
