import { processMessage } from '../../../../src/incoming/process/process-message';
import { incomingMessageKey } from '../../../../src/incoming/records/message-key';
import { JiraError, JiraErrorCode } from '../../../../src/jira/errors';
import { FakeMailbox, inboundMessage, LEASE_MS, NOW, processWorld } from './process-world';

const KEY = incomingMessageKey({ internetMessageId: '<new-1@customer.example>', mailbox: '', graphMessageId: '' });
const JOB = { handlerId: 'h-support', messageId: 'AAMk-1' };

describe('processMessage: exactly one issue or comment per message', () => {
  it.each([
    ['the same notification twice', 'AAMk-1'],
    // The delta run brings the same message under the same immutable id.
    ['a notification and then the delta run', 'AAMk-1'],
  ])('%s: the second run finds it done and writes nothing', async (_name, secondId) => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage());
    const deps = world.depsFor(mailbox);
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created' });
    world.clock.now = NOW + 5_000;
    expect(await processMessage({ ...JOB, messageId: secondId }, deps)).toMatchObject({
      outcome: 'duplicate',
      record: { status: 'created', issueKey: 'DEMO-1' },
    });
    expect(world.jira.writes).toBe(1);
  });

  it("a Cc copy in a second handler's mailbox: done, the second handler named on the record, its copy tidied under its rules", async () => {
    const world = processWorld();
    const first = new FakeMailbox('support@contoso.com').put(inboundMessage());
    const second = new FakeMailbox('sales@contoso.com').put(inboundMessage({ id: 'AAMk-sales-7' }));
    expect(await processMessage(JOB, world.depsFor(first))).toMatchObject({ outcome: 'created' });
    const copy = await processMessage(
      { handlerId: 'h-sales', messageId: 'AAMk-sales-7' },
      world.depsFor(second, { id: 'h-sales', projectKey: 'HELP' }),
    );
    expect(copy).toMatchObject({ outcome: 'duplicate', record: { handlerId: 'h-support', alsoSeenBy: ['h-sales'] } });
    expect(world.jira.writes).toBe(1);
    expect(second.calls.map((call) => [call.method, call.args[0]])).toEqual([
      ['readMessage', 'AAMk-sales-7'],
      ['markRead', 'AAMk-sales-7'],
      ['ensureProcessedFolder', 'Processed by Issue Mailer'],
      ['moveMessage', 'AAMk-sales-7'],
    ]);
  });

  it.each([
    ['an issue', undefined, 'createIssue', 'created'],
    ['a comment', 'RE: [DEMO-5] Printer', 'addComment', 'commented'],
  ] as const)(
    'a run that died after writing %s: the next run finds the mark and writes nothing more',
    async (_name, subject, method, outcome) => {
      const world = processWorld();
      world.jira.seed('DEMO-5');
      const mailbox = new FakeMailbox('support@contoso.com').put(
        inboundMessage(subject === undefined ? {} : { subject }),
      );
      const deps = world.depsFor(mailbox);
      // Jira wrote, and the answer never came back: the run ends with the claim still held.
      world.jira.failAfter.set(method, new JiraError(JiraErrorCode.RequestFailed, 'socket hang up'));
      await expect(processMessage(JOB, deps)).rejects.toBeInstanceOf(JiraError);
      expect(await world.records.get(KEY)).toMatchObject({ status: 'processing' });
      expect(world.jira.writes).toBe(1);
      world.clock.now = NOW + LEASE_MS + 1;
      const resumed = await processMessage(JOB, deps);
      expect(resumed).toMatchObject({ outcome, record: { status: outcome, attempts: 2 } });
      expect(world.jira.writes).toBe(1);
      if (outcome === 'commented')
        expect(resumed).toMatchObject({ record: { commentId: world.jira.issue('DEMO-5').comments[0]!.id } });
      expect(mailbox.called('moveMessage')).toBe(1);
    },
  );

  it('a record write that fails after the Jira write is retried, never recorded as failed', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage());
    const deps = world.depsFor(mailbox);
    // The finishing write (the third: claim, target, finish) fails as a plain error would.
    let replaces = 0;
    world.entities.onReplace = () => {
      replaces += 1;
      if (replaces === 2) throw new Error('platform hiccup');
    };
    await expect(processMessage(JOB, deps)).rejects.toThrow('platform hiccup');
    world.entities.onReplace = undefined;
    expect(await world.records.get(KEY)).toMatchObject({ status: 'processing', target: { kind: 'issue' } });
    world.clock.now = NOW + LEASE_MS + 1;
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created', record: { issueKey: 'DEMO-1' } });
    expect(world.jira.writes).toBe(1);
  });

  it('a run that died before its write: the next run finds no mark and writes once', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage());
    const deps = world.depsFor(mailbox);
    world.jira.failBefore.set('createIssue', new JiraError(JiraErrorCode.RequestFailed, 'no answer'));
    await expect(processMessage(JOB, deps)).rejects.toBeInstanceOf(JiraError);
    world.clock.now = NOW + LEASE_MS + 1;
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created', record: { issueKey: 'DEMO-1' } });
    expect(world.jira.writes).toBe(1);
  });

  it('a run whose claim was taken over while it ran stops without writing', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com').put(inboundMessage());
    const deps = world.depsFor(mailbox);
    // Another run bumps the record between this run's claim and its recordTarget.
    world.entities.onReplace = () => {
      world.entities.onReplace = undefined;
      const stored = world.entities.values.get(`in:${KEY}`)!;
      world.entities.values.set(`in:${KEY}`, { ...stored, version: stored.version + 1 });
    };
    expect(await processMessage(JOB, deps)).toEqual({ outcome: 'superseded' });
    expect(world.jira.writes).toBe(0);
  });
});
