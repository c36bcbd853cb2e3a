import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import type { IssueRoles } from '../../../src/jira/issue-people';
import { type Recipient, recipientLabel } from '../../../src/mail/recipients';
import { type NotifyDeps, notifyRules } from '../../../src/notifications/notify';
import type { OnceGuard } from '../../../src/notifications/once-guard';
import { createRuleStore } from '../../../src/notifications/rule-store';
import { createRunHistoryStore } from '../../../src/notifications/run-history';
import { OutboxError, OutboxErrorCode } from '../../../src/outbox/errors';
import { StorageError } from '../../../src/storage/errors';
import { MemoryKvStore } from '../support/memory-kv-store';
import { eventFact, iso, noRoles, person, ruleView } from './notification-fixtures';

const NOW = Date.parse('2024-05-06T06:00:00Z');

interface QueueCall {
  ruleId: string;
  eventId: string;
  /** The addresses the email goes to. */
  to: string[];
}

/** notifyRules over rules in memory, a once guard keeping claims in a Set, and fakes for Jira and the outbox. */
const notifyWorld = async (rules: NotificationRuleView[]) => {
  const kv = new MemoryKvStore();
  const store = createRuleStore(kv);
  for (const rule of rules) await store.put(rule);
  const claims = new Set<string>();
  const world = {
    kv,
    store,
    claims,
    clock: { now: NOW },
    /** What Jira answers to "does the issue match this JQL": a boolean, or an error thrown. */
    jql: (_jql: string): boolean | Error => true,
    jqlCalls: [] as Array<[string, string]>,
    roles: noRoles(),
    rolesCalls: [] as string[],
    queued: [] as QueueCall[],
    /** The recipients as queued, for what the records may show of them. */
    recipients: [] as Recipient[][],
    /** What Jira's Email API answers (as the app), by account id. */
    userEmails: new Map<string, string>(),
    emailCalls: [] as string[][],
    /** Rules whose next queue call throws this error. */
    queueFailures: new Map<string, Error>(),
    logLines: [] as string[],
  };
  const once: OnceGuard = {
    claim: async (ruleId, eventId) => {
      const key = `${ruleId} ${eventId}`;
      if (claims.has(key)) return false;
      claims.add(key);
      return true;
    },
    release: async (ruleId, eventId) => {
      claims.delete(`${ruleId} ${eventId}`);
    },
  };
  const history = createRunHistoryStore(kv);
  const deps: NotifyDeps = {
    rules: store,
    history,
    once,
    matchesJql: async (issueKey, jql) => {
      world.jqlCalls.push([issueKey, jql]);
      const answer = world.jql(jql);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    issueRef: async () => undefined,
    readRoles: async (issueKey) => {
      world.rolesCalls.push(issueKey);
      return world.roles;
    },
    readUserEmails: async (accountIds) => {
      world.emailCalls.push([...accountIds]);
      return new Map([...world.userEmails].filter(([accountId]) => accountIds.includes(accountId)));
    },
    queue: async (rule, fact, to) => {
      const failure = world.queueFailures.get(rule.id);
      if (failure !== undefined) {
        world.queueFailures.delete(rule.id);
        throw failure;
      }
      world.queued.push({ ruleId: rule.id, eventId: fact.eventId, to: to.map((recipient) => recipient.address) });
      world.recipients.push([...to]);
      return { emailId: `email-${world.queued.length}` };
    },
    log: (line) => world.logLines.push(line),
    now: () => world.clock.now,
  };
  return { ...world, deps, world, history };
};

const intake = ruleView({ id: 'rule-1' });
const team = ruleView({
  id: 'rule-2',
  name: 'Team',
  recipients: { addresses: ['team@example.com'], roles: [] },
  createdAt: '2024-05-02T00:00:00.000Z',
});
const ops = ruleView({ id: 'rule-3', projectKeys: ['OPS'], createdAt: '2024-05-03T00:00:00.000Z' });

describe('notifyRules', () => {
  it('queues one email per matching rule, records each run (one write a rule), and leaves the rules unwritten', async () => {
    const { deps, queued, store, claims, logLines, history, kv } = await notifyWorld([intake, team, ops]);
    kv.resetOperations();

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'rule-1', outcome: 'queued' },
        { ruleId: 'rule-2', outcome: 'queued' },
      ],
    });
    expect(queued).toEqual([
      { ruleId: 'rule-1', eventId: 'created:10001', to: ['intake@example.com'] },
      { ruleId: 'rule-2', eventId: 'created:10001', to: ['team@example.com'] },
    ]);
    expect([...claims]).toEqual(['rule-1 created:10001', 'rule-2 created:10001']);
    expect(await store.get('rule-1')).toStrictEqual(intake);
    expect(await history.read('rule-1')).toStrictEqual({
      runs: [
        {
          at: iso(NOW),
          event: 'issue-created',
          issueKey: 'DEMO-1',
          outcome: 'fired',
          reason: 'Emailed 1 recipient.',
          emailId: 'email-1',
        },
      ],
      firedCount: 1,
      lastFiredAt: iso(NOW),
    });
    // One storage write per rule considered (its history), none to the rules themselves.
    expect(kv.operations.filter((entry) => entry.operation === 'set').map((entry) => entry.key)).toEqual([
      'notification-rule-history:rule-1',
      'notification-rule-history:rule-2',
      'notification-rule-history:rule-3',
    ]);
    expect((await history.read('rule-2')).firedCount).toBe(1);
    // The OPS rule was considered and skipped, in words.
    expect(await history.read('rule-3')).toStrictEqual({
      runs: [
        {
          at: iso(NOW),
          event: 'issue-created',
          issueKey: 'DEMO-1',
          outcome: 'skipped',
          reason: 'Project DEMO is not in the rule.',
        },
      ],
      firedCount: 0,
    });
    expect(logLines).toEqual([]);
  });

  it('answers a second delivery of the same event with duplicate and queues nothing more', async () => {
    const { deps, queued, history, clock } = await notifyWorld([intake]);
    await notifyRules(eventFact(), deps);
    clock.now = NOW + 60_000;

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'duplicate' }],
    });
    expect(queued).toHaveLength(1);
    expect((await history.read('rule-1')).runs[0]).toMatchObject({
      outcome: 'skipped',
      reason: 'Sent once already for this event.',
    });

    // Another event fires again, and is counted.
    await expect(
      notifyRules(
        eventFact({ eventId: 'created:10002', issue: { id: '10002', key: 'DEMO-2', projectKey: 'DEMO' } }),
        deps,
      ),
    ).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'queued' }],
    });
    expect(queued.map((call) => call.eventId)).toEqual(['created:10001', 'created:10002']);
    expect(await history.read('rule-1')).toMatchObject({ firedCount: 2, lastFiredAt: iso(NOW + 60_000) });
    expect((await history.read('rule-1')).runs.map((run) => [run.issueKey, run.outcome])).toEqual([
      ['DEMO-2', 'fired'],
      ['DEMO-1', 'skipped'],
      ['DEMO-1', 'fired'],
    ]);
  });

  it('ignores an event made by an app: no rule is read, nothing is claimed or queued', async () => {
    const { deps, queued, claims, kv } = await notifyWorld([ruleView({ event: 'issue-commented' })]);
    kv.resetOperations();

    await expect(
      notifyRules(eventFact({ kind: 'issue-commented', eventId: 'comment:20001', byApp: true }), deps),
    ).resolves.toEqual({
      ignored: true,
      outcomes: [],
    });
    expect(kv.count()).toBe(0);
    expect(claims.size).toBe(0);
    expect(queued).toEqual([]);
  });

  it('asks Jira for the JQL as a filter: a mismatch queues nothing and claims nothing', async () => {
    const { deps, world, queued, claims, history, logLines } = await notifyWorld([
      ruleView({ jql: 'priority = Highest' }),
      team,
    ]);
    world.jql = () => false;

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'rule-1', outcome: 'jql-mismatch' },
        { ruleId: 'rule-2', outcome: 'queued' },
      ],
    });
    expect(world.jqlCalls).toEqual([['DEMO-1', 'priority = Highest']]);
    expect(queued.map((call) => call.ruleId)).toEqual(['rule-2']);
    expect([...claims]).toEqual(['rule-2 created:10001']);
    expect(await history.read('rule-1')).toMatchObject({
      firedCount: 0,
      runs: [{ outcome: 'skipped', reason: "The issue does not match the rule's JQL." }],
    });
    expect(logLines).toEqual([]);

    world.jql = () => true;
    await expect(notifyRules(eventFact(), deps)).resolves.toMatchObject({
      outcomes: [
        { ruleId: 'rule-1', outcome: 'queued' },
        { ruleId: 'rule-2', outcome: 'duplicate' },
      ],
    });
  });

  it.each<[string, Error, string, string]>([
    [
      'a JQL Jira refuses',
      new JiraError(JiraErrorCode.JqlRejected, 'POST /rest/api/3/search/jql answered 400: Jira refused the JQL.', {
        status: 400,
      }),
      'jql-rejected',
      'notification rule rule-1 on DEMO-1: jql-rejected',
    ],
    [
      'Jira failing to answer',
      new JiraError(JiraErrorCode.RequestFailed, 'POST /rest/api/3/search/jql failed.'),
      'failed',
      'notification rule rule-1 on DEMO-1: JiraError JIRA_REQUEST_FAILED',
    ],
  ])('answers %s with its outcome, logged, and fires the other rules', async (_name, error, outcome, line) => {
    const { deps, world, queued, claims, logLines } = await notifyWorld([
      ruleView({ jql: 'project = DEMO AND' }),
      team,
    ]);
    world.jql = () => error;

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'rule-1', outcome },
        { ruleId: 'rule-2', outcome: 'queued' },
      ],
    });
    expect(logLines).toEqual([line]);
    expect(queued.map((call) => call.ruleId)).toEqual(['rule-2']);
    expect([...claims]).toEqual(['rule-2 created:10001']);
  });

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

  it('answers a queue failure with failed and gives the claim back, so a redelivery fires; other rules still fire', async () => {
    const { deps, world, queued, claims, history, logLines } = await notifyWorld([intake, team]);
    world.queueFailures.set(
      'rule-1',
      new OutboxError(OutboxErrorCode.QueueUnavailable, 'The outbox queue refused the job.'),
    );

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'rule-1', outcome: 'failed' },
        { ruleId: 'rule-2', outcome: 'queued' },
      ],
    });
    expect(logLines).toEqual(['notification rule rule-1 on DEMO-1: OutboxError OUTBOX_QUEUE_UNAVAILABLE']);
    expect(queued.map((call) => call.ruleId)).toEqual(['rule-2']);
    expect([...claims]).toEqual(['rule-2 created:10001']);
    expect(await history.read('rule-1')).toMatchObject({
      firedCount: 0,
      runs: [{ outcome: 'failed', reason: 'The email could not be queued (OutboxError OUTBOX_QUEUE_UNAVAILABLE).' }],
    });

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [
        { ruleId: 'rule-1', outcome: 'queued' },
        { ruleId: 'rule-2', outcome: 'duplicate' },
      ],
    });
    expect(queued.map((call) => call.ruleId)).toEqual(['rule-2', 'rule-1']);
    expect(await history.read('rule-1')).toMatchObject({ firedCount: 1, lastFiredAt: iso(NOW) });
  });

  it('logs an error that is not an Error by its type only', async () => {
    const { deps, world, logLines } = await notifyWorld([intake]);
    deps.queue = async () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is the case under test
      throw 'a string with a secret in it';
    };
    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'failed' }],
    });
    expect(logLines).toEqual(['notification rule rule-1 on DEMO-1: string']);
    expect(world.claims.size).toBe(0);
  });

  it('answers failed when the once guard cannot be written, and queues nothing', async () => {
    const { deps, queued, logLines } = await notifyWorld([intake]);
    deps.once = {
      claim: async () => {
        throw new StorageError(
          'set',
          'notification-once:abc',
          Object.assign(new Error('rate limited'), { code: 'RATE_LIMIT_EXCEEDED' }),
        );
      },
      release: async () => undefined,
    };
    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'failed' }],
    });
    expect(queued).toEqual([]);
    expect(logLines).toEqual(['notification rule rule-1 on DEMO-1: StorageError STORAGE_FAILED']);
  });

  it('still answers queued when recording the run fails, and logs it', async () => {
    const { deps, kv, queued, logLines } = await notifyWorld([intake]);
    kv.failNext('set', new StorageError('set', 'notification-rule-history:rule-1', new Error('platform error')));

    await expect(notifyRules(eventFact(), deps)).resolves.toEqual({
      ignored: false,
      outcomes: [{ ruleId: 'rule-1', outcome: 'queued' }],
    });
    expect(queued).toHaveLength(1);
    expect(logLines).toEqual(['notification rule rule-1: recording a run failed (StorageError STORAGE_FAILED)']);
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

  it('keeps the last 50 runs of a rule, newest first', async () => {
    const { deps, history } = await notifyWorld([intake]);
    for (let n = 1; n <= 52; n += 1)
      await notifyRules(
        eventFact({ eventId: `created:${n}`, issue: { id: String(n), key: `DEMO-${n}`, projectKey: 'DEMO' } }),
        deps,
      );
    const { runs, firedCount } = await history.read('rule-1');
    expect(runs).toHaveLength(50);
    expect([runs[0]?.issueKey, runs[49]?.issueKey]).toEqual(['DEMO-52', 'DEMO-3']);
    expect(firedCount).toBe(52);
  });

  it('propagates a failure to read the rules', async () => {
    const { deps, kv } = await notifyWorld([intake]);
    const failure = new StorageError('query', 'notification-rule:', new Error('platform error'));
    kv.failNext('query', failure);
    await expect(notifyRules(eventFact(), deps)).rejects.toBe(failure);
  });
});
