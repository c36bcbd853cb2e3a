import type { Component, IssueType, Priority, Project, Resolution, Status, StatusCategory } from '../model';
import { ALEX_ADMIN, SAM_AGENT } from './users';

/** Jira's fixed status categories (ids and colours as Jira Cloud has them). */
export const STATUS_CATEGORIES: readonly StatusCategory[] = [
  { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  { id: 3, key: 'done', colorName: 'green', name: 'Done' },
];

export const STATUSES: readonly Status[] = [
  { id: '10000', name: 'To Do', description: '', iconPath: '/images/icons/statuses/open.png', categoryId: 2 },
  {
    id: '3',
    name: 'In Progress',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    iconPath: '/images/icons/statuses/inprogress.png',
    categoryId: 4,
  },
  {
    id: '10002',
    name: 'Waiting for customer',
    description: 'Waiting for the reporter to answer a question.',
    iconPath: '/images/icons/statuses/generic.png',
    categoryId: 4,
  },
  { id: '10001', name: 'Done', description: '', iconPath: '/images/icons/statuses/closed.png', categoryId: 3 },
];

export const ISSUE_TYPES: readonly IssueType[] = [
  { id: '10004', name: 'Bug', description: 'A problem or error.', avatarId: 10303 },
  { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', avatarId: 10318 },
  { id: '10001', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', avatarId: 10315 },
];

export const PRIORITIES: readonly Priority[] = [
  {
    id: '1',
    name: 'Highest',
    iconName: 'highest',
    statusColor: '#d04437',
    description: 'This problem will block progress.',
  },
  {
    id: '2',
    name: 'High',
    iconName: 'high',
    statusColor: '#f15C75',
    description: 'Serious problem that could block progress.',
  },
  {
    id: '3',
    name: 'Medium',
    iconName: 'medium',
    statusColor: '#f79232',
    description: 'Has the potential to affect progress.',
  },
  {
    id: '4',
    name: 'Low',
    iconName: 'low',
    statusColor: '#707070',
    description: 'Minor problem or easily worked around.',
  },
  {
    id: '5',
    name: 'Lowest',
    iconName: 'lowest',
    statusColor: '#999999',
    description: 'Trivial problem with little or no impact on progress.',
  },
];

export const RESOLUTIONS: readonly Resolution[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
];

export const DEMO_PROJECT: Project = {
  id: '10000',
  key: 'DEMO',
  name: 'Demo IT Support',
  description: 'Requests and incidents for the internal IT support team: email, VPN, laptops, accounts and printing.',
  leadAccountId: ALEX_ADMIN.accountId,
  avatarId: 10400,
  projectTypeKey: 'software',
  categoryName: 'Internal services',
  issueTypeIds: ['10004', '10002', '10001'],
  components: [
    { id: '10000', name: 'Email', description: 'Exchange Online, Outlook and shared mailboxes.' },
    { id: '10001', name: 'VPN', description: 'GlobalProtect remote access.' },
    { id: '10002', name: 'Laptops & Hardware', description: 'Company laptops, docks and peripherals.' },
    { id: '10003', name: 'Identity & Access', description: 'Accounts, groups, MFA and SSO.' },
    { id: '10004', name: 'Printing', description: 'Office printers and print queues.' },
  ],
};

/** A service project: agents and admins work in it; other people with product access do not see it. */
export const OPS_PROJECT: Project = {
  id: '10001',
  key: 'OPS',
  name: 'IT Operations',
  description:
    "Servers, backups, certificates and the network: the operations team's service requests and maintenance.",
  leadAccountId: SAM_AGENT.accountId,
  avatarId: 10401,
  projectTypeKey: 'service_desk',
  categoryName: 'Internal services',
  issueTypeIds: ['10004', '10002', '10001'],
  components: [
    { id: '10005', name: 'Servers', description: 'File, print and application servers.' },
    { id: '10006', name: 'Backups', description: 'Nightly backups and restores.' },
    { id: '10007', name: 'Network', description: 'Switches, Wi-Fi controllers and firewalls.' },
  ],
};

/**
 * A restricted project: its permission scheme grants the security team and nobody else, not even the
 * `atlassian-addons-project-access` role through which apps reach the other projects, so the app's own user (asApp)
 * cannot see it.
 */
export const SEC_PROJECT: Project = {
  id: '10002',
  key: 'SEC',
  name: 'Security Incidents',
  description: 'Security incidents and investigations, visible to the security team only.',
  leadAccountId: SAM_AGENT.accountId,
  avatarId: 10402,
  projectTypeKey: 'software',
  categoryName: 'Internal services',
  issueTypeIds: ['10004', '10002', '10001'],
  components: [{ id: '10008', name: 'Incident response', description: 'Suspected compromises and their follow-up.' }],
};

/** Every project of the site, in the order Jira lists them by key. */
export const PROJECTS: readonly Project[] = [DEMO_PROJECT, OPS_PROJECT, SEC_PROJECT];

/** Component ids are unique across the site, as Jira numbers them. */
export const componentById = (id: string): Component | undefined =>
  PROJECTS.flatMap((project) => project.components).find((component) => component.id === id);
