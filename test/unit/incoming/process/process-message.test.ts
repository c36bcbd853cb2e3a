import { seenMessage } from '../../../../src/incoming/process/claim-run';
import { MessageBusyError } from '../../../../src/incoming/process/errors';
import type { ProcessHandler } from '../../../../src/incoming/process/ports';
import { processMessage } from '../../../../src/incoming/process/process-message';
import { claimMessage } from '../../../../src/incoming/records/claim-message';
import { incomingMessageKey } from '../../../../src/incoming/records/message-key';
import { JiraError, JiraErrorCode } from '../../../../src/jira/errors';
import { INCOMING_MARK_KEY } from '../../../../src/jira/incoming-marks';
import type { AdfDocument } from '../../../../src/jira/incoming-writes';
import { GraphError, GraphErrorCode } from '../../../../src/providers/microsoft/graph/errors';
import { adfText } from '../support/adf-text';
import { DEFAULT_REPORTER, FakeMailbox, inboundMessage, LEASE_MS, NOW, processWorld } from './process-world';

/** The words of a document Jira was given (its content typed loosely there). */
const text = (doc: AdfDocument): string => adfText(doc as Parameters<typeof adfText>[0]);

const JOB = { handlerId: 'h-support', messageId: 'AAMk-1' };
const RECEIPT = { status: 200, requestId: 'r', clientRequestId: 'c', attempts: 1 };

const setup = (handlerOverrides: Partial<ProcessHandler> = {}, message = inboundMessage()) => {
  const world = processWorld();
  const mailbox = new FakeMailbox('support@contoso.com').put(message);
  const deps = world.depsFor(mailbox, handlerOverrides);
  return { ...world, mailbox, deps };
};

describe('processMessage: a new email opens an issue', () => {
  it('creates one issue with the summary, the author line first, the sender as reporter, and records it', async () => {
    const { deps, jira, mailbox, records, conversations } = setup();
    jira.users.set('casey@customer.example', 'acc-casey');
    const result = await processMessage(JOB, deps);
    expect(result).toMatchObject({ outcome: 'created', record: { status: 'created', issueKey: 'DEMO-1' } });
    const issue = jira.issue('DEMO-1');
    expect(issue.summary).toBe('Printer on floor 3 is jammed');
    expect(issue.reporterAccountId).toBe('acc-casey');
    expect(text(issue.description)).toBe(
      'Casey Customer <casey@customer.example> wrote on 6 Dec 2026, 09:59 UTC:\n\nThe printer jams on every page.',
    );
    const messageKey = incomingMessageKey({
      internetMessageId: '<new-1@customer.example>',
      mailbox: '',
      graphMessageId: '',
    });
    expect(issue.property).toEqual({ key: INCOMING_MARK_KEY, value: { messageKey } });
    expect(await records.get(messageKey)).toMatchObject({
      status: 'created',
      issueKey: 'DEMO-1',
      target: { kind: 'issue', key: 'DEMO' },
      requestId: 'req-AAMk-1',
    });
    expect(await conversations.find('conv-1')).toBe('DEMO-1');
    expect(mailbox.calls.map((call) => call.method)).toEqual([
      'readMessage',
      'markRead',
      'ensureProcessedFolder',
      'moveMessage',
    ]);
    expect(mailbox.calls[2]!.args).toEqual(['Processed by Issue Mailer']);
  });

  it.each([
    ['the default reporter when no Jira user has the address', false, DEFAULT_REPORTER.accountId],
    ['no reporter (the app) when Jira refuses the reporter field', true, undefined],
  ])('reports with %s', async (_name, refuse, reporter) => {
    const { deps, jira, warnings } = setup();
    jira.refuseReporter = refuse;
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created' });
    expect(jira.issues.size).toBe(1);
    expect(jira.issue('DEMO-1').reporterAccountId).toBe(reporter);
    expect(text(jira.issue('DEMO-1').description)).toContain('Casey Customer <casey@customer.example> wrote');
    expect(jira.createRequests).toHaveLength(refuse ? 2 : 1);
    expect(warnings.some((line) => line.includes('reporter refused'))).toBe(refuse);
  });

  it.each([
    ['RE: AW: Printer', 'Printer'],
    ['   ', '(no subject)'],
    [`FW: ${'x'.repeat(300)}`, 'x'.repeat(255)],
  ])('makes the summary of "%s" %j', async (subject, summary) => {
    const { deps, jira } = setup({}, inboundMessage({ subject }));
    await processMessage(JOB, deps);
    expect(jira.issue('DEMO-1').summary).toBe(summary);
  });

  it('leaves the message where it is when the handler says so', async () => {
    const { deps, mailbox } = setup({ afterProcessing: 'leave' });
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created' });
    expect(mailbox.calls.map((call) => call.method)).toEqual(['readMessage']);
  });

  it('sends a message whose move Graph refused for a while back to the queue; the next run only moves it', async () => {
    const { deps, mailbox, jira } = setup();
    mailbox.failures.set(
      'moveMessage',
      new GraphError(GraphErrorCode.Throttled, '429', { status: 429, retryAfterSeconds: 2 }),
    );
    await expect(processMessage(JOB, deps)).rejects.toMatchObject({
      name: 'IncomingMailboxError',
      code: 'GRAPH_THROTTLED',
      kind: 'passing',
      retryAfterSeconds: 2,
    });
    mailbox.calls.length = 0;
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'duplicate', record: { status: 'created' } });
    expect(mailbox.calls.map((call) => call.method)).toEqual([
      'readMessage',
      'markRead',
      'ensureProcessedFolder',
      'moveMessage',
    ]);
    expect(jira.issues.size).toBe(1);
  });

  it('logs a failed move and still ends created', async () => {
    const { deps, mailbox, warnings } = setup();
    mailbox.failures.set('moveMessage', new GraphError(GraphErrorCode.AccessDenied, 'no', { status: 403 }));
    expect(await processMessage(JOB, deps)).toMatchObject({ outcome: 'created' });
    expect(warnings).toContain('incoming mail: processed message not moved: IncomingMailboxError GRAPH_ACCESS_DENIED');
  });
});

describe('processMessage: which issue a reply belongs to', () => {
  const reply = (overrides: Parameters<typeof inboundMessage>[0] = {}) =>
    inboundMessage({
      internetMessageId: '<reply-1@customer.example>',
      conversationId: 'conv-9',
      subject: 'RE: Printer',
      ...overrides,
    });

  it.each([
    [
      'its In-Reply-To, a mail the app sent',
      reply({ internetMessageHeaders: [{ name: 'In-Reply-To', value: '<sent-1@contoso.com>' }] }),
      'DEMO-7',
    ],
    [
      'its References, newest first',
      reply({ internetMessageHeaders: [{ name: 'References', value: '<x@y.example> <sent-1@contoso.com>' }] }),
      'DEMO-7',
    ],
    [
      'the thread before the subject key',
      reply({
        subject: 'RE: [HELP-2] x',
        internetMessageHeaders: [{ name: 'In-Reply-To', value: '<sent-1@contoso.com>' }],
      }),
      'DEMO-7',
    ],
    ['the key in its subject', reply({ subject: 'RE: [HELP-2] Printer' }), 'HELP-2'],
    ['the subject key of a project it may write to only', reply({ subject: 'RE: OTHER-1 and HELP-2' }), 'HELP-2'],
    ['its conversation', reply({ conversationId: 'conv-known' }), 'DEMO-3'],
    [
      "the next way when the thread's issue is gone",
      reply({
        subject: 'RE: HELP-2',
        internetMessageHeaders: [{ name: 'In-Reply-To', value: '<sent-gone@contoso.com>' }],
      }),
      'HELP-2',
    ],
  ])('comments on the issue found by %s', async (_name, message, issueKey) => {
    const { deps, jira, threads, conversations, records } = setup({}, message);
    for (const key of ['DEMO-7', 'HELP-2', 'DEMO-3']) jira.seed(key);
    threads.set('<sent-1@contoso.com>', { issueId: '10007', issueKey: 'DEMO-7', emailId: 'e-1' });
    threads.set('<sent-gone@contoso.com>', { issueId: '10099', issueKey: 'DEMO-99', emailId: 'e-2' });
    await conversations.remember('conv-known', 'DEMO-3');
    const result = await processMessage(JOB, deps);
    expect(result).toMatchObject({
      outcome: 'commented',
      record: { issueKey, target: { kind: 'comment', key: issueKey } },
    });
    expect(jira.issue(issueKey).comments).toHaveLength(1);
    expect(text(jira.issue(issueKey).comments[0]!.body)).toMatch(/^Casey Customer <casey@customer.example> wrote on/);
    expect(jira.writes).toBe(1);
    const key = incomingMessageKey({
      internetMessageId: '<reply-1@customer.example>',
      mailbox: '',
      graphMessageId: '',
    });
    expect((await records.get(key))?.commentId).toBe(jira.issue(issueKey).comments[0]!.id);
  });

  it('creates an issue when nothing matches, and ignores the mail when the handler only comments', async () => {
    const creating = setup({}, reply({ subject: 'RE: OTHER-1' }));
    expect(await processMessage(JOB, creating.deps)).toMatchObject({ outcome: 'created' });
    const commenting = setup({ mode: 'comments-only' }, reply({ subject: 'RE: OTHER-1' }));
    expect(await processMessage(JOB, commenting.deps)).toMatchObject({
      outcome: 'ignored',
      record: { status: 'ignored', reason: 'no-issue-to-reply-to' },
    });
    expect(commenting.jira.writes).toBe(0);
    expect(commenting.mailbox.called('markRead')).toBe(0);
  });
});

describe('processMessage: noise and senders', () => {
  const headers = (...pairs: Array<[string, string]>) => pairs.map(([name, value]) => ({ name, value }));
  it.each([
    ['an auto-reply', { internetMessageHeaders: headers(['Auto-Submitted', 'auto-replied']) }, 'AUTO_SUBMITTED'],
    ['an out-of-office', { internetMessageHeaders: headers(['X-Autoreply', 'yes']) }, 'AUTOREPLY_HEADER'],
    [
      'a bounce (DSN)',
      { internetMessageHeaders: headers(['Content-Type', 'multipart/report; report-type=delivery-status']) },
      'DELIVERY_REPORT',
    ],
    ["mail from the app's own mailbox", { from: { name: 'Jira', address: 'JIRA@contoso.com' } }, 'OWN_MAILBOX'],
    [
      "mail with the app's headers",
      { internetMessageHeaders: headers(['X-Issue-Mailer-Issue', 'DEMO-1']) },
      'OWN_HEADERS',
    ],
    ['bulk mail', { internetMessageHeaders: headers(['Precedence', 'bulk']) }, 'BULK_PRECEDENCE'],
    ['mail without a sender', { from: undefined }, 'no-sender'],
  ])('ignores %s, writing nothing and leaving it unread', async (_name, overrides, reason) => {
    const { deps, jira, mailbox } = setup({}, inboundMessage(overrides));
    expect(await processMessage(JOB, deps)).toMatchObject({
      outcome: 'ignored',
      record: { status: 'ignored', reason },
    });
    expect(jira.writes).toBe(0);
    expect(mailbox.calls.map((call) => call.method)).toEqual(['readMessage']);
  });

  it.each<[string, Partial<ProcessHandler>, string | undefined, string]>([
    ['a domain the handler refuses', { senders: 'domains', allowedDomains: ['contoso.com'] }, undefined, 'ignored'],
    ['a listed domain', { senders: 'domains', allowedDomains: ['Customer.example'] }, undefined, 'created'],
    [
      'a domain whose parent is listed (not its own)',
      { senders: 'domains', allowedDomains: ['example'] },
      undefined,
      'ignored',
    ],
    ['no Jira user, when only Jira users may write', { senders: 'jira-users' }, undefined, 'ignored'],
    ['a Jira user, when only Jira users may write', { senders: 'jira-users' }, 'acc-casey', 'created'],
  ])('mail from %s', async (_name, policy, user, outcome) => {
    const { deps, jira } = setup(policy);
    if (user !== undefined) jira.users.set('casey@customer.example', user);
    const result = await processMessage(JOB, deps);
    expect(result.outcome).toBe(outcome);
    if (outcome === 'ignored') expect(result).toMatchObject({ record: { reason: 'refused-sender' } });
    expect(jira.writes).toBe(outcome === 'created' ? 1 : 0);
  });

  it('holds the 51st mail of a sender within an hour when the limit is 50; others and later ones pass', async () => {
    const world = processWorld();
    const mailbox = new FakeMailbox('support@contoso.com');
    const deps = world.depsFor(mailbox, { senderHourlyLimit: 50 });
    const outcomes: string[] = [];
    for (let n = 1; n <= 51; n++) {
      mailbox.put(
        inboundMessage({ id: `m-${n}`, internetMessageId: `<flood-${n}@customer.example>`, conversationId: `c-${n}` }),
      );
      world.clock.now = NOW + n * 1_000;
      outcomes.push((await processMessage({ handlerId: 'h-support', messageId: `m-${n}` }, deps)).outcome);
    }
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(50);
    expect(outcomes[50]).toBe('held');
    const held = await world.records.get(
      incomingMessageKey({ internetMessageId: '<flood-51@customer.example>', mailbox: '', graphMessageId: '' }),
    );
    expect(held).toMatchObject({ status: 'held', reason: 'sender-hourly-limit' });
    mailbox.put(
      inboundMessage({
        id: 'other',
        internetMessageId: '<o@elsewhere.example>',
        from: { name: 'Other', address: 'o@elsewhere.example' },
      }),
    );
    expect((await processMessage({ handlerId: 'h-support', messageId: 'other' }, deps)).outcome).toBe('created');
    // "Process again" of the held one takes it, the limit not applied again.
    expect(
      (await processMessage({ handlerId: 'h-support', messageId: 'm-51', processAgain: true }, deps)).outcome,
    ).toBe('created');
    expect(world.jira.writes).toBe(52);
    mailbox.put(
      inboundMessage({ id: 'later', internetMessageId: '<later@customer.example>', conversationId: 'c-later' }),
    );
    world.clock.now = NOW + 60 * 60 * 1000 + 52_000;
    expect((await processMessage({ handlerId: 'h-support', messageId: 'later' }, deps)).outcome).toBe('created');
  });
});

describe('processMessage: failures', () => {
  it('does nothing and records nothing when the message is gone', async () => {
    const { deps, entities } = setup();
    expect(await processMessage({ ...JOB, messageId: 'moved-away' }, deps)).toEqual({ outcome: 'gone' });
    expect(entities.values.size).toBe(0);
  });

  it('releases its claim when it stops on a failure that may pass: the next run takes over at once, one issue', async () => {
    const { deps, jira, clock } = setup();
    jira.failAfter.set('createIssue', new JiraError(JiraErrorCode.RequestFailed, 'no answer'));
    await expect(processMessage(JOB, deps)).rejects.toThrow(JiraError);
    jira.failAfter.clear();
    clock.now = NOW + 1_000;
    const next = await processMessage(JOB, deps);
    expect(next).toMatchObject({ outcome: 'created', record: { issueKey: 'DEMO-1', attempts: 2 } });
    expect(jira.issues.size).toBe(1);
  });

  it("finishes Process again's record as failed when the message is no longer in the mailbox", async () => {
    const { deps, mailbox, clock } = setup();
    const seen = seenMessage(inboundMessage(), JOB, deps.mailbox.mailbox, RECEIPT, NOW);
    const claimed = await claimMessage(deps.records, seen, { now: NOW, leaseMs: 0 });
    expect(claimed.kind).toBe('claimed');
    mailbox.messages.clear();
    clock.now = NOW + 1_000;
    const messageKey = incomingMessageKey(seen);
    expect(await processMessage({ ...JOB, processAgain: true, messageKey }, deps)).toEqual({ outcome: 'gone' });
    expect(await deps.records.get(messageKey)).toMatchObject({
      status: 'failed',
      error: { code: 'GRAPH_ITEM_GONE', message: 'The message or an attachment is no longer in the mailbox.' },
    });
  });

  it('throws a retryable busy error while another run holds the claim', async () => {
    const { deps, clock } = setup();
    // Another run's claim, in the middle of its work: its lease runs until NOW + LEASE_MS.
    const seen = seenMessage(inboundMessage(), JOB, deps.mailbox.mailbox, { requestId: 'r' }, NOW);
    const claimed = await claimMessage(deps.records, seen, { now: NOW, leaseMs: LEASE_MS });
    expect(claimed.kind).toBe('claimed');
    clock.now = NOW + 1_000;
    const busy = await processMessage(JOB, deps).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(MessageBusyError);
    expect(busy).toMatchObject({ code: 'INCOMING_MESSAGE_BUSY', retryable: true, retryAfterMs: LEASE_MS - 1_000 });
  });

  it.each([
    ['Graph throttling', 'listAttachments', new GraphError(GraphErrorCode.Throttled, 'slow down', { status: 429 })],
    ['Graph unavailable', 'readMessage', new GraphError(GraphErrorCode.Unavailable, 'down', { status: 503 })],
  ] as const)('rethrows %s for the queue to retry', async (_name, method, error) => {
    const { deps, mailbox } = setup({}, inboundMessage({ hasAttachments: true }));
    mailbox.failures.set(method, error);
    // The Microsoft provider hands Graph's error on as a passing one, its code kept and Graph's error its cause.
    await expect(processMessage(JOB, deps)).rejects.toMatchObject({ code: error.code, kind: 'passing', cause: error });
  });

  it.each([
    ['Jira no answer', new JiraError(JiraErrorCode.RequestFailed, 'x')],
    ['Jira 503', new JiraError(JiraErrorCode.RequestFailed, 'x', { status: 503 })],
  ])('rethrows %s with the record still processing', async (_name, error) => {
    const { deps, jira, records } = setup();
    jira.failBefore.set('createIssue', error);
    await expect(processMessage(JOB, deps)).rejects.toBe(error);
    const [record] = (await records.query({ order: 'newest', limit: 5 })).records;
    expect(record).toMatchObject({ status: 'processing', target: { kind: 'issue', key: 'DEMO' } });
  });

  it("records a final failure with its code and the app's own sentence", async () => {
    const { deps, jira } = setup({}, inboundMessage({ subject: 'RE: [DEMO-4] x' }));
    jira.seed('DEMO-4');
    jira.failBefore.set(
      'addComment',
      new JiraError(JiraErrorCode.Forbidden, 'POST … answered 403 <secret body>', { status: 403 }),
    );
    expect(await processMessage(JOB, deps)).toMatchObject({
      outcome: 'failed',
      record: {
        status: 'failed',
        error: { code: 'JIRA_FORBIDDEN', message: 'Jira refused the app: it may not write to this issue or project.' },
      },
    });
  });
});
