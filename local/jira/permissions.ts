import type { Project, SiteUser, StoredIssue, UserRole } from './model';
import { PROJECTS } from './seed/catalog';
import { ADDONS_PROJECT_ACCESS_ROLE, ROLE_ACTORS, SECURITY_TEAM } from './seed/groups';
import { APP_USER } from './seed/users';

/** The caller a request acts as, once the actor is known to the site. */
export type Viewer = { kind: 'user'; user: SiteUser } | { kind: 'app' };

export interface PermissionDefinition {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

/** Jira Cloud's built-in permissions (ids and wording as `GET /rest/api/3/permissions` lists them). */
export const PERMISSIONS: readonly PermissionDefinition[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  {
    id: '44',
    key: 'SYSTEM_ADMIN',
    name: 'Jira System Administrator',
    type: 'GLOBAL',
    description:
      'Ability to perform all administration functions. There must be at least one group with this permission.',
  },
  {
    id: '27',
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description:
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
  },
  {
    id: '22',
    key: 'CREATE_SHARED_OBJECTS',
    name: 'Share dashboards and filters',
    type: 'GLOBAL',
    description: 'Share dashboards and filters with other users.',
  },
  {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  {
    id: '13',
    key: 'ASSIGN_ISSUES',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
  },
  {
    id: '17',
    key: 'ASSIGNABLE_USER',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.',
  },
  {
    id: '14',
    key: 'RESOLVE_ISSUES',
    name: 'Resolve Issues',
    type: 'PROJECT',
    description: 'Ability to resolve and reopen issues. This includes the ability to set a fix version.',
  },
  {
    id: '18',
    key: 'CLOSE_ISSUES',
    name: 'Close Issues',
    type: 'PROJECT',
    description:
      'Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them.',
  },
  {
    id: '46',
    key: 'TRANSITION_ISSUES',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
  {
    id: '30',
    key: 'MODIFY_REPORTER',
    name: 'Modify Reporter',
    type: 'PROJECT',
    description: 'Ability to modify the reporter when creating or editing an issue.',
  },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  {
    id: '21',
    key: 'LINK_ISSUES',
    name: 'Link Issues',
    type: 'PROJECT',
    description: 'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
  },
  {
    id: '15',
    key: 'ADD_COMMENTS',
    name: 'Add Comments',
    type: 'PROJECT',
    description: 'Ability to comment on issues.',
  },
  {
    id: '34',
    key: 'EDIT_ALL_COMMENTS',
    name: 'Edit All Comments',
    type: 'PROJECT',
    description: 'Ability to edit all comments made on issues.',
  },
  {
    id: '35',
    key: 'EDIT_OWN_COMMENTS',
    name: 'Edit Own Comments',
    type: 'PROJECT',
    description: 'Ability to edit own comments made on issues.',
  },
  {
    id: '19',
    key: 'CREATE_ATTACHMENTS',
    name: 'Create Attachments',
    type: 'PROJECT',
    description: 'Users with this permission can create attachments.',
  },
  {
    id: '31',
    key: 'VIEW_VOTERS_AND_WATCHERS',
    name: 'View Voters and Watchers',
    type: 'PROJECT',
    description: 'Ability to view the voters and watchers of an issue.',
  },
  {
    id: '32',
    key: 'MANAGE_WATCHERS',
    name: 'Manage Watchers',
    type: 'PROJECT',
    description: 'Ability to manage the watchers of an issue.',
  },
  {
    id: '20',
    key: 'WORK_ON_ISSUES',
    name: 'Work On Issues',
    type: 'PROJECT',
    description: 'Ability to log work done against an issue. Only useful if Time Tracking is turned on.',
  },
];

export const permissionDefinition = (key: string): PermissionDefinition | undefined =>
  PERMISSIONS.find((permission) => permission.key === key);

const ALL_PROJECT = PERMISSIONS.filter((permission) => permission.type === 'PROJECT').map(
  (permission) => permission.key,
);

/** Project permissions each role holds in every project (the project's permission scheme, in short). */
const PROJECT_GRANTS: Record<SiteUser['role'], readonly string[]> = {
  admin: ALL_PROJECT,
  agent: ALL_PROJECT.filter((key) => key !== 'ADMINISTER_PROJECTS' && key !== 'DELETE_ISSUES'),
  member: [
    'BROWSE_PROJECTS',
    'CREATE_ISSUES',
    'ADD_COMMENTS',
    'EDIT_OWN_COMMENTS',
    'CREATE_ATTACHMENTS',
    'LINK_ISSUES',
    'VIEW_VOTERS_AND_WATCHERS',
    'WORK_ON_ISSUES',
    'ASSIGNABLE_USER',
    'TRANSITION_ISSUES',
  ],
  customer: [],
};

/**
 * Service projects are worked by agents: people who only hold Jira Software (members) get nothing there, and
 * customers reach only the requests they raised.
 */
const SERVICE_PROJECT_ROLES: readonly UserRole[] = ['admin', 'agent'];

/**
 * Projects whose permission scheme grants one group and nobody else: not the default group, not the
 * `atlassian-addons-project-access` role, so neither other people nor the app's own account see them.
 */
const RESTRICTED_TO_GROUP: Readonly<Record<string, { memberIds: readonly string[] }>> = { SEC: SECURITY_TEAM };

const roleGrants = (user: SiteUser, projectKey: string | undefined): readonly string[] => {
  const project = projectKey === undefined ? undefined : PROJECTS.find((candidate) => candidate.key === projectKey);
  if (project?.projectTypeKey === 'service_desk' && !SERVICE_PROJECT_ROLES.includes(user.role)) return [];
  const restricted = projectKey === undefined ? undefined : RESTRICTED_TO_GROUP[projectKey];
  if (restricted && !restricted.memberIds.includes(user.accountId)) return [];
  return PROJECT_GRANTS[user.role];
};

/**
 * What the app's own account (asApp) holds. On Forge it is in the default user group only: globally that gives it
 * "Browse users and groups"; in a project, every project permission where the project's scheme grants the
 * `atlassian-addons-project-access` role and the app acts in it, nothing where it does not (SEC).
 * (../shared/reference/forge-runtime.md, "The app's own Jira user".)
 */
const APP_GLOBAL_GRANTS: readonly string[] = ['USER_PICKER'];

/**
 * Project permissions a project's scheme does not grant the `atlassian-addons-project-access` role. OPS's scheme
 * leaves Modify Reporter to its administrators and agents, so the app cannot set `fields.reporter` there (it can in
 * DEMO, whose scheme grants the role everything, as Jira Cloud's default scheme does): the path where an app must
 * fall back to reporting an issue itself.
 */
const WITHHELD_FROM_APP: Readonly<Record<string, readonly string[]>> = { OPS: ['MODIFY_REPORTER'] };

const appReaches = (projectKey: string): boolean =>
  ROLE_ACTORS.some(
    (actors) =>
      actors.projectKey === projectKey &&
      actors.roleId === ADDONS_PROJECT_ACCESS_ROLE.id &&
      actors.userIds.includes(APP_USER.accountId),
  );

const appHolds = (
  key: string,
  definition: PermissionDefinition,
  scope: { issue?: StoredIssue; project?: Project; issues: readonly StoredIssue[] },
): boolean => {
  if (definition.type === 'GLOBAL') return APP_GLOBAL_GRANTS.includes(key);
  const granted = (projectKey: string) =>
    appReaches(projectKey) && !(WITHHELD_FROM_APP[projectKey] ?? []).includes(key);
  const projectKey = scope.issue?.projectKey ?? scope.project?.key;
  if (projectKey !== undefined) return granted(projectKey);
  return scope.issues.some((issue) => granted(issue.projectKey));
};

/** A customer has these on the issues they reported, and on nothing else (a service desk's customer access). */
const REPORTER_GRANTS: readonly string[] = [
  'BROWSE_PROJECTS',
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'CREATE_ATTACHMENTS',
];

const GLOBAL_GRANTS: Record<SiteUser['role'], readonly string[]> = {
  admin: ['ADMINISTER', 'SYSTEM_ADMIN', 'USER_PICKER', 'CREATE_SHARED_OBJECTS'],
  agent: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
  member: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
  customer: [],
};

/**
 * Whether the viewer holds a permission. The app's own account holds what appHolds says. Without an issue, a
 * project permission holds if it holds for any issue in scope (Jira's rule for permissions that depend on issue
 * data).
 */
export const hasPermission = (
  viewer: Viewer,
  key: string,
  scope: { issue?: StoredIssue; project?: Project; issues: readonly StoredIssue[] },
): boolean => {
  const definition = permissionDefinition(key);
  if (!definition) return false;
  if (viewer.kind === 'app') return appHolds(key, definition, scope);
  const { user } = viewer;
  if (definition.type === 'GLOBAL') return GLOBAL_GRANTS[user.role].includes(key);
  if (roleGrants(user, scope.issue?.projectKey ?? scope.project?.key).includes(key)) return true;
  if (!REPORTER_GRANTS.includes(key)) return false;
  const candidates = scope.issue
    ? [scope.issue]
    : scope.issues.filter((issue) => !scope.project || issue.projectKey === scope.project.key);
  return candidates.some((issue) => issue.reporterId === user.accountId);
};

export const canBrowse = (viewer: Viewer, issue: StoredIssue): boolean =>
  hasPermission(viewer, 'BROWSE_PROJECTS', { issue, issues: [issue] });
