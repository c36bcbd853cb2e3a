import type { SendPermission } from '../contract/issue-email';
import type { WhoMaySend } from '../contract/mail-settings';

export interface SendPermissionQuery {
  whoMaySend: WhoMaySend;
  /** The project; without one, project roles cannot apply. */
  projectKey: string | undefined;
  accountId: string;
}

/** What the check needs from Jira; looked up only when the answer depends on it. */
export interface SendPermissionLookups {
  /** The caller's group ids (groups.ts `readMyGroups`, ids only). */
  myGroups: () => Promise<readonly { groupId: string | null }[]>;
  /** The roles among `roleIds` the person holds in the project (project-roles.ts `rolesOfUserInProject`). */
  rolesOfUserInProject: (
    projectKey: string,
    accountId: string,
    userGroupIds: readonly string[],
    roleIds: readonly number[],
  ) => Promise<readonly number[]>;
}

/** "a", "a or b", "a, b or c". */
const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;

const ASK = 'Ask your Jira admin for access.';

/** Names the groups and roles the admin chose, in plain words. */
export const restrictedReason = (groups: readonly string[], roles: readonly string[]): string => {
  const who = [
    ...(groups.length > 0 ? [`members of ${orList(groups)}`] : []),
    ...(roles.length > 0
      ? [`people with the ${orList(roles)} role${roles.length > 1 ? 's' : ''} in this project`]
      : []),
  ];
  if (who.length === 0) return `Your Jira admin has not allowed anyone to email issues. ${ASK}`;
  return who.length === 1
    ? `Your Jira admin lets only ${who[0] ?? ''} email issues. ${ASK}`
    : `Your Jira admin lets only ${who[0] ?? ''}, or ${who[1] ?? ''}, email issues. ${ASK}`;
};

/**
 * Whether the admin's "who may send" setting lets this person email an issue: everyone, or members of a chosen
 * group (by id), or holders of a chosen role in the project (directly or through a group).
 */
export const checkSendPermission = async (
  query: SendPermissionQuery,
  lookups: SendPermissionLookups,
): Promise<SendPermission> => {
  const { whoMaySend } = query;
  if (whoMaySend.mode === 'everyone') return { allowed: true };
  const denied: SendPermission = {
    allowed: false,
    reason: restrictedReason(
      whoMaySend.groups.map((group) => group.name),
      whoMaySend.projectRoles.map((role) => role.name),
    ),
  };
  const rolesApply = whoMaySend.projectRoles.length > 0 && query.projectKey !== undefined;
  if (whoMaySend.groups.length === 0 && !rolesApply) return denied;

  const myGroupIds = (await lookups.myGroups()).flatMap((group) => (group.groupId === null ? [] : [group.groupId]));
  const chosenGroups = new Set(whoMaySend.groups.map((group) => group.id));
  if (myGroupIds.some((id) => chosenGroups.has(id))) return { allowed: true };

  if (rolesApply && query.projectKey !== undefined) {
    const chosenRoles = whoMaySend.projectRoles.map((role) => role.id);
    const held = await lookups.rolesOfUserInProject(query.projectKey, query.accountId, myGroupIds, chosenRoles);
    if (held.some((id) => chosenRoles.includes(id))) return { allowed: true };
  }
  return denied;
};
