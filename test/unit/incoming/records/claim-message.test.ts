import {
  claimMessage,
  finishMessage,
  reclaimMessage,
  recordTarget,
} from '../../../../src/incoming/records/claim-message';
import type { SeenMessage } from '../../../../src/incoming/records/incoming-record';
import { createIncomingRecordStore } from '../../../../src/incoming/records/incoming-records';
import { incomingMessageKey } from '../../../../src/incoming/records/message-key';
import { INCOMING_MESSAGE_INDEXES, MemoryEntityStore } from '../../support/memory-entity-store';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const LEASE = 120_000;

const seen = (overrides: Partial<SeenMessage> = {}): SeenMessage => ({
  internetMessageId: '<reply-1@customer.example>',
  handlerId: 'h-support',
  mailbox: 'support@contoso.com',
  graphMessageId: 'AAMkADk-1',
  from: { name: 'Casey Customer', address: 'Casey@Customer.example' },
  subject: 'RE: [DEMO-1] Login page',
  receivedAt: NOW - 5_000,
  ...overrides,
});

const world = () => {
  const entities = new MemoryEntityStore(INCOMING_MESSAGE_INDEXES);
  return { entities, records: createIncomingRecordStore(entities) };
};

describe('claimMessage: one run per message, whatever brings its copies', () => {
  it('claims a new message with a lease, and keys it by its Message-ID', async () => {
    const { records, entities } = world();
    const outcome = await claimMessage(records, seen({ conversationId: 'conv-1', requestId: 'req-1' }), {
      now: NOW,
      leaseMs: LEASE,
    });
    const key = incomingMessageKey(seen());
    expect(outcome).toEqual({
      kind: 'claimed',
      record: {
        messageKey: key,
        version: 1,
        status: 'processing',
        createdAt: NOW,
        updatedAt: NOW,
        internetMessageId: '<reply-1@customer.example>',
        handlerId: 'h-support',
        mailbox: 'support@contoso.com',
        graphMessageId: 'AAMkADk-1',
        from: { name: 'Casey Customer', address: 'Casey@Customer.example' },
        sender: 'casey@customer.example',
        subject: 'RE: [DEMO-1] Login page',
        receivedAt: NOW - 5_000,
        conversationId: 'conv-1',
        requestId: 'req-1',
        leaseUntil: NOW + LEASE,
        attempts: 1,
      },
    });
    expect([...entities.values.keys()]).toEqual([`in:${key}`]);
  });

  it.each([
    ['the same message by notification and by delta', seen()],
    [
      'a redelivered job, the Message-ID quoted without brackets',
      seen({ internetMessageId: ' reply-1@customer.example ' }),
    ],
  ])('answers busy to %s while the first run holds it', async (_name, copy) => {
    const { records } = world();
    await claimMessage(records, seen(), { now: NOW, leaseMs: LEASE });
    const outcome = await claimMessage(records, copy, { now: NOW + 1_000, leaseMs: LEASE });
    expect(outcome.kind).toBe('busy');
    expect(outcome.kind === 'busy' ? outcome.retryAfterMs : 0).toBe(LEASE - 1_000);
  });

  it('answers done to every copy once the message is finished, naming a second handler that had a copy', async () => {
    const { records } = world();
    const first = await claimMessage(records, seen(), { now: NOW, leaseMs: LEASE });
    await finishMessage(records, first.record, { status: 'commented', issueKey: 'DEMO-1', commentId: '10100' }, NOW);

    const again = await claimMessage(records, seen(), { now: NOW + 10, leaseMs: LEASE });
    expect(again).toMatchObject({ kind: 'done', record: { status: 'commented', version: 2 } });
    expect(again.record.alsoSeenBy).toBeUndefined();

    const ccCopy = seen({ handlerId: 'h-sales', mailbox: 'sales@contoso.com', graphMessageId: 'AAMkSales-9' });
    const copy = await claimMessage(records, ccCopy, { now: NOW + 20, leaseMs: LEASE });
    expect(copy).toMatchObject({
      kind: 'done',
      record: { status: 'commented', issueKey: 'DEMO-1', commentId: '10100', alsoSeenBy: ['h-sales'], version: 3 },
    });
    // A third copy from the same second handler writes nothing more.
    const third = await claimMessage(records, ccCopy, { now: NOW + 30, leaseMs: LEASE });
    expect(third.record.version).toBe(3);
  });

  it("resumes a claim whose run died, with the copy this run read, keeping the dead run's target", async () => {
    const { records } = world();
    const first = await claimMessage(records, seen(), { now: NOW, leaseMs: LEASE });
    const targeted = await recordTarget(records, first.record, { kind: 'issue', key: 'DEMO' }, NOW + 5);
    expect(targeted).toMatchObject({ version: 2, target: { kind: 'issue', key: 'DEMO' } });

    const ccCopy = seen({ handlerId: 'h-sales', mailbox: 'sales@contoso.com', graphMessageId: 'AAMkSales-9' });
    const outcome = await claimMessage(records, ccCopy, { now: NOW + LEASE, leaseMs: LEASE });
    expect(outcome).toMatchObject({
      kind: 'resumed',
      record: {
        version: 3,
        status: 'processing',
        handlerId: 'h-sales',
        mailbox: 'sales@contoso.com',
        graphMessageId: 'AAMkSales-9',
        alsoSeenBy: ['h-support'],
        target: { kind: 'issue', key: 'DEMO' },
        leaseUntil: NOW + 2 * LEASE,
        attempts: 2,
      },
    });

    // The dead run, had it only been slow, can no longer finish or target: the message is the new run's.
    await expect(finishMessage(records, targeted!, { status: 'created', issueKey: 'DEMO-7' }, NOW)).resolves.toBe(
      undefined,
    );
    await expect(recordTarget(records, first.record, { kind: 'comment', key: 'DEMO-1' }, NOW)).resolves.toBe(undefined);
  });

  it('lets exactly one of two runs take over an expired claim', async () => {
    const { records } = world();
    await claimMessage(records, seen(), { now: NOW, leaseMs: LEASE });
    const later = NOW + LEASE + 1;
    const outcomes = await Promise.all([
      claimMessage(records, seen(), { now: later, leaseMs: LEASE }),
      claimMessage(records, seen(), { now: later, leaseMs: LEASE }),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['busy', 'resumed']);
  });

  it('keys a message without a Message-ID by its mailbox and Graph id', () => {
    const a = incomingMessageKey({ internetMessageId: '', mailbox: 'Support@contoso.com', graphMessageId: 'X1' });
    const b = incomingMessageKey({ internetMessageId: ' ', mailbox: 'support@contoso.com', graphMessageId: 'X1' });
    const c = incomingMessageKey({ internetMessageId: '', mailbox: 'support@contoso.com', graphMessageId: 'X2' });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('finishMessage and reclaimMessage', () => {
  it.each([
    [{ status: 'created', issueKey: 'DEMO-12' } as const, { issueKey: 'DEMO-12' }],
    [{ status: 'ignored', reason: 'auto-reply' } as const, { reason: 'auto-reply' }],
    [{ status: 'held', reason: 'sender-hourly-limit' } as const, { reason: 'sender-hourly-limit' }],
    [
      { status: 'failed', error: { code: 'JIRA_FORBIDDEN', message: 'The app may not comment on DEMO-1.' } } as const,
      { error: { code: 'JIRA_FORBIDDEN', message: 'The app may not comment on DEMO-1.' } },
    ],
  ])('ends a claim as %j without its lease', async (outcome, fields) => {
    const { records } = world();
    const claimed = await claimMessage(records, seen(), { now: NOW, leaseMs: LEASE });
    const finished = await finishMessage(records, claimed.record, outcome, NOW + 50);
    expect(finished).toMatchObject({ status: outcome.status, version: 2, updatedAt: NOW + 50, ...fields });
    expect(finished?.leaseUntil).toBeUndefined();
    expect(await records.get(claimed.record.messageKey)).toEqual(finished);
  });

  it('takes a held or failed message back for "Process again", clearing its outcome; nothing else', async () => {
    const { records } = world();
    const claimed = await claimMessage(records, seen(), { now: NOW, leaseMs: LEASE });
    const key = claimed.record.messageKey;
    await finishMessage(records, claimed.record, { status: 'held', reason: 'sender-hourly-limit' }, NOW);

    const again = await reclaimMessage(records, key, { now: NOW + 60_000, leaseMs: LEASE });
    expect(again).toMatchObject({ status: 'processing', version: 3, attempts: 2, leaseUntil: NOW + 60_000 + LEASE });
    expect(again?.reason).toBeUndefined();
    // In progress now: a second "Process again" does nothing.
    await expect(reclaimMessage(records, key, { now: NOW + 60_001, leaseMs: LEASE })).resolves.toBeUndefined();

    await finishMessage(records, again!, { status: 'commented', issueKey: 'DEMO-1', commentId: '1' }, NOW);
    await expect(reclaimMessage(records, key, { now: NOW, leaseMs: LEASE })).resolves.toBeUndefined();
    await expect(reclaimMessage(records, 'f'.repeat(64), { now: NOW, leaseMs: LEASE })).resolves.toBeUndefined();
  });
});
