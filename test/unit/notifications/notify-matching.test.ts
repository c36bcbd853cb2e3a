import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import { notifyRules } from '../../../src/notifications/notify';
import { OutboxError, OutboxErrorCode } from '../../../src/outbox/errors';
import { StorageError } from '../../../src/storage/errors';
import { eventFact, iso, ruleView } from './notification-fixtures';
import { intake, notifyWorld, NOW, ops, team } from './notify-fixtures';

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
