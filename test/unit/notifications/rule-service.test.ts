import type { NotificationRule, NotificationRuleView } from '../../../src/contract/notification-rules';
import { RuleInvalidError, RuleNotFoundError, TooManyRulesError } from '../../../src/notifications/errors';
import { createRuleService } from '../../../src/notifications/rule-service';
import { createRuleStore } from '../../../src/notifications/rule-store';
import { createRunHistoryStore } from '../../../src/notifications/run-history';
import { sequentialIds } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';
import { iso } from './notification-fixtures';

const NOW = Date.parse('2024-05-06T06:00:00Z');

type SaveInput = Omit<NotificationRule, 'id'> & { id?: string };

/** What the schema passes for a new rule: on creation in DEMO, the built-in template to intake@example.com. */
const input = (overrides: Partial<SaveInput> = {}): SaveInput => ({
  name: 'New DEMO issues',
  enabled: true,
  event: 'issue-created',
  projectKeys: ['DEMO'],
  templateId: 'built-in',
  recipients: { addresses: ['intake@example.com'], roles: [] },
  ...overrides,
});

const serviceWorld = () => {
  const kv = new MemoryKvStore();
  const store = createRuleStore(kv);
  const world = {
    kv,
    store,
    clock: { now: NOW },
    jqlChecked: [] as string[],
    newIds: 0,
    /** The projects the app's own account sees; `undefined` makes the check fail. */
    appSees: new Set(['DEMO', 'OPS']) as Set<string> | undefined,
    logLines: [] as string[],
  };
  const nextId = sequentialIds('rule');
  const service = createRuleService({
    store,
    history: createRunHistoryStore(kv),
    templateIds: async () => ['built-in', 'tpl-1'],
    credentialIds: async () => ['cred-1', 'cred-2'],
    isValidJql: async (jql) => {
      world.jqlChecked.push(jql);
      return !jql.includes('invalid');
    },
    appSees: async () => {
      if (world.appSees === undefined) throw Object.assign(new Error('Jira is down'), { code: 'JIRA_REQUEST_FAILED' });
      return world.appSees;
    },
    log: (line) => world.logLines.push(line),
    now: () => world.clock.now,
    newId: () => {
      world.newIds += 1;
      return nextId();
    },
  });
  return { ...world, service, world };
};

const created = (overrides: Partial<NotificationRuleView> = {}): NotificationRuleView => ({
  name: 'New DEMO issues',
  enabled: true,
  event: 'issue-created',
  projectKeys: ['DEMO'],
  templateId: 'built-in',
  recipients: { addresses: ['intake@example.com'], roles: [] },
  id: 'rule-1',
  createdAt: iso(NOW),
  updatedAt: iso(NOW),
  firedCount: 0,
  ...overrides,
});

describe('rule service', () => {
  it('saves a new rule with a new id, its times and no firings, and stores exactly that', async () => {
    const { service, store, jqlChecked } = serviceWorld();
    const view = await service.save(input());
    expect(view).toStrictEqual(created());
    expect(await store.get('rule-1')).toStrictEqual(view);
    expect(jqlChecked).toEqual([]);
  });

  it.each<[string, Partial<SaveInput>, Partial<NotificationRuleView>]>([
    ['drops a status for an event that is no transition', { event: 'issue-created', toStatus: 'Done' }, {}],
    ['drops a status for comments', { event: 'issue-commented', toStatus: 'Done' }, { event: 'issue-commented' }],
    [
      'keeps the status of a transition rule',
      { event: 'issue-transitioned', toStatus: 'Done' },
      { event: 'issue-transitioned', toStatus: 'Done' },
    ],
    [
      'drops an empty status (any status)',
      { event: 'issue-transitioned', toStatus: '' },
      { event: 'issue-transitioned' },
    ],
    ['drops an empty JQL', { jql: '' }, {}],
    ['keeps a JQL', { jql: 'priority = High' }, { jql: 'priority = High' }],
    ['keeps a credential that exists', { credentialId: 'cred-2' }, { credentialId: 'cred-2' }],
    [
      'removes repeated projects, addresses and roles',
      {
        projectKeys: ['DEMO', 'OPS', 'DEMO'],
        recipients: {
          addresses: ['a@example.com', 'b@example.com', 'a@example.com'],
          roles: ['watchers', 'reporter', 'watchers'],
        },
      },
      {
        projectKeys: ['DEMO', 'OPS'],
        recipients: { addresses: ['a@example.com', 'b@example.com'], roles: ['watchers', 'reporter'] },
      },
    ],
  ])('%s', async (_name, overrides, expected) => {
    const { service, store } = serviceWorld();
    const view = await service.save(input(overrides));
    expect(view).toStrictEqual(created(expected));
    expect(await store.get('rule-1')).toStrictEqual(view);
  });

  it('asks Jira about a JQL once, as given', async () => {
    const { service, jqlChecked } = serviceWorld();
    await service.save(input({ jql: 'priority = High' }));
    expect(jqlChecked).toEqual(['priority = High']);
  });

  it.each<[string, Partial<SaveInput>, Record<string, string>, string]>([
    [
      'an unknown template',
      { templateId: 'tpl-9' },
      { templateId: 'That template no longer exists. Choose another.' },
      'templateId',
    ],
    [
      'an unknown credential',
      { credentialId: 'cred-9' },
      { credentialId: 'That credential no longer exists. Choose another mailbox.' },
      'credentialId',
    ],
    [
      'a JQL Jira refuses',
      { jql: 'project = invalid' },
      { jql: "Jira could not read this JQL. Check it in Jira's issue search." },
      'jql',
    ],
    [
      'all three',
      { templateId: 'tpl-9', credentialId: 'cred-9', jql: 'invalid' },
      {
        templateId: 'That template no longer exists. Choose another.',
        credentialId: 'That credential no longer exists. Choose another mailbox.',
        jql: "Jira could not read this JQL. Check it in Jira's issue search.",
      },
      'templateId, credentialId, jql',
    ],
  ])('refuses %s with RuleInvalidError naming the field', async (_name, overrides, fieldErrors, fields) => {
    const { service, kv, world } = serviceWorld();
    const error = await service.save(input(overrides)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(RuleInvalidError);
    expect(error).toMatchObject({
      code: 'NOTIFICATION_RULE_INVALID',
      message: `The notification rule is not valid: ${fields}.`,
    });
    expect((error as RuleInvalidError).fieldErrors).toEqual(fieldErrors);
    expect(kv.count('set')).toBe(0);
    expect(world.newIds).toBe(0);
  });

  it('updates a rule in place: the same id, its creation time and firings kept, a new update time', async () => {
    const { service, store, world } = serviceWorld();
    await service.save(input());
    const fired = { ...created(), firedCount: 3, lastFiredAt: iso(NOW + 1000) };
    await store.put(fired);
    world.clock.now = NOW + 60_000;

    const view = await service.save(
      input({ id: 'rule-1', name: 'Renamed', enabled: false, recipients: { addresses: [], roles: ['reporter'] } }),
    );
    expect(view).toStrictEqual({
      ...fired,
      name: 'Renamed',
      enabled: false,
      recipients: { addresses: [], roles: ['reporter'] },
      updatedAt: iso(NOW + 60_000),
    });
    expect(await store.get('rule-1')).toStrictEqual(view);
    expect(world.newIds).toBe(1);
    expect(await service.list()).toStrictEqual([view]);
  });

  it('drops what an update leaves out (status, JQL, credential)', async () => {
    const { service } = serviceWorld();
    await service.save(
      input({ event: 'issue-transitioned', toStatus: 'Done', jql: 'priority = High', credentialId: 'cred-1' }),
    );
    await expect(service.save(input({ id: 'rule-1', event: 'issue-transitioned' }))).resolves.toStrictEqual(
      created({ event: 'issue-transitioned' }),
    );
  });

  it('refuses to update a rule that does not exist, and stores nothing', async () => {
    const { service, kv, world } = serviceWorld();
    const error = await service.save(input({ id: 'rule-9' })).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(RuleNotFoundError);
    expect(error).toMatchObject({ code: 'NOTIFICATION_RULE_NOT_FOUND', message: 'No notification rule rule-9.' });
    expect(kv.count('set')).toBe(0);
    expect(world.newIds).toBe(0);
  });

  it('keeps at most 100 rules: the 101st is refused, updates at the limit are not', async () => {
    const { service, world } = serviceWorld();
    for (let index = 0; index < 100; index += 1) {
      world.clock.now = NOW + index;
      await service.save(input({ name: `Rule ${index}` }));
    }
    const error = await service.save(input({ name: 'One too many' })).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(TooManyRulesError);
    expect(error).toMatchObject({ code: 'NOTIFICATION_RULES_LIMIT', message: 'At most 100 notification rules.' });
    expect(world.newIds).toBe(100);

    await expect(service.save(input({ id: 'rule-100', name: 'Renamed' }))).resolves.toMatchObject({
      id: 'rule-100',
      name: 'Renamed',
    });
    const rules = await service.list();
    expect(rules).toHaveLength(100);
    expect(rules.slice(0, 2).map((rule) => rule.id)).toEqual(['rule-1', 'rule-2']);
  });

  it('lists rules oldest first', async () => {
    const { service, world } = serviceWorld();
    world.clock.now = NOW + 2000;
    await service.save(input({ name: 'Later' }));
    world.clock.now = NOW;
    await service.save(input({ name: 'Earlier' }));
    expect((await service.list()).map((rule) => [rule.id, rule.name])).toEqual([
      ['rule-2', 'Earlier'],
      ['rule-1', 'Later'],
    ]);
  });

  it("lists with each rule a warning for every project the app's own Jira account cannot see", async () => {
    const { service, world } = serviceWorld();
    await service.save(input({ name: 'Both', projectKeys: ['DEMO', 'SEC', 'HR'] }));
    await service.save(input({ name: 'Seen', projectKeys: ['OPS'] }));
    const listed = await service.list();
    expect(listed.map((rule) => [rule.name, rule.warnings])).toEqual([
      [
        'Both',
        [
          "Issue Mailer's own Jira account cannot see project SEC, so this rule sends nothing for SEC issues. Grant the atlassian-addons-project-access role Browse projects in SEC's permission scheme.",
          "Issue Mailer's own Jira account cannot see project HR, so this rule sends nothing for HR issues. Grant the atlassian-addons-project-access role Browse projects in HR's permission scheme.",
        ],
      ],
      ['Seen', undefined],
    ]);
    // Warnings are worked out, never stored.
    expect((await world.store.list()).map((rule) => 'warnings' in rule)).toEqual([false, false]);
  });

  it('still lists the rules, without warnings, when the projects cannot be checked', async () => {
    const { service, world } = serviceWorld();
    await service.save(input({ projectKeys: ['SEC'] }));
    world.appSees = undefined;
    expect((await service.list()).map((rule) => rule.warnings)).toEqual([undefined]);
    expect(world.logLines).toEqual([
      'notification rules: could not check the projects the app can see (Error JIRA_REQUEST_FAILED)',
    ]);
  });

  it('deletes a rule; deleting it again is RuleNotFoundError', async () => {
    const { service, store } = serviceWorld();
    await service.save(input());
    await expect(service.delete('rule-1')).resolves.toEqual({ id: 'rule-1' });
    expect(await store.get('rule-1')).toBeUndefined();
    expect(await service.list()).toEqual([]);
    await expect(service.delete('rule-1')).rejects.toMatchObject({
      name: 'RuleNotFoundError',
      code: 'NOTIFICATION_RULE_NOT_FOUND',
      message: 'No notification rule rule-1.',
    });
  });

  it('lists each rule with the firings its history counted, answers its runs, and deletes its history with it', async () => {
    const { service, kv } = serviceWorld();
    await service.save(input());
    const history = createRunHistoryStore(kv);
    const run = {
      at: iso(NOW + 1000),
      event: 'issue-created',
      issueKey: 'DEMO-1',
      outcome: 'fired',
      reason: 'Emailed 1 recipient.',
    } as const;
    await history.record('rule-1', run);
    await history.record('rule-1', {
      ...run,
      at: iso(NOW + 2000),
      outcome: 'skipped',
      reason: 'Sent once already for this event.',
    });
    expect((await service.list())[0]).toMatchObject({ firedCount: 1, lastFiredAt: iso(NOW + 1000) });
    expect((await service.history('rule-1')).map((entry) => entry.outcome)).toEqual(['skipped', 'fired']);
    await expect(service.history('rule-9')).rejects.toMatchObject({ code: 'NOTIFICATION_RULE_NOT_FOUND' });
    await service.delete('rule-1');
    expect([...kv.plain.keys()]).toEqual([]);
  });
});
