import type { IncomingRecordStore } from '../records/incoming-records';

const PAGE = 100;
/** Pages per run, so one run stays well within the trigger's time limit. */
const MAX_PAGES = 20;

/**
 * The incoming log's part of the hourly upkeep (src/triggers/email-log-upkeep.ts), under the email log's retention
 * setting: deletes messages the app first saw before `cutoff` (ms). A message still `processing` is kept whatever
 * its age: the log must say how it ended. A deleted record is also the message's exactly-once mark; by then the
 * message has long been moved out of the handler's folder, and the delta position is far past it.
 */
export const deleteExpiredIncoming = async (records: IncomingRecordStore, cutoff: number): Promise<number> => {
  let deleted = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { records: expired, cursor: next } = await records.query({
      toMs: cutoff,
      order: 'oldest',
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const record of expired) {
      if (record.status === 'processing') continue;
      await records.delete(record.messageKey);
      deleted += 1;
    }
    if (next === undefined) break;
    cursor = next;
  }
  return deleted;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export interface IncomingUpkeepDeps {
  incoming: IncomingRecordStore;
  /** The email log's retention setting: one setting keeps both logs. */
  settings: { read: () => Promise<{ retentionDays: number }> };
  now: () => number;
}

/** Deletes the incoming log's messages older than the email log's retention setting; answers how many. */
export const runIncomingUpkeep = async (deps: IncomingUpkeepDeps): Promise<number> => {
  const { retentionDays } = await deps.settings.read();
  return deleteExpiredIncoming(deps.incoming, deps.now() - retentionDays * DAY_MS);
};
