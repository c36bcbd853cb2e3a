import type {
  CredentialView,
  NotificationRuleInput,
  NotificationRuleView,
  ProjectRef,
  ResolverResult,
  StatusRef,
  TemplateView,
} from '../../../../src/contract';
import type { Loadable } from '../../../../static/shared/loadable';
import type { FakeAdminBackend } from './fake-admin-bridge';

export const TEMPLATES: TemplateView[] = [
  { id: 'built-in', name: 'Issue summary', subject: '[{{ issue.key }}]', body: '<p/>', builtIn: true, updatedAt: null },
  {
    id: 'tpl-support',
    name: 'Support reply',
    subject: 'Re: {{ issue.summary }}',
    body: '<p>Hello</p>',
    builtIn: false,
    updatedAt: '2026-11-20T10:00:00.000Z',
  },
];

export const PROJECTS: ProjectRef[] = [
  { key: 'DEMO', name: 'Demo' },
  { key: 'OPS', name: 'Operations' },
  { key: 'SUP', name: 'Support' },
];

export const STATUSES: StatusRef[] = [
  { id: '10001', name: 'Done' },
  { id: '3', name: 'In Progress' },
  { id: '1', name: 'Open' },
];

const credential = (id: string, name: string, senderMailbox: string, isDefault: boolean): CredentialView => ({
  id,
  name,
  provider: 'microsoft365',
  grantType: 'client_credentials',
  clientId: '00000000-0000-0000-0000-000000000001',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox,
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  hasSecret: true,
  isDefault,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

export const CREDENTIALS: Loadable<CredentialView[]> = {
  state: 'loaded',
  data: [
    credential('cred-main', 'Main', 'jira@contoso.example', true),
    credential('cred-support', 'Support desk', 'support@contoso.example', false),
  ],
};

export const rule = (id: string, overrides: Partial<NotificationRuleView> = {}): NotificationRuleView => ({
  id,
  name: `Rule ${id}`,
  enabled: true,
  event: 'issue-created',
  projectKeys: ['DEMO'],
  templateId: 'built-in',
  recipients: { addresses: [], roles: ['reporter'] },
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  firedCount: 0,
  ...overrides,
});

/** Every list the section loads, answered; `rules` as given. */
export const answerLists = (backend: FakeAdminBackend, rules: NotificationRuleView[]): void => {
  backend.on('listNotificationRules', () => ({ ok: true, data: rules }));
  backend.on('listStatuses', () => ({ ok: true, data: STATUSES }));
  backend.on('listProjects', () => ({ ok: true, data: PROJECTS }));
  backend.on('listTemplates', () => ({ ok: true, data: TEMPLATES }));
  backend.on('listJiraFields', () => ({ ok: true, data: JIRA_FIELDS }));
};

/** Jira's fields, for "A chosen field changed". */
export const JIRA_FIELDS = [
  { id: 'labels', name: 'Labels' },
  { id: 'priority', name: 'Priority' },
  { id: 'customfield_10016', name: 'Story Points' },
];

/** The backend's answer to a save: the rule as stored. */
export const stored = (input: NotificationRuleInput): ResolverResult<NotificationRuleView> => ({
  ok: true,
  data: {
    ...input,
    id: input.id ?? 'rule-new',
    createdAt: '2026-11-26T20:00:00.000Z',
    updatedAt: '2026-11-26T20:00:00.000Z',
    firedCount: 0,
  },
});
