import type { ProjectRoleActors, ProjectRoleDefinition, SiteGroup } from '../model';
import { ALEX_ADMIN, APP_USER, JORDAN_MEMBER, SAM_AGENT } from './users';

/**
 * The site's groups, with fixed ids so stored settings that name them keep working across runs. Casey, a service
 * desk customer, is in none: customers hold no product access.
 */
export const JIRA_ADMINS: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e01',
  name: 'jira-admins',
  memberIds: [ALEX_ADMIN.accountId],
};
export const JIRA_SOFTWARE_USERS: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e02',
  name: 'jira-software-users',
  // The app's account is in the default user group, as every Forge app's is.
  memberIds: [ALEX_ADMIN.accountId, SAM_AGENT.accountId, JORDAN_MEMBER.accountId, APP_USER.accountId],
};
export const SITE_ADMINS: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e03',
  name: 'site-admins',
  memberIds: [ALEX_ADMIN.accountId],
};
export const SUPPORT_AGENTS: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e04',
  name: 'support-agents',
  memberIds: [ALEX_ADMIN.accountId, SAM_AGENT.accountId],
};
/**
 * The admin group Connect apps' accounts join. A Forge app's own account is not in it: it is in the default user
 * group only (`jira-software-users` here), and reaches projects through the `atlassian-addons-project-access` role
 * that default permission schemes grant (../shared/reference/forge-runtime.md, "The app's own Jira user").
 */
export const ATLASSIAN_ADDONS_ADMIN: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e05',
  name: 'atlassian-addons-admin',
  memberIds: [],
};
/**
 * The only people SEC's permission scheme grants anything to: Sam. Alex, though a Jira admin, is not in it and does
 * not see SEC (administering Jira does not grant Browse projects), nor does the app.
 */
export const SECURITY_TEAM: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e06',
  name: 'security-team',
  memberIds: [SAM_AGENT.accountId],
};

export const SITE_GROUPS: readonly SiteGroup[] = [
  ATLASSIAN_ADDONS_ADMIN,
  JIRA_ADMINS,
  JIRA_SOFTWARE_USERS,
  SECURITY_TEAM,
  SITE_ADMINS,
  SUPPORT_AGENTS,
];

/** Jira Cloud's usual project roles; ids as a company-managed site numbers them. */
export const DEVELOPERS_ROLE: ProjectRoleDefinition = {
  id: 10000,
  name: 'Developers',
  description: 'A project role that represents developers in a project',
};
export const USERS_ROLE: ProjectRoleDefinition = {
  id: 10001,
  name: 'Users',
  description: 'A project role that represents users in a project',
};
export const ADMINISTRATORS_ROLE: ProjectRoleDefinition = {
  id: 10002,
  name: 'Administrators',
  description: 'A project role that represents administrators in a project',
};
export const SERVICE_DESK_TEAM_ROLE: ProjectRoleDefinition = {
  id: 10003,
  name: 'Service Desk Team',
  description: 'Agents who work on the requests of a project',
};

/**
 * The role Jira Cloud puts apps' accounts in; default permission schemes grant it every project permission, and that
 * grant is how an app reaches a project's issues. A project whose scheme leaves it out is closed to the app.
 */
export const ADDONS_PROJECT_ACCESS_ROLE: ProjectRoleDefinition = {
  id: 10004,
  name: 'atlassian-addons-project-access',
  description: 'A project role that represents Connect add-ons declaring a scope requiring more than read',
};

export const PROJECT_ROLES: readonly ProjectRoleDefinition[] = [
  DEVELOPERS_ROLE,
  USERS_ROLE,
  ADMINISTRATORS_ROLE,
  SERVICE_DESK_TEAM_ROLE,
  ADDONS_PROJECT_ACCESS_ROLE,
];

/** Who acts in each role of DEMO (people directly, everyone in jira-software-users as Users, the app), OPS and SEC. */
export const ROLE_ACTORS: readonly ProjectRoleActors[] = [
  { projectKey: 'DEMO', roleId: DEVELOPERS_ROLE.id, userIds: [JORDAN_MEMBER.accountId], groupIds: [] },
  { projectKey: 'DEMO', roleId: USERS_ROLE.id, userIds: [], groupIds: [JIRA_SOFTWARE_USERS.groupId] },
  { projectKey: 'DEMO', roleId: ADMINISTRATORS_ROLE.id, userIds: [ALEX_ADMIN.accountId], groupIds: [] },
  { projectKey: 'DEMO', roleId: SERVICE_DESK_TEAM_ROLE.id, userIds: [SAM_AGENT.accountId], groupIds: [] },
  { projectKey: 'OPS', roleId: ADMINISTRATORS_ROLE.id, userIds: [ALEX_ADMIN.accountId], groupIds: [] },
  { projectKey: 'OPS', roleId: SERVICE_DESK_TEAM_ROLE.id, userIds: [SAM_AGENT.accountId], groupIds: [] },
  { projectKey: 'DEMO', roleId: ADDONS_PROJECT_ACCESS_ROLE.id, userIds: [APP_USER.accountId], groupIds: [] },
  { projectKey: 'OPS', roleId: ADDONS_PROJECT_ACCESS_ROLE.id, userIds: [APP_USER.accountId], groupIds: [] },
  { projectKey: 'SEC', roleId: DEVELOPERS_ROLE.id, userIds: [], groupIds: [SECURITY_TEAM.groupId] },
];
