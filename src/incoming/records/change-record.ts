import { IncomingWriteConflictError } from './errors';
import type { IncomingRecord } from './incoming-record';
import type { IncomingRecordStore } from './incoming-records';

const MAX_TRIES = 5;

/**
 * Applies `change` to the stored record until the write lands. On a lost race the record is read again and `change`
 * decides anew from what is stored now; it answers `undefined` to leave the record as it is. Resolves with the record
 * as written, or undefined when nothing was written (or the record is gone).
 */
export const changeRecord = async (
  records: IncomingRecordStore,
  start: IncomingRecord,
  change: (current: IncomingRecord) => IncomingRecord | undefined,
): Promise<IncomingRecord | undefined> => {
  let current = start;
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const next = change(current);
    if (next === undefined) return undefined;
    const written: IncomingRecord = { ...next, version: current.version + 1 };
    if (await records.replace(written, current.version)) return written;
    const fresh = await records.get(current.messageKey);
    if (fresh === undefined) return undefined;
    current = fresh;
  }
  throw new IncomingWriteConflictError(start.messageKey);
};
