import type { EmailLogSettings } from '../contract/email-log';
import { DEFAULT_RETENTION_DAYS } from '../contract/email-log-values';
import { validateStoredLogSettings } from '../generated/log-settings';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { EMAIL_LOG_SETTINGS_KEY } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

export interface LogSettingsStore {
  read: () => Promise<EmailLogSettings>;
  save: (settings: EmailLogSettings) => Promise<EmailLogSettings>;
}

/** Read for its verdict only (log-settings-schema.ts): an unusable value means the default. */
const readStored = standaloneValidator<EmailLogSettings>(validateStoredLogSettings as StandaloneValidate);

/** How long the email log keeps emails; the default until an admin chooses (or when the stored value is unusable). */
export const createLogSettingsStore = (store: KvStore): LogSettingsStore => ({
  read: async () => {
    const parsed = readStored(await store.get(EMAIL_LOG_SETTINGS_KEY));
    return parsed.ok ? { retentionDays: parsed.value.retentionDays } : { retentionDays: DEFAULT_RETENTION_DAYS };
  },
  save: async (settings) => {
    await store.set(EMAIL_LOG_SETTINGS_KEY, { retentionDays: settings.retentionDays });
    return { retentionDays: settings.retentionDays };
  },
});
