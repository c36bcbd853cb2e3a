import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import type { IssueRoles } from '../../../src/jira/issue-people';
import { recipientLabel } from '../../../src/mail/recipients';
import { notifyRules } from '../../../src/notifications/notify';
import { eventFact, iso, noRoles, person, ruleView } from './notification-fixtures';
import { intake, notifyWorld, NOW } from './notify-fixtures';

describe('notifyRules', () => {
  it("emails the rule's roles (active people Jira gives an address for) and addresses, each address once", async () => {
    const rule = ruleView({
      recipients: {
        addresses: ['Grace@Example.com', 'intake@example.com'],
        roles: ['reporter', 'assignee', 'watchers'],
      },
    });
    const { deps, world, queued } = await notifyWorld([rule]);
    world.roles = {
      reporter: person('reporter', 'u-grace', 'grace@example.com'),
      assignee: person('assignee', 'u-ada', 'ada@example.com'),
      watchers: [
        person('watcher', 'u-ada', 'ada@example.com'),
        person('watcher', 'u-hidden', null),
        person('watcher', 'u-gone', 'gone@example.com', false),
        person('watcher', 'u-bob', 'BOB@example.com'),
        person('watcher', 'u-intake', 'Intake@Example.com'),
      ],
    };

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'queued' }],
    });
    expect(world.rolesCalls).toEqual(['DEMO-1']);
    expect(queued).toEqual([
      {
        ruleId: 'rule-1',
        eventId: 'created:10001',
        to: ['Grace@Example.com', 'intake@example.com', 'ada@example.com', 'BOB@example.com'],
      },
    ]);
  });

  it.each<[string, IssueRoles['reporter'], IssueRoles['watchers']]>([
    ['the issue has no reporter', undefined, []],
    [
      'Jira gives no address for the reporter, not even through its Email API',
      person('reporter', 'u-grace', null),
      [person('watcher', 'u-hidden', null)],
    ],
    ['the reporter is deactivated', person('reporter', 'u-grace', 'grace@example.com', false), []],
  ])('answers no-recipients, logged, when %s', async (_name, reporter, watchers) => {
    const { deps, world, queued, claims, history, logLines } = await notifyWorld([
      ruleView({ recipients: { addresses: [], roles: ['reporter', 'watchers'] } }),
    ]);
    world.roles = { reporter, assignee: person('assignee', 'u-ada', 'ada@example.com'), watchers };

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'no-recipients' }],
    });
    expect(logLines).toEqual(['notification rule rule-1 on DEMO-1: no-recipients']);
    expect(queued).toEqual([]);
    expect(claims.size).toBe(0);
    expect(await history.read('rule-1')).toMatchObject({ firedCount: 0, runs: [{ outcome: 'skipped' }] });
  });

  it('reaches a reporter and a watcher whose address Jira hides through the Email API, listed by name', async () => {
    const { deps, world, queued } = await notifyWorld([
      ruleView({ recipients: { addresses: [], roles: ['reporter', 'assignee', 'watchers'] } }),
    ]);
    world.roles = {
      reporter: { ...person('reporter', 'u-casey', null), displayName: 'Casey Customer' },
      assignee: person('assignee', 'u-ada', 'ada@example.com'),
      watchers: [person('watcher', 'u-casey', null), { ...person('watcher', 'u-rin', null), displayName: 'Rin' }],
    };
    world.userEmails = new Map([
      ['u-casey', 'casey@customer.example'],
      ['u-rin', 'rin@customer.example'],
    ]);

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'queued' }],
    });
    // Asked once, only about the people whose address was hidden.
    expect(world.emailCalls).toEqual([['u-casey', 'u-rin']]);
    expect(queued).toEqual([
      {
        ruleId: 'rule-1',
        eventId: 'created:10001',
        to: ['casey@customer.example', 'ada@example.com', 'rin@customer.example'],
      },
    ]);
    expect(world.recipients[0]?.map(recipientLabel)).toEqual(['Casey Customer', 'ada@example.com', 'Rin']);
  });

  it('does not read the roles for a rule of addresses only', async () => {
    const { deps, world } = await notifyWorld([intake]);
    await notifyRules(eventFact(), deps);
    expect(world.rolesCalls).toEqual([]);
  });

  it.each<[string, Partial<NotificationRuleView>, () => IssueRoles, string]>([
    [
      "the reporter's address hidden, the Email API giving none",
      { recipients: { addresses: [], roles: ['reporter'] } },
      () => ({ ...noRoles(), reporter: person('reporter', 'user-3', null) }),
      "No recipients: the reporter's address is hidden.",
    ],
    [
      'no assignee',
      { recipients: { addresses: [], roles: ['assignee'] } },
      noRoles,
      'No recipients: the issue has no assignee.',
    ],
    [
      'no watchers and an inactive reporter',
      { recipients: { addresses: [], roles: ['reporter', 'watchers'] } },
      () => ({ ...noRoles(), reporter: person('reporter', 'user-3', 'r@example.com', false) }),
      "No recipients: the reporter's account is inactive; the issue has no watchers.",
    ],
  ])('records a skip for %s in words', async (_name, overrides, roles, reason) => {
    const { deps, world, history, queued } = await notifyWorld([ruleView(overrides)]);
    world.roles = roles();
    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'no-recipients' }],
    });
    expect(queued).toEqual([]);
    expect((await history.read('rule-1')).runs).toEqual([
      { at: iso(NOW), event: 'issue-created', issueKey: 'DEMO-1', outcome: 'skipped', reason },
    ]);
  });

  it("records that the app cannot see the issue's project when Jira hides the issue from it", async () => {
    const { deps, history } = await notifyWorld([ruleView({ recipients: { addresses: [], roles: ['reporter'] } })]);
    deps.readRoles = async () => {
      throw new JiraError(JiraErrorCode.IssueNotFound, 'GET /rest/api/3/issue/DEMO-1 answered 404.', { status: 404 });
    };
    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'app-cannot-see' }],
    });
    expect((await history.read('rule-1')).runs[0]?.reason).toBe(
      "Issue Mailer's Jira account cannot see project DEMO; grant it Browse projects there.",
    );
  });
});
