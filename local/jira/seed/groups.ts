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
  memberIds: [ALEX_ADMIN.accountId, SAM_AGENT.accountId, JORDAN_MEMBER.accountId],
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
/** Where Jira puts every app's account; the group's permissions are what `asApp` calls hold. */
export const ATLASSIAN_ADDONS_ADMIN: SiteGroup = {
  groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e05',
  name: 'atlassian-addons-admin',
  memberIds: [APP_USER.accountId],
};

export const SITE_GROUPS: readonly SiteGroup[] = [ATLASSIAN_ADDONS_ADMIN, JIRA_ADMINS, JIRA_SOFTWARE_USERS, SITE_ADMINS, SUPPORT_AGENTS];

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

export const PROJECT_ROLES: readonly ProjectRoleDefinition[] = [DEVELOPERS_ROLE, USERS_ROLE, ADMINISTRATORS_ROLE, SERVICE_DESK_TEAM_ROLE];

/** Who acts in each role of DEMO (people directly, and everyone in jira-software-users as Users) and of OPS. */
export const ROLE_ACTORS: readonly ProjectRoleActors[] = [
  { projectKey: 'DEMO', roleId: DEVELOPERS_ROLE.id, userIds: [JORDAN_MEMBER.accountId], groupIds: [] },
  { projectKey: 'DEMO', roleId: USERS_ROLE.id, userIds: [], groupIds: [JIRA_SOFTWARE_USERS.groupId] },
  { projectKey: 'DEMO', roleId: ADMINISTRATORS_ROLE.id, userIds: [ALEX_ADMIN.accountId], groupIds: [] },
  { projectKey: 'DEMO', roleId: SERVICE_DESK_TEAM_ROLE.id, userIds: [SAM_AGENT.accountId], groupIds: [] },
  { projectKey: 'OPS', roleId: ADMINISTRATORS_ROLE.id, userIds: [ALEX_ADMIN.accountId], groupIds: [] },
  { projectKey: 'OPS', roleId: SERVICE_DESK_TEAM_ROLE.id, userIds: [SAM_AGENT.accountId], groupIds: [] },
];
