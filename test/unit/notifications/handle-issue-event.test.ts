import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import type { NotifyDeps } from '../../../src/notifications/notify';
import { createRuleStore } from '../../../src/notifications/rule-store';
import { StorageError } from '../../../src/storage/errors';
import { handleIssueEvent } from '../../../src/triggers/issue-events';
import { MemoryKvStore } from '../support/memory-kv-store';
import { ruleView } from './notification-fixtures';

const NOW = Date.parse('2024-05-06T06:00:00Z');

const created = {
  eventType: 'avi:jira:created:issue',
  atlassianId: 'user-7',
  issue: { id: '10001', key: 'DEMO-1', fields: { project: { key: 'DEMO' } } },
};

const triggerWorld = async (rules: NotificationRuleView[]) => {
  const kv = new MemoryKvStore();
  const store = createRuleStore(kv);
  for (const rule of rules) await store.put(rule);
  const claims = new Set<string>();
  const queued: string[] = [];
  const deps: NotifyDeps = {
    rules: store,
    once: {
      claim: async (ruleId, eventId) => {
        const key = `${ruleId} ${eventId}`;
        if (claims.has(key)) return false;
        claims.add(key);
        return true;
      },
      release: async (ruleId, eventId) => {
        claims.delete(`${ruleId} ${eventId}`);
      },
    },
    matchesJql: async () => false,
    readRoles: async () => ({ reporter: undefined, assignee: undefined, watchers: [] }),
    readUserEmails: async () => new Map(),
    queue: async (rule) => {
      queued.push(rule.id);
      return { emailId: `email-${queued.length}` };
    },
    log: () => undefined,
    now: () => NOW,
  };
  return { kv, deps, queued };
};

describe('handleIssueEvent', () => {
  let info: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    error.mockRestore();
  });

  it.each<[string, unknown]>([
    ['an update that changed no status', { ...created, eventType: 'avi:jira:updated:issue', changelog: { id: '1', items: [{ field: 'summary', toString: 'x' }] } }],
    ['a deleted issue', { ...created, eventType: 'avi:jira:deleted:issue' }],
    ['a malformed event', { eventType: 'avi:jira:created:issue' }],
  ])('answers %s with undefined, reading no rule', async (_name, event) => {
    const { kv, deps, queued } = await triggerWorld([ruleView()]);
    kv.resetOperations();
    await expect(handleIssueEvent(event, deps)).resolves.toBeUndefined();
    expect(kv.count()).toBe(0);
    expect(queued).toEqual([]);
    expect(info).not.toHaveBeenCalled();
  });

  it('hands an event to the rules and logs how many queued an email', async () => {
    const { deps, queued } = await triggerWorld([ruleView({ id: 'rule-1' }), ruleView({ id: 'rule-2', jql: 'priority = High' }), ruleView({ id: 'rule-3', projectKeys: ['OPS'] })]);
    await expect(handleIssueEvent(created, deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'rule-1', outcome: 'queued' },
        { ruleId: 'rule-2', outcome: 'jql-mismatch' },
      ],
    });
    expect(queued).toEqual(['rule-1']);
    expect(info.mock.calls).toEqual([['[issue-mailer] issue-created on DEMO-1: 1 of 2 rules queued an email']]);
  });

  it("answers an app's comment as ignored, queueing nothing", async () => {
    const { deps, queued } = await triggerWorld([ruleView({ event: 'issue-commented' })]);
    const comment = { ...created, eventType: 'avi:jira:commented:issue', comment: { id: '20001', author: { accountId: 'app-1', accountType: 'app' } } };
    await expect(handleIssueEvent(comment, deps)).resolves.toEqual({ ignored: true, outcomes: [] });
    expect(queued).toEqual([]);
    expect(info).not.toHaveBeenCalled();
  });

  it('logs nothing when no rule is for the event', async () => {
    const { deps } = await triggerWorld([ruleView({ projectKeys: ['OPS'] })]);
    await expect(handleIssueEvent(created, deps)).resolves.toEqual({ ignored: false, outcomes: [] });
    expect(info).not.toHaveBeenCalled();
  });

  it('logs a failing notify by name and code and asks Forge to deliver the event again (InvocationError)', async () => {
    const { kv, deps } = await triggerWorld([ruleView()]);
    const failure = new StorageError('query', 'notification-rule:', new Error('platform said secret-123'));
    kv.failNext('query', failure);
    await expect(handleIssueEvent(created, deps)).resolves.toEqual({
      _retry: true,
      retryOptions: { retryAfter: 60, retryReason: 'FUNCTION_RETRY_REQUEST' },
    });
    expect(error.mock.calls).toEqual([['[issue-mailer] issue-created on DEMO-1 failed: StorageError STORAGE_FAILED; Forge delivers it again']]);
    expect(info).not.toHaveBeenCalled();
  });
});
