import { kvs as forgeKvs } from '@forge/kvs';

import { sha256Hex } from '../shared/sha256-hex';
import { StorageError } from '../storage/errors';
import { notificationOnceKey } from '../storage/keys';

/** Forge delivers a product event at least once; a rule's mark for an event is kept this long. */
export const ONCE_TTL_DAYS = 7;

/** Lets one caller through per (rule, event): `claim` is true only for the first. */
export interface OnceGuard {
  claim: (ruleId: string, eventId: string) => Promise<boolean>;
  /** Gives a claim back when the email could not be queued, so a redelivered event may try again. */
  release: (ruleId: string, eventId: string) => Promise<void>;
}

export const onceKeyOf = (ruleId: string, eventId: string): string =>
  notificationOnceKey(sha256Hex(`${ruleId}\n${eventId}`));

type OnceKvs = Pick<typeof forgeKvs, 'set' | 'delete'>;

const isConflict = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { responseDetails?: { status?: unknown } }).responseDetails?.status === 409;

/** On Forge storage: a FAIL_IF_EXISTS write with a TTL, so marks clean themselves up. */
export const createOnceGuard = (client: OnceKvs = forgeKvs): OnceGuard => ({
  claim: async (ruleId, eventId) => {
    const key = onceKeyOf(ruleId, eventId);
    try {
      await client.set(
        key,
        { ruleId, at: new Date().toISOString() },
        { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ONCE_TTL_DAYS, unit: 'DAYS' } },
      );
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw new StorageError('set', key, error);
    }
  },
  release: async (ruleId, eventId) => {
    const key = onceKeyOf(ruleId, eventId);
    try {
      await client.delete(key);
    } catch (error) {
      throw new StorageError('delete', key, error);
    }
  },
});
