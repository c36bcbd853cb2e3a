import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { RoleRef } from '../contract/mail-settings';
import { JiraError, JiraErrorCode } from './errors';
import { accessStatusError, getJiraJson, type RequestJira, requestJiraAsApp, requestJiraAsUser } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}$/;

const rolesSchema = z.array(z.object({ id: z.int().check(z.positive()), name: z.string() }));

/** Every project role of the site (shared by all company-managed projects), for the admin page. Needs a Jira admin. */
export const listRoles = async (requestJira: RequestJira = requestJiraAsUser): Promise<RoleRef[]> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/role`, accessStatusError);
  return parseJiraAnswer(rolesSchema, json, 'GET /rest/api/3/role')
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
};

const projectRolesSchema = z.record(z.string(), z.string());

const roleActorsSchema = z.object({
  id: z.int(),
  actors: z.optional(
    z.array(
      z.object({
        type: z.optional(z.string()),
        actorUser: z.optional(z.object({ accountId: z.optional(z.string()) })),
        actorGroup: z.optional(z.object({ groupId: z.nullish(z.string()) })),
      }),
    ),
  ),
});

const ROLE_URL_ID = /\/role\/([0-9]{1,18})$/;

/** The ids of the project's roles, from the name-to-URL map `GET /project/{key}/role` answers. */
const projectRoleIds = async (projectKey: string, requestJira: RequestJira): Promise<number[]> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/project/${projectKey}/role`, accessStatusError);
  const urls = parseJiraAnswer(projectRolesSchema, json, `GET /rest/api/3/project/${projectKey}/role`);
  return Object.values(urls).flatMap((url) => {
    const id = ROLE_URL_ID.exec(url)?.[1];
    return id === undefined ? [] : [Number(id)];
  });
};

/** Whether the person is an actor of one role in the project; a role the project does not have (404) is not held. */
const holdsRole = async (
  projectKey: string,
  roleId: number,
  accountId: string,
  groupIds: ReadonlySet<string>,
  requestJira: RequestJira,
): Promise<boolean> => {
  let json: unknown;
  try {
    json = await getJiraJson(requestJira, route`/rest/api/3/project/${projectKey}/role/${roleId}`, accessStatusError);
  } catch (error) {
    if (error instanceof JiraError && error.status === 404) return false;
    throw error;
  }
  const role = parseJiraAnswer(roleActorsSchema, json, `GET /rest/api/3/project/${projectKey}/role/${roleId}`);
  return (role.actors ?? []).some((actor) =>
    actor.type === 'atlassian-user-role-actor'
      ? actor.actorUser?.accountId === accountId
      : actor.type === 'atlassian-group-role-actor' &&
        typeof actor.actorGroup?.groupId === 'string' &&
        groupIds.has(actor.actorGroup.groupId),
  );
};

/**
 * The roles (ids) a person holds in a project, directly or through one of `userGroupIds`. Only project admins may
 * read role actors, so this asks as the app by default. `roleIds` limits the check to those roles; without it every
 * role of the project is checked.
 */
export const rolesOfUserInProject = async (
  projectKey: string,
  accountId: string,
  userGroupIds: readonly string[],
  roleIds?: readonly number[],
  requestJira: RequestJira = requestJiraAsApp,
): Promise<number[]> => {
  if (!PROJECT_KEY_PATTERN.test(projectKey)) {
    throw new JiraError(JiraErrorCode.RequestFailed, 'Not a Jira project key; no request made.');
  }
  const ids = roleIds ?? (await projectRoleIds(projectKey, requestJira));
  const groupIds = new Set(userGroupIds);
  const held = await Promise.all(ids.map((id) => holdsRole(projectKey, id, accountId, groupIds, requestJira)));
  return ids.filter((_id, index) => held[index]);
};
