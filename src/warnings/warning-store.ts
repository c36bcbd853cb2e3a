import * as z from 'zod/mini';

import type { AdminWarnings } from '../contract/credential-health';
import { builtOnFirstUse } from '../shared/built-on-first-use';
import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { ADMIN_WARNINGS_KEY } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/**
 * Built on first use: the worker and the triggers write a warning only when a token is refused or a secret
 * promoted, and do not build these when they start.
 */
const schemas = builtOnFirstUse(() => {
  const warning = z.object({
    credentialId: z.string(),
    credentialName: z.string(),
    kind: z.enum([
      'secret-expiring',
      'secret-expired',
      'next-secret-expiring',
      'next-secret-expired',
      'certificate-expiring',
      'certificate-expired',
      'secret-promoted',
      'token-refused',
    ]),
    severity: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    date: z.optional(z.string()),
    recordedAt: z.string(),
    /** The stable code behind a token refusal, so the same refusal is recorded once. */
    code: z.optional(z.string()),
  });
  return { warning, adminWarnings: z.object({ warnings: z.array(warning), checkedAt: z.optional(z.string()) }) };
});

export type StoredWarning = z.infer<ReturnType<typeof schemas>['warning']>;
export type StoredWarnings = z.infer<ReturnType<typeof schemas>['adminWarnings']>;

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
    const parsed = schemas().adminWarnings.safeParse(value, IN_ENGLISH);
    if (parsed.success) return parsed.data;
    console.warn(
      `[issue-mailer] ignoring unreadable ${ADMIN_WARNINGS_KEY}: ${describeFirstSchemaProblem(parsed.error)}`,
    );
    return { warnings: [] };
  },
  write: async (warnings) => {
    await store.set(ADMIN_WARNINGS_KEY, schemas().adminWarnings.parse(warnings, IN_ENGLISH));
  },
});

/** The contract's shape: the code is bookkeeping, not something the page shows. */
export const toAdminWarnings = (stored: StoredWarnings): AdminWarnings => ({
  warnings: stored.warnings.map(({ code: _code, ...warning }) => warning),
  ...(stored.checkedAt === undefined ? {} : { checkedAt: stored.checkedAt }),
});
