import { createEmailContentStore } from '../../../src/outbox/email-contents';
import type { EmailRecord } from '../../../src/outbox/email-record';
import { createEmailRecordStore } from '../../../src/outbox/email-records';
import { createLogSettingsStore } from '../../../src/outbox/log-settings-store';
import { ORPHAN_AFTER_MS, runOutboxUpkeep } from '../../../src/outbox/outbox-upkeep';
import type { EntityPage, IndexQuery } from '../../../src/storage/entity-store';
import { StorageError } from '../../../src/storage/errors';
import { FakeOutboxQueue } from '../support/fake-outbox-queue';
import { MemoryEntityStore } from '../support/memory-entity-store';
import { MemoryKvStore } from '../support/memory-kv-store';
import { emailIdOf, NOW } from '../support/resolvers';
import { emailRecord, failedRecord } from './outbox-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;
const THROTTLED = { code: 'GRAPH_THROTTLED', message: 'Throttled.' };
const content = {
  subject: 's',
  html: '<p>x</p>',
  to: ['ada@example.com'],
  cc: [],
  bcc: [],
  headers: [],
  attachments: [],
};

/** The email log whose by-status query for one status fails, as storage can. */
class FlakyEntities extends MemoryEntityStore {
  failingStatus: string | undefined;
  override async query(query: IndexQuery): Promise<EntityPage> {
    if (query.index === 'by-status' && query.partition?.[0] === this.failingStatus) {
      throw new StorageError('query', 'outbox-email/by-status', { code: 'RATE_LIMIT_EXCEEDED' });
    }
    return super.query(query);
  }
}

const setup = async (now: number, records: EmailRecord[], retentionDays?: number) => {
  const kv = new MemoryKvStore();
  const entities = new FlakyEntities();
  const store = createEmailRecordStore(entities);
  const contents = createEmailContentStore(kv);
  for (const record of records) {
    await contents.write(record.emailId, content);
    await store.create(record);
  }
  const settings = createLogSettingsStore(kv);
  if (retentionDays !== undefined) await settings.save({ retentionDays });
  const queue = new FakeOutboxQueue(() => now);
  const log: string[] = [];
  const run = () =>
    runOutboxUpkeep({ records: store, contents, queue, settings, now: () => now, log: (line) => log.push(line) });
  const kept = async () => (await store.query({ order: 'oldest', limit: 100 })).records.map((record) => record.emailId);
  const contentOf = (n: number) => kv.plain.has(`email-content:${emailIdOf(n)}.0`);
  const pushed = () => queue.pushed.map((entry) => [entry.job.emailId, entry.delaySeconds]);
  return { entities, run, kept, contentOf, pushed, log };
};

describe('outbox upkeep', () => {
  const now = NOW + 100 * DAY;

  it('deletes final emails older than the retention with their content, keeping unfinished old ones and newer ones', async () => {
    const { run, kept, contentOf } = await setup(
      now,
      [
        emailRecord(1, { status: 'sent', createdAt: now - 31 * DAY, nextAttemptAt: now }),
        failedRecord(2, THROTTLED, { createdAt: now - 30 * DAY - 1 }),
        emailRecord(3, { status: 'sent', createdAt: now - 30 * DAY }),
        emailRecord(4, { status: 'retrying', createdAt: now - 40 * DAY, nextAttemptAt: now + MINUTE }),
        emailRecord(5, { status: 'sent', createdAt: now - DAY }),
      ],
      30,
    );

    await expect(run()).resolves.toEqual({ deleted: 2, requeued: 0 });

    await expect(kept()).resolves.toEqual([4, 3, 5].map(emailIdOf));
    expect([1, 2, 3, 4, 5].map(contentOf)).toEqual([false, false, true, true, true]);
  });

  it('keeps emails for 90 days until an admin chooses', async () => {
    const { run, kept } = await setup(now, [
      emailRecord(1, { status: 'sent', createdAt: now - 91 * DAY }),
      emailRecord(2, { status: 'sent', createdAt: now - 89 * DAY }),
    ]);
    await expect(run()).resolves.toEqual({ deleted: 1, requeued: 0 });
    await expect(kept()).resolves.toEqual([emailIdOf(2)]);
  });

  it('pushes a job for every queued, retrying or sending email overdue by ORPHAN_AFTER_MS, and for no other', async () => {
    const attempt = (deadlineAt: number) => ({ number: 1, ticket: 't', startedAt: deadlineAt - 330_000, deadlineAt });
    const { run, pushed } = await setup(now, [
      emailRecord(1, { status: 'queued', createdAt: now - DAY, nextAttemptAt: now - ORPHAN_AFTER_MS }),
      emailRecord(2, { status: 'queued', createdAt: now - DAY + 1, nextAttemptAt: now - ORPHAN_AFTER_MS + 1 }),
      emailRecord(3, { status: 'retrying', createdAt: now - DAY + 2, nextAttemptAt: now - 60 * MINUTE }),
      emailRecord(4, { status: 'retrying', createdAt: now - DAY + 3, nextAttemptAt: now + 60 * MINUTE }),
      // A sending email is due when its attempt's deadline has passed, however long ago it was updated.
      emailRecord(5, {
        status: 'sending',
        createdAt: now - DAY + 4,
        updatedAt: now - DAY,
        attempt: attempt(now - 11 * MINUTE),
      }),
      emailRecord(6, {
        status: 'sending',
        createdAt: now - DAY + 5,
        updatedAt: now - DAY,
        attempt: attempt(now - 9 * MINUTE),
      }),
      emailRecord(7, { status: 'sent', createdAt: now - DAY + 6, nextAttemptAt: now - DAY }),
      failedRecord(8, THROTTLED, { createdAt: now - DAY + 7, nextAttemptAt: now - DAY }),
    ]);

    await expect(run()).resolves.toEqual({ deleted: 0, requeued: 3 });

    expect(pushed()).toEqual([
      [emailIdOf(1), 0],
      [emailIdOf(3), 0],
      [emailIdOf(5), 0],
    ]);
  });

  it('logs a status whose emails could not be listed and goes on with the others', async () => {
    const { entities, run, pushed, log } = await setup(now, [
      emailRecord(1, { status: 'queued', nextAttemptAt: now - DAY }),
      emailRecord(2, { status: 'retrying', nextAttemptAt: now - DAY }),
    ]);
    entities.failingStatus = 'retrying';

    await expect(run()).resolves.toEqual({ deleted: 0, requeued: 1 });

    expect(pushed()).toEqual([[emailIdOf(1), 0]]);
    expect(log).toEqual(['upkeep: looking for overdue retrying emails failed (StorageError STORAGE_FAILED)']);
  });

  it('goes through more than one page of each', async () => {
    const records = Array.from({ length: 150 }, (_, index) =>
      index < 120
        ? emailRecord(index + 1, { status: 'sent', createdAt: now - 200 * DAY + index })
        : emailRecord(index + 1, { status: 'queued', createdAt: now - DAY + index, nextAttemptAt: now - DAY }),
    );
    const { run, kept } = await setup(now, records);
    const summary = await run();
    expect(summary.requeued).toBe(30);
    expect(summary.deleted).toBe(120);
    expect(await kept()).toHaveLength(30);
  });
});
