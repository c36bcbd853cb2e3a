import type { AdminWarnings } from '../contract/credential-health';
import { validateAdminWarnings } from '../generated/warning';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { ADMIN_WARNINGS_KEY } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import type { StoredWarnings } from './warning-schema';

export type { StoredWarning, StoredWarnings } from './warning-schema';

const readWarnings = standaloneValidator<StoredWarnings>(validateAdminWarnings as StandaloneValidate);

/** The admin page's warnings in plain storage, one entry (`admin-warnings`). */
export interface WarningStore {
  /** Nothing recorded yet, or an entry this release cannot read, is an empty list. */
  read: () => Promise<StoredWarnings>;
  write: (warnings: StoredWarnings) => Promise<void>;
}

export const createWarningStore = (store: KvStore): WarningStore => ({
  read: async () => {
    const value = await store.get(ADMIN_WARNINGS_KEY);
    if (value === undefined) return { warnings: [] };
    const parsed = readWarnings(value);
    if (parsed.ok) return parsed.value;
    console.warn(`[issue-mailer] ignoring unreadable ${ADMIN_WARNINGS_KEY}: ${parsed.problem}`);
    return { warnings: [] };
  },
  write: async (warnings) => {
    // Written as the schema reads it (unknown keys dropped); warnings it would refuse are a bug, never stored.
    const checked = readWarnings(warnings);
    if (!checked.ok) throw new Error(`${ADMIN_WARNINGS_KEY} not written: ${checked.problem}`);
    await store.set(ADMIN_WARNINGS_KEY, checked.value);
  },
});

/** The contract's shape: the code is bookkeeping, not something the page shows. */
export const toAdminWarnings = (stored: StoredWarnings): AdminWarnings => ({
  warnings: stored.warnings.map(({ code: _code, ...warning }) => warning),
  ...(stored.checkedAt === undefined ? {} : { checkedAt: stored.checkedAt }),
});
