/**
 * One way to write dates in every Issue Mailer UI: the locale and time zone of the Jira user, as Forge's
 * `view.getContext()` gives them (`locale`, `timezone`;
 * https://developer.atlassian.com/platform/forge/custom-ui-bridge/view/#getcontext), through Intl.DateTimeFormat.
 * Until the context is read (date-settings.ts), and where it names nothing usable, the browser's own settings apply.
 * No bridge here, so modules that only format load anywhere.
 */
export interface DateSettings {
  /** A BCP 47 tag, e.g. "en-GB". */
  locale?: string;
  /** An IANA zone, e.g. "Europe/London". */
  timeZone?: string;
}

let settings: DateSettings = {};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Jira spells locales "en_GB" in places; Intl wants "en-GB". Unknown or malformed values are dropped. */
const usableLocale = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  const tag = value.replace(/_/g, '-');
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : undefined;
  } catch {
    return undefined;
  }
};

const usableTimeZone = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    return undefined;
  }
};

/** The settings a Forge context names: `{ locale, timezone }`. */
export const dateSettingsFrom = (context: unknown): DateSettings => {
  const { locale, timezone } = (context ?? {}) as { locale?: unknown; timezone?: unknown };
  const usable: DateSettings = {};
  const tag = usableLocale(locale);
  const zone = usableTimeZone(timezone);
  if (tag) usable.locale = tag;
  if (zone) usable.timeZone = zone;
  return usable;
};

export const setDateSettings = (next: DateSettings): void => {
  settings = { ...next };
  formatters.clear();
};

export const dateSettings = (): DateSettings => ({ ...settings });

const formatter = (kind: 'date' | 'dateTime'): Intl.DateTimeFormat => {
  let found = formatters.get(kind);
  if (!found) {
    found =
      kind === 'date'
        ? // A calendar date (an expiry day) is the same day everywhere: written as it is, in UTC.
          new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(settings.locale, {
            dateStyle: 'medium',
            timeStyle: 'short',
            ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
          });
    formatters.set(kind, found);
  }
  return found;
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD date, or the (UTC) date of an ISO instant: "Dec 25, 2026" in en-US, "25 Dec 2026" in en-GB. */
export const formatDate = (value: string): string => {
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return formatter('date').format(date);
};

/** A moment in the user's time zone: "Dec 25, 2026, 2:05 PM" in en-US. */
export const formatDateTime = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('dateTime').format(date);
};

/** The locale for other Intl formatters (relative times), so they agree with the dates. */
export const dateLocale = (): string | undefined => settings.locale;

/**
 * A backend message that names a YYYY-MM-DD date ("expires on 2026-12-25") with the date written as the UI
 * writes dates.
 */
export const withFormattedDate = (message: string, date: string | undefined): string =>
  date && DATE_ONLY.test(date) ? message.split(date).join(formatDate(date)) : message;
