import type { LocalResponse } from '../../http-types';
import { userAvatarUrls } from '../beans/users';
import { JiraRestError, restErrors } from '../errors';
import { param, type RequestContext, viewerOf } from '../http/context';
import { boolParam } from '../http/query';
import { json } from '../http/responses';
import type { Project, ProjectRoleDefinition } from '../model';
import { hasPermission } from '../permissions';

const isJiraAdmin = (ctx: RequestContext): boolean =>
  hasPermission(viewerOf(ctx), 'ADMINISTER', { issues: ctx.store.issues() });

/** GET /role: every project role of the site. Only Jira admins (and apps) may list them. */
export const listRoles = (ctx: RequestContext): LocalResponse => {
  if (!isJiraAdmin(ctx)) {
    throw new JiraRestError('FORBIDDEN', 403, [
      'You are not authorized to perform this action. Administrator privileges are required.',
    ]);
  }
  return json(
    200,
    ctx.store.projectRoles().map((role) => ({
      self: `${ctx.restBase}/role/${role.id}`,
      name: role.name,
      id: role.id,
      description: role.description,
      // Default actors: none on this site; each project names its own.
      actors: [],
    })),
  );
};

/**
 * The project, if the caller administers it. Jira answers 404 rather than 403 to everyone else, so that role
 * actors do not even tell whether the project exists.
 */
const administeredProject = (ctx: RequestContext): Project => {
  const ref = param(ctx, 'projectIdOrKey');
  const project = ctx.store.project(ref);
  if (
    !project ||
    !(isJiraAdmin(ctx) || hasPermission(viewerOf(ctx), 'ADMINISTER_PROJECTS', { project, issues: ctx.store.issues() }))
  ) {
    throw restErrors.projectNotFound(ref);
  }
  return project;
};

const roleUrl = (ctx: RequestContext, project: Project, role: ProjectRoleDefinition): string =>
  `${ctx.restBase}/project/${project.id}/role/${role.id}`;

/** GET /project/{projectIdOrKey}/role: role name to role URL. */
export const projectRoles = (ctx: RequestContext): LocalResponse => {
  const project = administeredProject(ctx);
  return json(
    200,
    Object.fromEntries(ctx.store.projectRoles().map((role) => [role.name, roleUrl(ctx, project, role)])),
  );
};

/** Actor ids are stable per project, role and member, as Jira's are per stored actor. */
const ACTOR_ID_BASE = 10300;

/** GET /project/{projectIdOrKey}/role/{id}: the role with its actors in the project, sorted by display name. */
export const projectRole = (ctx: RequestContext): LocalResponse => {
  const project = administeredProject(ctx);
  const id = param(ctx, 'id');
  const role = /^\d{1,18}$/.test(id)
    ? ctx.store.projectRoles().find((candidate) => candidate.id === Number(id))
    : undefined;
  if (!role) throw restErrors.projectRoleNotFound(id);
  const excludeInactive = boolParam(ctx.query, 'excludeInactiveUsers', false);
  const actors = ctx.store.roleActors(project.key, role.id);
  const roleIndex = ctx.store.projectRoles().indexOf(role);
  const actorId = (index: number): number => ACTOR_ID_BASE + roleIndex * 10 + index;
  const users = actors.userIds.flatMap((accountId, index) => {
    // An app's account acts in roles too (atlassian-addons-project-access), as a user actor.
    const user = ctx.store.author(accountId);
    if (!user || (excludeInactive && 'active' in user && !user.active)) return [];
    return [
      {
        id: actorId(index),
        displayName: user.displayName,
        type: 'atlassian-user-role-actor',
        avatarUrl: userAvatarUrls(ctx.siteUrl, user)['48x48'],
        actorUser: { accountId: user.accountId },
      },
    ];
  });
  const groups = actors.groupIds.flatMap((groupId, index) => {
    const group = ctx.store.group(groupId);
    if (!group) return [];
    return [
      {
        id: actorId(actors.userIds.length + index),
        displayName: group.name,
        type: 'atlassian-group-role-actor',
        name: group.name,
        actorGroup: { name: group.name, displayName: group.name, groupId: group.groupId },
      },
    ];
  });
  return json(200, {
    self: roleUrl(ctx, project, role),
    name: role.name,
    id: role.id,
    description: role.description,
    actors: [...users, ...groups].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  });
};
