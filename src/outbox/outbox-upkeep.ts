import type { DeliveryStatus } from '../contract/email-log';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock } from '../shared/seams';
import type { EmailContentStore } from './email-contents';
import { type EmailRecord, isFinal } from './email-record';
import type { EmailRecordStore } from './email-records';
import type { LogSettingsStore } from './log-settings-store';
import type { OutboxQueue } from './outbox-queue';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An email due this long ago with nothing happening has lost its job (a push that failed, a dropped event). */
export const ORPHAN_AFTER_MS = 10 * 60 * 1000;
const PAGE = 100;
/** Pages per run and status, so one run stays well within the trigger's time limit. */
const MAX_PAGES = 20;

export interface UpkeepDeps {
  records: EmailRecordStore;
  contents: EmailContentStore;
  queue: OutboxQueue;
  settings: LogSettingsStore;
  now: Clock;
  log: (line: string) => void;
}

export interface UpkeepSummary {
  deleted: number;
  requeued: number;
}

/** When the email should have moved on: its next attempt, or the end of the attempt on record. */
const dueAt = (record: EmailRecord): number =>
  record.status === 'sending'
    ? (record.attempt?.deadlineAt ?? record.updatedAt)
    : (record.nextAttemptAt ?? record.updatedAt);

const deleteExpired = async (deps: UpkeepDeps, cutoff: number): Promise<number> => {
  let deleted = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { records, cursor: next } = await deps.records.query({
      toMs: cutoff,
      order: 'oldest',
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const record of records) {
      // An email still on its way is kept whatever its age: the log must say how it ended.
      if (!isFinal(record.status)) continue;
      await deps.contents.delete(record.emailId, record.contentChunks);
      await deps.records.delete(record.emailId);
      deleted += 1;
    }
    if (next === undefined) break;
    cursor = next;
  }
  return deleted;
};

const requeueOrphans = async (deps: UpkeepDeps, status: DeliveryStatus, now: number): Promise<number> => {
  let requeued = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { records, cursor: next } = await deps.records.query({
      status,
      order: 'oldest',
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const record of records) {
      if (now - dueAt(record) < ORPHAN_AFTER_MS) continue;
      // A second job for an email that still has one is harmless: the worker's writes are conditional.
      await deps.queue.push(record.emailId, { mailbox: record.senderMailbox, delaySeconds: 0 });
      requeued += 1;
    }
    if (next === undefined) break;
    cursor = next;
  }
  return requeued;
};

/**
 * The hourly upkeep (scheduledTrigger `email-log-upkeep`): deletes emails older than the retention setting, with
 * their content, and pushes a job for every email that is overdue with none in sight, so nothing stays queued
 * forever when a push was lost.
 */
export const runOutboxUpkeep = async (deps: UpkeepDeps): Promise<UpkeepSummary> => {
  const now = deps.now();
  const { retentionDays } = await deps.settings.read();
  const deleted = await deleteExpired(deps, now - retentionDays * DAY_MS);
  let requeued = 0;
  for (const status of ['queued', 'retrying', 'sending'] as const) {
    try {
      requeued += await requeueOrphans(deps, status, now);
    } catch (error) {
      deps.log(`upkeep: looking for overdue ${status} emails failed (${safeErrorLabel(error)})`);
    }
  }
  return { deleted, requeued };
};
