import type { IncomingRecord } from '../records/incoming-record';
import type { IncomingRecordStore } from '../records/incoming-records';

export const HOUR_MS = 60 * 60 * 1000;

/**
 * Whether this message is past the handler's hourly limit for its sender: at least `limit` other messages of this
 * sender reached this handler in the hour before (whatever became of them, held ones included, so a flood stays
 * held). Counted from the incoming log's by-sender index; reads only as far as the limit.
 */
export const overHourlyLimit = async (
  records: IncomingRecordStore,
  record: IncomingRecord,
  limit: number,
  now: number,
): Promise<boolean> => {
  if (record.sender === undefined) return false;
  let others = 0;
  let cursor: string | undefined;
  do {
    const page = await records.query({
      sender: record.sender,
      handlerId: record.handlerId,
      fromMs: now - HOUR_MS,
      toMs: now + 1,
      order: 'newest',
      limit: limit + 1,
      ...(cursor === undefined ? {} : { cursor }),
    });
    others += page.records.filter((other) => other.messageKey !== record.messageKey).length;
    cursor = page.cursor;
  } while (cursor !== undefined && others < limit);
  return others >= limit;
};
