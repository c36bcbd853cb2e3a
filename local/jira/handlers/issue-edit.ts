import type { LocalResponse } from '../../http-types';
import { adfToText } from '../adf/to-text';
import { checkAdfDocument } from '../adf/validate';
import { JiraRestError, restErrors } from '../errors';
import { issueAssigned, issueUpdated } from '../events';
import { FIELDS } from '../fields/catalog';
import { readJsonBody } from '../http/body';
import { param, type RequestContext, viewerOf } from '../http/context';
import { empty, json } from '../http/responses';
import type { ChangeItem, StoredIssue } from '../model';
import { hasPermission } from '../permissions';
import { PRIORITIES } from '../seed/catalog';
import { change } from '../store';
import { visibleIssue } from './issues';

/** The fields the site's edit screen has: what PUT /issue/{key} may set. */
const EDIT_SCREEN = new Set(['summary', 'description', 'priority', 'labels', 'assignee']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const actorOf = (ctx: RequestContext): string => {
  const viewer = viewerOf(ctx);
  return viewer.kind === 'user' ? viewer.user.accountId : ctx.store.appUser.accountId;
};

/** The assignee change (and its checks), or undefined when it is the same person. */
const assigneeChange = (ctx: RequestContext, issue: StoredIssue, value: unknown): ChangeItem | undefined => {
  const accountId =
    value === null ? null : isObject(value) && typeof value.accountId === 'string' ? value.accountId : undefined;
  if (accountId === undefined) throw restErrors.badRequest([], { assignee: 'Specify a valid value for assignee' });
  if (accountId === issue.assigneeId) return undefined;
  const to = accountId === null ? undefined : ctx.store.user(accountId);
  if (accountId !== null && !to) throw restErrors.badRequest([], { assignee: 'Specify a valid value for assignee' });
  if (to && !hasPermission({ kind: 'user', user: to }, 'ASSIGNABLE_USER', { issue, issues: [issue] })) {
    throw restErrors.badRequest([], { assignee: `User '${to.displayName}' cannot be assigned issues.` });
  }
  const from = issue.assigneeId === null ? undefined : ctx.store.user(issue.assigneeId);
  return change(
    'assignee',
    from?.accountId ?? null,
    from?.displayName ?? null,
    to?.accountId ?? null,
    to?.displayName ?? null,
  );
};

/** Checks every field first, then changes them together: Jira's edit is all or nothing. */
const fieldChanges = (
  ctx: RequestContext,
  issue: StoredIssue,
  fields: Json,
): { items: ChangeItem[]; apply: () => void } => {
  const unknown = Object.keys(fields).filter((key) => !EDIT_SCREEN.has(key));
  if (unknown.length > 0) {
    throw restErrors.badRequest(
      [],
      Object.fromEntries(
        unknown.map((key) => [key, `Field '${key}' cannot be set. It is not on the appropriate screen, or unknown.`]),
      ),
    );
  }
  const items: ChangeItem[] = [];
  const steps: Array<() => void> = [];
  if (fields.summary !== undefined) {
    const summary = typeof fields.summary === 'string' ? fields.summary.trim() : '';
    if (summary === '') throw restErrors.badRequest([], { summary: 'You must specify a summary of the issue.' });
    if (summary !== issue.summary) {
      items.push(change('summary', null, issue.summary, null, summary));
      steps.push(() => (issue.summary = summary));
    }
  }
  if (fields.description !== undefined) {
    // v3 takes an ADF document (or null to clear it); the changelog keeps its text, as Jira's does.
    const check = fields.description === null ? undefined : checkAdfDocument(fields.description);
    if (check?.ok === false && check.reason === 'invalid')
      throw restErrors.badRequest([], {
        description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      });
    const next = check?.ok === true && check.doc.content.length > 0 ? check.doc : null;
    items.push(change('description', null, adfToText(issue.description), null, adfToText(next)));
    steps.push(() => (issue.description = next));
  }
  if (fields.priority !== undefined) {
    const ref = isObject(fields.priority) ? (fields.priority.id ?? fields.priority.name) : undefined;
    const priority = PRIORITIES.find((candidate) => candidate.id === ref || candidate.name === ref);
    if (!priority) throw restErrors.badRequest([], { priority: 'Specify a valid value for priority' });
    const from = PRIORITIES.find((candidate) => candidate.id === issue.priorityId);
    if (priority.id !== issue.priorityId) {
      items.push(change('priority', issue.priorityId, from?.name ?? null, priority.id, priority.name));
      steps.push(() => (issue.priorityId = priority.id));
    }
  }
  if (fields.labels !== undefined) {
    const labels = fields.labels;
    if (
      !Array.isArray(labels) ||
      !labels.every((label): label is string => typeof label === 'string' && !/\s/.test(label))
    ) {
      throw restErrors.badRequest([], { labels: 'Operation value must be an array of strings without spaces' });
    }
    const next = [...new Set(labels)];
    if (next.join(' ') !== issue.labels.join(' ')) {
      // Jira's changelog names labels by their text, space separated, with no ids.
      items.push(change('labels', null, issue.labels.join(' '), null, next.join(' ')));
      steps.push(() => (issue.labels = next));
    }
  }
  if (fields.assignee !== undefined) {
    const item = assigneeChange(ctx, issue, fields.assignee);
    if (item) {
      items.push(item);
      steps.push(() => (issue.assigneeId = item.to));
    }
  }
  return { items, apply: () => steps.forEach((step) => step()) };
};

/** Records and announces a change: avi:jira:updated:issue, and avi:jira:assigned:issue when the assignee changed. */
const announce = (ctx: RequestContext, issue: StoredIssue, items: ChangeItem[]): void => {
  if (items.length === 0) return;
  const changelog = ctx.store.recordChange(issue, items, actorOf(ctx), ctx.now);
  ctx.raise(issueUpdated(ctx, issue, changelog));
  if (items.some((item) => item.field === 'assignee')) ctx.raise(issueAssigned(ctx, issue, changelog));
};

/**
 * PUT /issue/{issueIdOrKey} ("Edit issue": `fields` summary, description, priority, labels, assignee; 204), needing Edit issues
 * (Jordan and customers are refused). https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
export const editIssue = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  if (!hasPermission(viewerOf(ctx), 'EDIT_ISSUES', { issue, issues: [issue] })) {
    throw new JiraRestError('FORBIDDEN', 403, ['You do not have permission to edit issues in this project.']);
  }
  const body = readJsonBody(ctx);
  const fields = isObject(body) && isObject(body.fields) ? body.fields : {};
  const { items, apply } = fieldChanges(ctx, issue, fields);
  apply();
  announce(ctx, issue, items);
  return empty(204);
};

/**
 * PUT /issue/{issueIdOrKey}/assignee (`accountId`, null to unassign; 204), needing Assign issues.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-assignee-put
 */
export const assignIssue = (ctx: RequestContext): LocalResponse => {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  if (!hasPermission(viewerOf(ctx), 'ASSIGN_ISSUES', { issue, issues: [issue] })) {
    throw new JiraRestError('FORBIDDEN', 403, ['You do not have permission to assign issues.']);
  }
  const body = readJsonBody(ctx);
  const accountId = isObject(body) ? body.accountId : undefined;
  const item = assigneeChange(ctx, issue, accountId === null ? null : { accountId });
  if (item) {
    issue.assigneeId = item.to;
    announce(ctx, issue, [item]);
  }
  return empty(204);
};

/** GET /field ("Get fields"): the site's system fields as FieldDetails. */
export const listFields = (): LocalResponse =>
  json(
    200,
    FIELDS.map((field) => ({
      id: field.id,
      key: field.id,
      name: field.name,
      custom: false,
      orderable: EDIT_SCREEN.has(field.id) || field.id === 'description',
      navigable: field.navigable,
      searchable: true,
      clauseNames: [field.id],
      schema: field.schema,
    })),
  );
