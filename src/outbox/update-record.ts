import type { KvEntry } from '../storage/kv-store';
import type { EmailRecord } from './email-record';
import type { EmailRecordStore } from './email-records';
import { WriteConflictError } from './errors';

const MAX_TRIES = 5;

/**
 * Applies `change` to the stored record until the write lands. On a lost race the record is read again and
 * `change` decides anew from what is stored now; it answers `undefined` to leave the record as it is. Resolves
 * with the record as written, or undefined when nothing was written. `alongside` is written with the record, in its
 * transaction, or not at all.
 */
export const updateRecord = async (
  records: EmailRecordStore,
  start: EmailRecord,
  change: (current: EmailRecord) => EmailRecord | undefined,
  alongside?: readonly KvEntry[],
): Promise<EmailRecord | undefined> => {
  let current = start;
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const next = change(current);
    if (next === undefined) return undefined;
    const written: EmailRecord = { ...next, version: current.version + 1 };
    if (await records.replace(written, current.version, alongside)) return written;
    const fresh = await records.get(current.emailId);
    if (fresh === undefined) return undefined;
    current = fresh;
  }
  throw new WriteConflictError(`email ${start.emailId}`);
};
