import { credentialInput } from '../support/credentials';
import { adminRequest, configuredWorld, NOW, resolverWorld, silenceWarnings } from '../support/resolvers';
import { iso } from './notification-fixtures';

const NOT_ADMIN = {
  ok: false,
  error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
};
const VALIDATION = (fieldErrors: Record<string, string>) => ({
  ok: false,
  error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors },
});
const NOT_FOUND = {
  ok: false,
  error: { code: 'NOTIFICATION_RULE_NOT_FOUND', message: 'That notification rule no longer exists. Reload the page.' },
};

/** The admin page's payload for a new rule. */
const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'New DEMO issues',
  enabled: true,
  event: 'issue-created',
  projectKeys: ['DEMO'],
  templateId: 'built-in',
  recipients: { addresses: ['intake@example.com'], roles: [] },
  ...overrides,
});

describe('notification rule admin functions', () => {
  silenceWarnings();

  it.each([
    ['listNotificationRules', {}],
    ['saveNotificationRule', rule()],
    ['deleteNotificationRule', { id: 'rule-1' }],
    ['listStatuses', {}],
    ['listJiraFields', {}],
    ['getNotificationRuleHistory', { id: 'rule-1' }],
    ['tryNotificationRule', { id: 'rule-1', issueKey: 'DEMO-1' }],
  ] as const)('%s answers NOT_ADMIN to a non-admin before touching anything', async (name, body) => {
    const world = resolverWorld({ isAdmin: false });
    await expect(world.admin[name](adminRequest(body))).resolves.toEqual(NOT_ADMIN);
    expect(world.kv.count()).toBe(0);
    expect(world.jira.calls.map((call) => call.path)).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    [
      'no recipients',
      { recipients: { addresses: [], roles: [] } },
      { recipients: 'Add at least one recipient: an address, the reporter, the assignee or the watchers.' },
    ],
    ['no project', { projectKeys: [] }, { projectKeys: 'Choose at least one project.' }],
    ['a project key that is not one', { projectKeys: ['demo'] }, { projectKeys: 'Not a project key.' }],
    [
      '51 projects',
      { projectKeys: Array.from({ length: 51 }, (_, index) => `P${index}`) },
      { projectKeys: 'Choose at most 50 projects.' },
    ],
    [
      'a bad address',
      { recipients: { addresses: ['intake@example.com', 'not an address'], roles: [] } },
      { recipients: 'Enter valid email addresses.' },
    ],
    [
      '101 addresses',
      { recipients: { addresses: Array.from({ length: 101 }, (_, index) => `person${index}@example.com`), roles: [] } },
      { recipients: 'Add at most 100 addresses.' },
    ],
    ['an empty name', { name: '   ' }, { name: 'Name the rule.' }],
    ['a long name', { name: 'x'.repeat(101) }, { name: 'Keep the name under 100 characters.' }],
    ['an unknown event', { event: 'issue-deleted' }, { event: 'Choose when the rule sends.' }],
    ['no template', { templateId: '' }, { templateId: 'Choose a template.' }],
    ['a long JQL', { jql: 'x'.repeat(2001) }, { jql: 'Keep the JQL under 2,000 characters.' }],
    ['a bad rule id', { id: 'Rule 1' }, { id: 'Not a rule id.' }],
  ])('refuses a rule with %s, naming the field', async (_name, overrides, fieldErrors) => {
    const world = await configuredWorld();
    world.kv.resetOperations();
    await expect(world.admin.saveNotificationRule(adminRequest(rule(overrides)))).resolves.toEqual(
      VALIDATION(fieldErrors),
    );
    expect(world.kv.count('set')).toBe(0);
  });

  it('refuses a payload with an unknown field without naming it', async () => {
    const world = await configuredWorld();
    await expect(world.admin.saveNotificationRule(adminRequest(rule({ firedCount: 5 })))).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['an unknown template', { templateId: 'tpl-9' }, { templateId: 'That template no longer exists. Choose another.' }],
    [
      'an unknown credential',
      { credentialId: 'cred-9' },
      { credentialId: 'That credential no longer exists. Choose another mailbox.' },
    ],
    [
      'a JQL Jira refuses',
      { jql: 'status = invalid' },
      { jql: "Jira could not read this JQL. Check it in Jira's issue search." },
    ],
  ])('answers VALIDATION_FAILED for %s', async (_name, overrides, fieldErrors) => {
    const world = await configuredWorld();
    await expect(world.admin.saveNotificationRule(adminRequest(rule(overrides)))).resolves.toEqual(
      VALIDATION(fieldErrors),
    );
    await expect(world.admin.listNotificationRules(adminRequest({}))).resolves.toEqual({ ok: true, data: [] });
  });

  it('saves, lists, updates and deletes a rule', async () => {
    const world = await configuredWorld();
    await world.admin.saveCredential(
      adminRequest(credentialInput({ name: 'Alerts', senderMailbox: 'alerts@contoso.com' })),
    );
    const saved = {
      name: 'Done in DEMO',
      enabled: true,
      event: 'issue-transitioned',
      toStatus: 'Done',
      projectKeys: ['DEMO'],
      jql: 'priority = High',
      templateId: 'built-in',
      recipients: { addresses: ['team@example.com'], roles: ['reporter'] },
      credentialId: 'cred-2',
      id: 'rule-1',
      createdAt: iso(NOW),
      updatedAt: iso(NOW),
      firedCount: 0,
    };
    await expect(
      world.admin.saveNotificationRule(
        adminRequest(
          rule({
            name: ' Done in DEMO ',
            event: 'issue-transitioned',
            toStatus: ' Done ',
            jql: ' priority = High ',
            recipients: { addresses: [' team@example.com '], roles: ['reporter'] },
            credentialId: 'cred-2',
          }),
        ),
      ),
    ).resolves.toEqual({ ok: true, data: saved });
    await expect(world.admin.listNotificationRules(adminRequest({}))).resolves.toEqual({ ok: true, data: [saved] });

    world.clock.now = NOW + 60_000;
    await expect(
      world.admin.saveNotificationRule(adminRequest(rule({ id: 'rule-1', enabled: false }))),
    ).resolves.toEqual({
      ok: true,
      data: {
        ...rule({ enabled: false }),
        id: 'rule-1',
        createdAt: iso(NOW),
        updatedAt: iso(NOW + 60_000),
        firedCount: 0,
      },
    });
    expect(await world.ruleStore.list()).toHaveLength(1);

    await expect(world.admin.deleteNotificationRule(adminRequest({ id: 'rule-1' }))).resolves.toEqual({
      ok: true,
      data: { id: 'rule-1' },
    });
    await expect(world.admin.listNotificationRules(adminRequest({}))).resolves.toEqual({ ok: true, data: [] });
    await expect(world.admin.deleteNotificationRule(adminRequest({ id: 'rule-1' }))).resolves.toEqual(NOT_FOUND);
  });

  it('answers NOTIFICATION_RULE_NOT_FOUND for an update of a rule that is gone', async () => {
    const world = await configuredWorld();
    await expect(world.admin.saveNotificationRule(adminRequest(rule({ id: 'rule-7' })))).resolves.toEqual(NOT_FOUND);
    expect(await world.ruleStore.list()).toEqual([]);
  });

  it('answers the 101st rule with NOTIFICATION_RULES_LIMIT', async () => {
    const world = await configuredWorld();
    for (let index = 0; index < 100; index += 1) {
      await expect(
        world.admin.saveNotificationRule(adminRequest(rule({ name: `Rule ${index}` }))),
      ).resolves.toMatchObject({ ok: true });
    }
    await expect(world.admin.saveNotificationRule(adminRequest(rule({ name: 'One too many' })))).resolves.toEqual({
      ok: false,
      error: {
        code: 'NOTIFICATION_RULES_LIMIT',
        message: 'Issue Mailer keeps at most 100 notification rules. Delete one first.',
      },
    });
  });

  it('refuses a delete with a bad id', async () => {
    const world = await configuredWorld();
    await expect(world.admin.deleteNotificationRule(adminRequest({ id: '../rule' }))).resolves.toEqual(
      VALIDATION({ id: 'Not a rule id.' }),
    );
  });

  it("lists Jira's statuses", async () => {
    const world = await configuredWorld();
    await expect(world.admin.listStatuses(adminRequest({}))).resolves.toEqual({
      ok: true,
      data: [
        { id: '10000', name: 'Done' },
        { id: '10001', name: 'In Progress' },
      ],
    });
  });

  it('refuses to delete a template a notification rule sends with', async () => {
    const world = await configuredWorld();
    const template = await world.admin.saveTemplate(
      adminRequest({ name: 'Comment alert', subject: '{{ issue.key }}', body: '<p>{{ issue.summary }}</p>' }),
    );
    if (!template.ok) throw new Error('template not saved');
    await expect(
      world.admin.saveNotificationRule(adminRequest(rule({ templateId: template.data.id }))),
    ).resolves.toMatchObject({ ok: true });
    await expect(world.admin.deleteTemplate(adminRequest({ id: template.data.id }))).resolves.toEqual({
      ok: false,
      error: {
        code: 'TEMPLATE_IN_USE',
        message:
          'This template is in use: a project default under Sending settings or a notification rule sends with it. Choose another template there first.',
      },
    });
  });

  it('refuses "Try on an issue" with something that is no issue key, before reading anything', async () => {
    const world = resolverWorld();
    await expect(
      world.admin.tryNotificationRule(adminRequest({ id: 'rule-1', issueKey: 'DEMO 1; drop' })),
    ).resolves.toEqual(VALIDATION({ issueKey: 'Enter an issue key such as DEMO-1.' }));
  });
});
