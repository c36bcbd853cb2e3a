import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import type { NotifyDeps } from '../../../src/notifications/notify';
import { createRuleStore } from '../../../src/notifications/rule-store';
import { createRunHistoryStore } from '../../../src/notifications/run-history';
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
    history: createRunHistoryStore(kv),
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
    issueRef: async (issueId) => (issueId === '10001' ? { id: '10001', key: 'DEMO-1', projectKey: 'DEMO' } : undefined),
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
    [
      'an update with no change',
      { ...created, eventType: 'avi:jira:updated:issue', changelog: { id: '1', items: [] } },
    ],
    [
      'an unassignment',
      {
        ...created,
        eventType: 'avi:jira:assigned:issue',
        changelog: { id: '1', items: [{ field: 'assignee', fieldId: 'assignee', from: 'u', to: null }] },
      },
    ],
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
    const { deps, queued } = await triggerWorld([
      ruleView({ id: 'rule-1' }),
      ruleView({ id: 'rule-2', jql: 'priority = High' }),
      ruleView({ id: 'rule-3', projectKeys: ['OPS'] }),
    ]);
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

  it('hands a move to Done to the transition and the resolution rules, each once', async () => {
    const { deps, queued } = await triggerWorld([
      ruleView({ id: 'moved', event: 'issue-transitioned' }),
      ruleView({ id: 'resolved', event: 'issue-resolved' }),
      ruleView({ id: 'labels', event: 'field-changed', fieldId: 'labels' }),
      ruleView({ id: 'status-field', event: 'field-changed', fieldId: 'status' }),
    ]);
    const done = {
      ...created,
      eventType: 'avi:jira:updated:issue',
      changelog: {
        id: '30001',
        items: [
          { field: 'resolution', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
          { field: 'status', fieldId: 'status', from: '3', fromString: 'In Progress', to: '10001', toString: 'Done' },
        ],
      },
    };
    await expect(handleIssueEvent(done, deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'moved', outcome: 'queued' },
        { ruleId: 'resolved', outcome: 'queued' },
        { ruleId: 'status-field', outcome: 'queued' },
      ],
    });
    expect(queued).toEqual(['moved', 'resolved', 'status-field']);
  });

  it("reads an attachment's issue by id (as the app) and hands it to the attachment rules", async () => {
    const { deps, queued } = await triggerWorld([
      ruleView({ id: 'files', event: 'attachment-added' }),
      ruleView({ id: 'new' }),
    ]);
    const attached = {
      eventType: 'avi:jira:created:attachment',
      attachment: { id: 10200, issueId: 10001, fileName: 'a.png', author: { accountId: 'user-7' } },
    };
    await expect(handleIssueEvent(attached, deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'files', outcome: 'queued' }],
    });
    expect(queued).toEqual(['files']);
    // An issue the app cannot see: nothing to answer.
    await expect(
      handleIssueEvent({ ...attached, attachment: { ...attached.attachment, id: 10201, issueId: 10999 } }, deps),
    ).resolves.toBeUndefined();
    expect(queued).toEqual(['files']);
  });

  it("answers an app's comment as ignored, queueing nothing", async () => {
    const { deps, queued } = await triggerWorld([ruleView({ event: 'issue-commented' })]);
    const comment = {
      ...created,
      eventType: 'avi:jira:commented:issue',
      comment: { id: '20001', author: { accountId: 'app-1', accountType: 'app' } },
    };
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
    expect(error.mock.calls).toEqual([
      ['[issue-mailer] issue-created on DEMO-1 failed: StorageError STORAGE_FAILED; Forge delivers it again'],
    ]);
    expect(info).not.toHaveBeenCalled();
  });
});
