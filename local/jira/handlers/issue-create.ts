import type { LocalResponse } from '../../http-types';
import { textToAdf } from '../adf/from-text';
import type { AdfDoc } from '../adf/types';
import { checkAdfDocument } from '../adf/validate';
import { JiraRestError, restErrors } from '../errors';
import { issueCreated } from '../events';
import { readJsonBody } from '../http/body';
import { type RequestContext, viewerOf } from '../http/context';
import { json } from '../http/responses';
import type { Project } from '../model';
import { hasPermission, type Viewer } from '../permissions';
import { ISSUE_TYPES, PRIORITIES } from '../seed/catalog';
import { readEntityProperties } from './entity-properties';

/** The fields the site's create screen has; Jira refuses any other. */
const CREATE_SCREEN = new Set([
  'project',
  'issuetype',
  'summary',
  'description',
  'reporter',
  'assignee',
  'priority',
  'labels',
]);

const DEFAULT_PRIORITY_ID = '3';
const SUMMARY_LIMIT = 255;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ "id": … }` or `{ "key"|"name": … }`, as Jira's create bodies name things. */
const reference = (value: unknown, nameKey: 'key' | 'name'): string | undefined => {
  if (!isObject(value)) return undefined;
  const ref = value.id ?? value[nameKey];
  return typeof ref === 'string' && ref !== '' ? ref : undefined;
};

const fieldErrors = (errors: Record<string, string>) => restErrors.badRequest([], errors);

const projectOf = (ctx: RequestContext, viewer: Viewer, fields: Json): Project => {
  const ref = reference(fields.project, 'key');
  const project = ref === undefined ? undefined : ctx.store.project(ref);
  // Jira does not tell a project the caller cannot see from one that does not exist.
  if (!project || !hasPermission(viewer, 'BROWSE_PROJECTS', { project, issues: ctx.store.issues() })) {
    throw fieldErrors({ project: 'Specify a valid project ID or key' });
  }
  if (!hasPermission(viewer, 'CREATE_ISSUES', { project, issues: ctx.store.issues() })) {
    throw new JiraRestError('FORBIDDEN', 403, ['You do not have permission to create issues in this project.']);
  }
  return project;
};

const issueTypeOf = (project: Project, fields: Json): string => {
  if (fields.issuetype === undefined) throw fieldErrors({ issuetype: 'Specify an issue type' });
  const ref = reference(fields.issuetype, 'name');
  const type = ISSUE_TYPES.find((candidate) => candidate.id === ref || candidate.name === ref);
  if (!type || !project.issueTypeIds.includes(type.id))
    throw fieldErrors({ issuetype: 'The issue type selected is invalid.' });
  return type.id;
};

/** Reads the other fields, collecting every refusal as Jira lists them together. */
const otherFields = (ctx: RequestContext, project: Project, fields: Json, errors: Record<string, string>) => {
  const summary = typeof fields.summary === 'string' ? fields.summary.trim() : '';
  if (summary === '') errors.summary = 'You must specify a summary of the issue.';
  else if (/[\r\n]/.test(summary)) errors.summary = 'The summary is invalid because it contains newline characters.';
  else if (summary.length > SUMMARY_LIMIT) errors.summary = `Summary must be less than ${SUMMARY_LIMIT} characters.`;

  let description: AdfDoc | null = null;
  if (fields.description !== undefined && fields.description !== null) {
    if (ctx.apiVersion === 2) {
      if (typeof fields.description === 'string') description = textToAdf(fields.description);
      else errors.description = 'Operation value must be a string';
    } else {
      const check = checkAdfDocument(fields.description);
      if (check.ok) description = check.doc;
      else if (check.reason === 'invalid')
        errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
    }
    if (description && description.content.length === 0) description = null;
  }

  const person = (field: 'reporter' | 'assignee'): string | null | undefined => {
    const value = fields[field];
    if (value === undefined) return undefined;
    if (value === null) return null;
    // A user is named by `accountId` or `id`: the OpenAPI description's own create example sends
    // `"reporter":{"id":"5b10a2844c20165700ede21g"}` (POST /rest/api/3/issue, "Create issue").
    const named = isObject(value) ? (value.accountId ?? value.id) : undefined;
    const accountId = typeof named === 'string' ? named : undefined;
    const found = accountId === undefined ? undefined : ctx.store.user(accountId);
    if (!found) {
      errors[field] = `Specify a valid value for ${field}`;
      return undefined;
    }
    return found.accountId;
  };
  const reporterId = person('reporter');
  if (reporterId === null) errors.reporter = 'Reporter is required.';
  const assigneeId = person('assignee');
  if (assigneeId) {
    const assignee = ctx.store.user(assigneeId);
    if (
      assignee &&
      !hasPermission({ kind: 'user', user: assignee }, 'ASSIGNABLE_USER', { project, issues: ctx.store.issues() })
    ) {
      errors.assignee = `User '${assignee.displayName}' cannot be assigned issues.`;
    }
  }

  let priorityId = DEFAULT_PRIORITY_ID;
  if (fields.priority !== undefined) {
    const ref = reference(fields.priority, 'name');
    const priority = PRIORITIES.find((candidate) => candidate.id === ref || candidate.name === ref);
    if (priority) priorityId = priority.id;
    else errors.priority = 'Specify a valid value for priority';
  }

  let labels: string[] = [];
  if (fields.labels !== undefined) {
    if (!Array.isArray(fields.labels) || !fields.labels.every((label): label is string => typeof label === 'string')) {
      errors.labels = 'Operation value must be an array of strings';
    } else {
      const spaced = fields.labels.find((label) => /\s/.test(label));
      if (spaced !== undefined) errors.labels = `The label '${spaced}' contains spaces which is invalid.`;
      labels = [...new Set(fields.labels)];
    }
  }
  return {
    summary,
    description,
    reporterId: reporterId ?? undefined,
    assigneeId: assigneeId ?? null,
    priorityId,
    labels,
  };
};

/**
 * POST /issue: 201 with `{ id, key, self }`. The reporter defaults to the caller (the app's account for `asApp`),
 * the issue starts in To Do, and a person who creates an issue watches it (Jira's autowatch).
 */
export const createIssue = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  const body = readJsonBody(ctx);
  const fields = isObject(body) && isObject(body.fields) ? body.fields : {};
  const project = projectOf(ctx, viewer, fields);
  const issueTypeId = issueTypeOf(project, fields);
  const errors: Record<string, string> = {};
  const screenless = [
    ...Object.keys(fields),
    ...(isObject(body) && isObject(body.update) ? Object.keys(body.update) : []),
  ].filter((key) => !CREATE_SCREEN.has(key));
  for (const key of screenless)
    errors[key] = `Field '${key}' cannot be set. It is not on the appropriate screen, or unknown.`;
  const read = otherFields(ctx, project, fields, errors);
  // Jira leaves the reporter off the create screen of a caller without Modify Reporter, so naming one is refused as
  // any field off the screen is (the app's own account included, in a project whose scheme withholds it).
  if ('reporter' in fields && !hasPermission(viewer, 'MODIFY_REPORTER', { project, issues: ctx.store.issues() })) {
    errors.reporter = "Field 'reporter' cannot be set. It is not on the appropriate screen, or unknown.";
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  // `properties` (IssueUpdateDetails): issue properties set with the issue, in the same call.
  const properties = readEntityProperties(body);

  const creatorId = viewer.kind === 'user' ? viewer.user.accountId : ctx.store.appUser.accountId;
  const issue = ctx.store.createIssue(
    {
      project,
      issueTypeId,
      summary: read.summary,
      description: read.description,
      priorityId: read.priorityId,
      reporterId: read.reporterId ?? creatorId,
      creatorId,
      assigneeId: read.assigneeId,
      labels: read.labels,
      watcherIds: viewer.kind === 'user' ? [viewer.user.accountId] : [],
      properties,
    },
    ctx.now,
  );
  ctx.raise(issueCreated(ctx, issue));
  return json(201, { id: issue.id, key: issue.key, self: `${ctx.restBase}/issue/${issue.id}` });
};
