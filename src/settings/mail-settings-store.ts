import {
  DEFAULT_MAIL_SETTINGS,
  type MailSettings,
  type MailSettingsInput,
  mailSettingsSchema,
} from '../contract/mail-settings';
import { AppError } from '../shared/app-error';
import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { MAIL_SETTINGS_KEY } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/**
 * The stored settings do not fit this release's schema. Not read as the defaults: those let everyone send, which
 * would quietly undo an admin's restriction.
 */
export class MailSettingsUnreadableError extends AppError<'MAIL_SETTINGS_UNREADABLE'> {
  constructor(problem: string) {
    super(
      'MailSettingsUnreadableError',
      'MAIL_SETTINGS_UNREADABLE',
      `The stored mail settings cannot be read (${problem}). Save them again on the Issue Mailer admin page.`,
    );
  }
}

export interface MailSettingsStore {
  /** The saved settings, or DEFAULT_MAIL_SETTINGS when none were ever saved. */
  read: () => Promise<MailSettings>;
  /** Checks and saves; answers what was stored. Throws the schema's ZodError for settings that do not fit. */
  save: (settings: MailSettingsInput) => Promise<MailSettings>;
}

const defaults = (): MailSettings => structuredClone(DEFAULT_MAIL_SETTINGS);

export const createMailSettingsStore = (store: KvStore): MailSettingsStore => ({
  read: async () => {
    const value = await store.get(MAIL_SETTINGS_KEY);
    if (value === undefined || value === null) return defaults();
    const parsed = mailSettingsSchema.safeParse(value, IN_ENGLISH);
    if (!parsed.success) throw new MailSettingsUnreadableError(describeFirstSchemaProblem(parsed.error));
    return parsed.data;
  },
  save: async (settings) => {
    const checked = mailSettingsSchema.parse(settings, IN_ENGLISH);
    await store.set(MAIL_SETTINGS_KEY, checked);
    return checked;
  },
});
