import * as z from 'zod/mini';

import { DEFAULT_RETENTION_DAYS, type EmailLogSettings, emailLogSettingsSchema } from '../contract/email-log';
import { EMAIL_LOG_SETTINGS_KEY } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

export interface LogSettingsStore {
  read: () => Promise<EmailLogSettings>;
  save: (settings: EmailLogSettings) => Promise<EmailLogSettings>;
}

const storedSchema = z.object({ retentionDays: emailLogSettingsSchema.shape.retentionDays });

/** How long the email log keeps emails; the default until an admin chooses (or when the stored value is unusable). */
export const createLogSettingsStore = (store: KvStore): LogSettingsStore => ({
  read: async () => {
    const parsed = storedSchema.safeParse(await store.get(EMAIL_LOG_SETTINGS_KEY));
    return parsed.success ? { retentionDays: parsed.data.retentionDays } : { retentionDays: DEFAULT_RETENTION_DAYS };
  },
  save: async (settings) => {
    await store.set(EMAIL_LOG_SETTINGS_KEY, { retentionDays: settings.retentionDays });
    return { retentionDays: settings.retentionDays };
  },
});
