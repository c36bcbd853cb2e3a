import { createEmailContentStore } from '../../../src/outbox/email-contents';
import { createEmailRecordStore } from '../../../src/outbox/email-records';
import { enqueueEmail, type NewEmail } from '../../../src/outbox/enqueue-email';
import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { createMailboxPacer, SEND_BY_MS, SLOT_SPACING_MS } from '../../../src/outbox/mailbox-pacer';
import { SLOT_LEAD_MS } from '../../../src/outbox/outbox-queue';
import { FakeOutboxQueue } from '../support/fake-outbox-queue';
import { MemoryEntityStore } from '../support/memory-entity-store';
import { MemoryKvStore } from '../support/memory-kv-store';
import { graphError } from '../support/outbox-microsoft';
import { emailIdOf, NOW, silenceWarnings } from '../support/resolvers';
import { setup } from './outbox-world';

const D = SLOT_SPACING_MS;
const SECOND = emailIdOf(2);
const THIRD = emailIdOf(3);

describe('the outbox and its pacing slots', () => {
  silenceWarnings();

  it('delays a job that must wait to its slot: one run to be paced, one to send, none in between', async () => {
    const { world, queueEmail, record } = await setup();
    await queueEmail();
    await queueEmail();
    await queueEmail();

    await expect(world.drainOutbox(3)).resolves.toEqual(['sent', 'paced', 'paced']);
    expect(await record(THIRD)).toMatchObject({ status: 'queued', slotAt: NOW + 2 * D, nextAttemptAt: NOW + 2 * D });
    expect(world.queue.pushed.slice(3).map((entry) => [entry.job.emailId, entry.delaySeconds])).toEqual([
      [SECOND, Math.floor((D - SLOT_LEAD_MS) / 1000)],
      [THIRD, Math.floor((2 * D - SLOT_LEAD_MS) / 1000)],
    ]);
    await expect(world.drainOutbox()).resolves.toEqual(['sent', 'sent']);
    // The queue's delays are whole seconds, rounded down from half a second before the slot: a job that comes early
    // waits the rest in its run.
    expect(await record(SECOND)).toMatchObject({ status: 'sent', sentAt: NOW + D });
    expect(await record(THIRD)).toMatchObject({ status: 'sent', sentAt: NOW + 2 * D });
  });

  it('a refused attempt hands its slot to the next email in line, which is sent in it; the retry takes the later slot', async () => {
    const { world, microsoft, queueEmail, record, calls } = await setup();
    await queueEmail();
    await queueEmail();
    await queueEmail();
    await expect(world.drainOutbox(3)).resolves.toEqual(['sent', 'paced', 'paced']);
    microsoft.sends.push(() => graphError(429, 'ApplicationThrottled', { 'Retry-After': '1' }));

    // The second email's attempt at NOW + D is refused: the third (due NOW + 2D) is moved up to NOW + D.
    await expect(world.drainOutbox(1)).resolves.toEqual(['retry-scheduled']);
    expect(await record(THIRD)).toMatchObject({ status: 'queued', slotAt: NOW + D, nextAttemptAt: NOW + D });
    expect(await record(SECOND)).toMatchObject({
      status: 'retrying',
      slotAt: NOW + 2 * D,
      nextAttemptAt: NOW + 2 * D,
    });
    expect((await record(SECOND))?.events.at(-1)?.note).toMatch(/trying again in 2 s as Microsoft 365 asked/);
    expect(world.queue.pushed.slice(5).map((entry) => [entry.job.emailId, entry.delaySeconds])).toEqual([
      [THIRD, 0],
      [SECOND, Math.floor((D - SLOT_LEAD_MS) / 1000)],
    ]);

    // The third is sent in the refused slot, its old job finds it sent, the second is sent in the third's slot.
    await expect(world.drainOutbox()).resolves.toEqual(['sent', 'already-final', 'sent']);
    expect(await record(THIRD)).toMatchObject({ status: 'sent', sentAt: NOW + D });
    expect(await record(SECOND)).toMatchObject({ status: 'sent', sentAt: NOW + 2 * D, attempts: 2 });
    expect(calls().sends).toHaveLength(4);
  });

  it('a refused attempt with nobody behind it gives its slot back, and the retry waits only for Retry-After', async () => {
    const { world, microsoft, queueEmail, record } = await setup();
    microsoft.sends.push(() => graphError(429, 'ApplicationThrottled', { 'Retry-After': '1' }));
    await queueEmail();

    await expect(world.drainOutbox(1)).resolves.toEqual(['retry-scheduled']);
    expect(await record()).toMatchObject({ status: 'retrying', slotAt: NOW + 1000, nextAttemptAt: NOW + 1000 });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await record()).toMatchObject({ status: 'sent', sentAt: NOW + 1000 });
  });

  it('an attempt too slow to reach Graph within its slot sends nothing and takes the next free slot', async () => {
    const { world, queueEmail, record, calls } = await setup();
    await queueEmail();
    const job = world.queue.take();
    if (job === undefined) throw new Error('no job');
    // Reading the credential takes longer than the slot allows.
    const slow = {
      ...world.outbox,
      credential: async (id: string) => {
        world.clock.now += SEND_BY_MS + 1;
        return world.outbox.credential(id);
      },
    };
    await expect(handleOutboxJob(job.job, { retryCount: 0 }, slow)).resolves.toBe('slot-missed');
    expect(calls().sends).toHaveLength(0);
    const missed = await record();
    expect(missed).toMatchObject({
      status: 'retrying',
      attempts: 0,
      roundAttempts: 0,
      slotAt: NOW + SEND_BY_MS + 1,
      nextAttemptAt: NOW + SEND_BY_MS + 1,
    });
    expect(missed?.events.at(-1)?.note).toBe(
      'Attempt 1 did not reach Microsoft 365 within its sending slot; it goes in the next one.',
    );
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('an attempt whose token comes after the slot allows sends nothing and takes the next free slot', async () => {
    const { world, queueEmail, record, calls } = await setup();
    await queueEmail();
    const job = world.queue.take();
    if (job === undefined) throw new Error('no job');
    // The send starts in time, but getting its token (a refresh on a busy platform) outlasts the slot.
    const lateToken = {
      ...world.outbox,
      send: async (...args: Parameters<typeof world.outbox.send>) => {
        world.clock.now += SEND_BY_MS + 1;
        return world.outbox.send(...args);
      },
    };
    await expect(handleOutboxJob(job.job, { retryCount: 0 }, lateToken)).resolves.toBe('slot-missed');
    expect(calls().sends).toHaveLength(0);
    expect(await record()).toMatchObject({
      status: 'retrying',
      attempts: 0,
      slotAt: NOW + SEND_BY_MS + 1,
      nextAttemptAt: NOW + SEND_BY_MS + 1,
    });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a failed attempt (refused for good) gives its slot back: the next email takes it', async () => {
    const { world, microsoft, queueEmail, record } = await setup();
    microsoft.sends.push(() => graphError(400, 'ErrorInvalidRecipients'));
    await queueEmail();
    await expect(world.drainOutbox(1)).resolves.toEqual(['failed']);
    await queueEmail();
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await record(SECOND)).toMatchObject({ status: 'sent', sentAt: NOW });
  });

  it('an email that might have gone out (no answer) keeps its slot spent', async () => {
    const { world, microsoft, queueEmail } = await setup();
    microsoft.sends.push(() => {
      throw new TypeError('fetch failed');
    });
    await queueEmail();
    await expect(world.drainOutbox(1)).resolves.toEqual(['unsure']);
    await queueEmail();
    await expect(world.drainOutbox(1)).resolves.toEqual(['paced']);
  });
});

describe('enqueueEmail with a pacer', () => {
  const email = (n: number): NewEmail => ({
    emailId: emailIdOf(n),
    issue: { id: '10001', key: 'DEMO-1' },
    credential: { id: 'cred-1', senderMailbox: 'support@contoso.com' },
    internetMessageId: `<${emailIdOf(n)}@contoso.com>`,
    requestedBy: { accountId: 'u1', name: 'Ursula User' },
    listed: { to: ['ada@example.com'], cc: [] },
    content: {
      subject: 'Hi',
      html: '<p>Hi</p>',
      to: ['ada@example.com'],
      cc: [],
      bcc: [],
      headers: [],
      attachments: [],
    },
    commentAfterSend: false,
  });

  const deps = () => {
    const records = createEmailRecordStore(new MemoryEntityStore());
    const queue = new FakeOutboxQueue(() => NOW);
    const paces = new MemoryEntityStore({});
    const logLines: string[] = [];
    return {
      records,
      queue,
      paces,
      logLines,
      enqueue: (n: number) =>
        enqueueEmail(email(n), {
          records,
          contents: { write: async () => 1, read: () => Promise.reject(new Error('unused')), delete: async () => {} },
          queue,
          now: () => NOW,
          log: (line) => logLines.push(line),
          pacer: createMailboxPacer(paces),
        }),
    };
  };

  it('reserves the slot as it queues: the record holds it and the job is delayed to it', async () => {
    const { enqueue, queue } = deps();
    await expect(enqueue(1)).resolves.toMatchObject({ slotAt: NOW, nextAttemptAt: NOW });
    await expect(enqueue(2)).resolves.toMatchObject({ slotAt: NOW + D, nextAttemptAt: NOW + D });
    expect(queue.pushed.map((entry) => entry.delaySeconds)).toEqual([0, Math.floor((D - SLOT_LEAD_MS) / 1000)]);
  });

  it("counts the job's delay from the time of the push, after the slot's and the record's writes", async () => {
    const records = createEmailRecordStore(new MemoryEntityStore());
    let clock = NOW;
    const queue = new FakeOutboxQueue(() => clock);
    const pacer = createMailboxPacer(new MemoryEntityStore({}));
    const enqueue = (n: number) =>
      enqueueEmail(email(n), {
        // Each record write takes 800 ms, as on a busy platform.
        records: { ...records, create: async (record) => ((clock += 800), records.create(record)) },
        contents: { write: async () => 1, read: () => Promise.reject(new Error('unused')), delete: async () => {} },
        queue,
        now: () => clock,
        log: () => {},
        pacer,
      });
    await expect(enqueue(1)).resolves.toMatchObject({ slotAt: NOW });
    clock = NOW;
    // Slot NOW + D, reserved at NOW, pushed at NOW + 800: 1,275 ms to go, so no delay (counted from NOW, it would be
    // 1 s, and the job would come 275 ms after its slot instead of 1,275 ms before it).
    await expect(enqueue(2)).resolves.toMatchObject({ slotAt: NOW + D, createdAt: NOW });
    expect(queue.pushed.map((entry) => entry.delaySeconds)).toEqual([0, 0]);
  });

  it('queues without a slot when pacing fails: the worker reserves it', async () => {
    const { enqueue, queue, paces, logLines } = deps();
    paces.conflictsBeforeReplace = 100;
    await enqueue(1);
    paces.values.set([...paces.values.keys()][0] ?? '', { version: 1, slots: [[NOW, 'x']] });
    const record = await enqueue(2);
    expect(record).toMatchObject({ nextAttemptAt: NOW });
    expect(record).not.toHaveProperty('slotAt');
    expect(queue.pushed.at(-1)?.delaySeconds).toBe(0);
    expect(logLines).toEqual([
      `email ${emailIdOf(2)}: no pacing slot when queued (WriteConflictError OUTBOX_WRITE_CONFLICT); the worker reserves it`,
    ]);
  });

  it("writes the content in its pacing slot's transaction (one kvs write), except with the mailbox's first slot", async () => {
    const kv = new MemoryKvStore();
    const paces = new MemoryEntityStore({});
    paces.alongsideTo = kv;
    const contents = createEmailContentStore(kv);
    const enqueue = (n: number) =>
      enqueueEmail(email(n), {
        records: createEmailRecordStore(new MemoryEntityStore()),
        contents,
        queue: new FakeOutboxQueue(() => NOW),
        now: () => NOW,
        log: () => {},
        pacer: createMailboxPacer(paces),
      });

    await expect(enqueue(1)).resolves.toMatchObject({ slotAt: NOW, contentChunks: 1 });
    expect(kv.operations).toEqual([{ operation: 'set', key: `email-content:${emailIdOf(1)}.0` }]);
    kv.resetOperations();
    await expect(enqueue(2)).resolves.toMatchObject({ slotAt: NOW + D, contentChunks: 1 });
    expect(kv.operations).toEqual([{ operation: 'setAll', key: `email-content:${emailIdOf(2)}.0` }]);
    await expect(contents.read(emailIdOf(2), 1)).resolves.toMatchObject({ subject: 'Hi', html: '<p>Hi</p>' });

    // Pacing trouble: the content is written on its own, and the worker reserves the slot.
    kv.resetOperations();
    paces.conflictsBeforeReplace = 100;
    await expect(enqueue(3)).resolves.toMatchObject({ contentChunks: 1, nextAttemptAt: NOW });
    expect(kv.operations).toEqual([{ operation: 'set', key: `email-content:${emailIdOf(3)}.0` }]);
  });
});
