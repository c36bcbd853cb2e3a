import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import type { IssuePerson, IssueRoles } from '../../../src/jira/issue-people';
import type { IssueEventFact } from '../../../src/notifications/issue-event';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A stored rule: on issue creation in DEMO, the built-in template to intake@example.com. */
export const ruleView = (overrides: Partial<NotificationRuleView> = {}): NotificationRuleView => ({
  id: 'rule-1',
  name: 'New DEMO issues',
  enabled: true,
  event: 'issue-created',
  projectKeys: ['DEMO'],
  templateId: 'built-in',
  recipients: { addresses: ['intake@example.com'], roles: [] },
  createdAt: '2024-05-01T00:00:00.000Z',
  updatedAt: '2024-05-01T00:00:00.000Z',
  firedCount: 0,
  ...overrides,
});

/** DEMO-1 was created by user-7. */
export const eventFact = (overrides: Partial<IssueEventFact> = {}): IssueEventFact => ({
  kind: 'issue-created',
  eventId: 'created:10001',
  issue: { id: '10001', key: 'DEMO-1', projectKey: 'DEMO' },
  actorAccountId: 'user-7',
  byApp: false,
  ...overrides,
});

export const person = (
  source: IssuePerson['source'],
  accountId: string,
  emailAddress: string | null,
  active = true,
): IssuePerson => ({ accountId, displayName: accountId, emailAddress, active, source });

export const noRoles = (): IssueRoles => ({ reporter: undefined, assignee: undefined, watchers: [] });
