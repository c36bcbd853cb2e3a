import { z } from 'zod';

import type { LocalResponse } from '../../http-types';
import { restErrors } from '../errors';
import { readJsonBody } from '../http/body';
import { type RequestContext, viewerOf } from '../http/context';
import { listParam } from '../http/query';
import { json } from '../http/responses';
import type { Project, StoredIssue } from '../model';
import { canBrowse, hasPermission, permissionDefinition, type Viewer } from '../permissions';

interface PermissionScope {
  issue?: StoredIssue;
  project?: Project;
}

const scopeOf = (ctx: RequestContext, viewer: Viewer): PermissionScope => {
  const issueRef = ctx.query.get('issueId') ?? ctx.query.get('issueKey');
  if (issueRef) {
    const issue = ctx.store.issue(issueRef);
    if (!issue || !canBrowse(viewer, issue)) throw restErrors.issueNotFound();
    return { issue };
  }
  const projectRef = ctx.query.get('projectId') ?? ctx.query.get('projectKey');
  if (projectRef) {
    const project = ctx.store.project(projectRef);
    if (!project) throw restErrors.projectNotFound(projectRef);
    return { project };
  }
  return {};
};

/** GET /mypermissions?permissions=…: each asked-for permission, keyed, with `havePermission`. */
export const myPermissions = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  const keys = listParam(ctx.query, 'permissions');
  if (keys.length === 0) throw restErrors.badRequest(["The 'permissions' query parameter is required."]);
  const unknown = keys.filter((key) => !permissionDefinition(key));
  if (unknown.length > 0) throw restErrors.badRequest([`Invalid permission keys: ${unknown.join(', ')}.`]);
  const scope = scopeOf(ctx, viewer);
  const issues = ctx.store.issues();
  return json(200, {
    permissions: Object.fromEntries(
      keys.map((key) => {
        const definition = permissionDefinition(key);
        return [key, { ...definition, havePermission: hasPermission(viewer, key, { ...scope, issues }) }];
      }),
    ),
  });
};

const bulkRequestSchema = z
  .object({
    accountId: z.string().optional(),
    globalPermissions: z.array(z.string()).optional(),
    projectPermissions: z
      .array(
        z
          .object({
            permissions: z.array(z.string()),
            issues: z.array(z.number().int()).optional(),
            projects: z.array(z.number().int()).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/**
 * POST /permissions/check. Apps may ask about any user; people only about themselves unless they
 * administer Jira.
 */
export const checkPermissions = (ctx: RequestContext): LocalResponse => {
  const caller = viewerOf(ctx);
  const parsed = bulkRequestSchema.safeParse(readJsonBody(ctx));
  if (!parsed.success)
    throw restErrors.badRequest(['Invalid request payload. Refer to the REST API documentation and try again.']);
  const request = parsed.data;
  let subject: Viewer = caller;
  if (request.accountId) {
    const user = ctx.store.user(request.accountId);
    if (!user) throw restErrors.badRequest([], { accountId: 'The account ID is not valid.' });
    const selfCheck = caller.kind === 'user' && caller.user.accountId === user.accountId;
    if (!selfCheck && !hasPermission(caller, 'ADMINISTER', { issues: [] })) {
      throw restErrors.forbidden('Only Jira administrators can perform this operation.');
    }
    subject = { kind: 'user', user };
  }
  const global = request.globalPermissions ?? [];
  const project = request.projectPermissions ?? [];
  const invalid = [
    ...global.filter((key) => permissionDefinition(key)?.type !== 'GLOBAL'),
    ...project.flatMap((entry) =>
      entry.permissions.filter((key) => key !== '' && permissionDefinition(key)?.type !== 'PROJECT'),
    ),
  ];
  if (invalid.length > 0) {
    throw restErrors.badRequest([], Object.fromEntries(invalid.map((key) => [key, 'Unrecognized permission'])));
  }
  const issues = ctx.store.issues();
  return json(200, {
    projectPermissions: project.flatMap((entry) =>
      entry.permissions
        .filter((key) => key !== '')
        .map((key) => ({
          permission: key,
          issues: (entry.issues ?? []).filter((id) => {
            const issue = ctx.store.issue(String(id));
            return issue !== undefined && hasPermission(subject, key, { issue, issues });
          }),
          projects: (entry.projects ?? []).filter((id) => {
            const found = ctx.store.project(String(id));
            return found !== undefined && hasPermission(subject, key, { project: found, issues });
          }),
        })),
    ),
    globalPermissions: global.filter((key) => hasPermission(subject, key, { issues })),
  });
};
