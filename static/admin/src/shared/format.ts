import { EXPIRY_WARNING_DAYS } from '../../../../src/contract';
import { dateLocale, formatDateTime } from '../../../shared/date-format';

// Dates are written one way in every UI (static/shared/date-format.ts).
export { formatDate, formatDateTime, withFormattedDate } from '../../../shared/date-format';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

export interface Expiry {
  state: ExpiryState;
  /** Whole days left until the end of the expiry day (0 on the day itself); negative once past. */
  daysLeft: number;
}

/**
 * `expiresOn` is a YYYY-MM-DD date (Entra's "Expires" column) or an ISO instant (a certificate's notAfter). A date
 * counts in whole UTC calendar days and works through its last day; the page warns from EXPIRY_WARNING_DAYS days
 * before it, as the backend's daily check does.
 */
export const expiryOf = (expiresOn: string | undefined, now: Date): Expiry => {
  if (!expiresOn) return { state: 'none', daysLeft: Number.NaN };
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(expiresOn);
  const end = Date.parse(isDate ? `${expiresOn}T00:00:00Z` : expiresOn);
  if (Number.isNaN(end)) return { state: 'none', daysLeft: Number.NaN };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysLeft = isDate ? Math.round((end - today) / DAY_MS) : Math.floor((end - now.getTime()) / DAY_MS);
  const expired = isDate ? daysLeft < 0 : end <= now.getTime();
  if (expired) return { state: 'expired', daysLeft };
  return { state: daysLeft <= EXPIRY_WARNING_DAYS ? 'soon' : 'ok', daysLeft };
};

const RELATIVE_STEPS: ReadonlyArray<[limitMs: number, unitMs: number, unit: Intl.RelativeTimeFormatUnit]> = [
  [HOUR_MS, MINUTE_MS, 'minute'],
  [DAY_MS, HOUR_MS, 'hour'],
  [30 * DAY_MS, DAY_MS, 'day'],
  [365 * DAY_MS, 30 * DAY_MS, 'month'],
  [Number.POSITIVE_INFINITY, 365 * DAY_MS, 'year'],
];

/** "just now", "5 minutes ago", "yesterday": how Jira words the age of an event. */
export const formatRelative = (iso: string, now: Date): string => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const elapsed = now.getTime() - time;
  if (Math.abs(elapsed) < MINUTE_MS) return 'just now';
  const format = new Intl.RelativeTimeFormat(dateLocale(), { numeric: 'auto' });
  for (const [limitMs, unitMs, unit] of RELATIVE_STEPS) {
    if (Math.abs(elapsed) < limitMs) return format.format(-Math.trunc(elapsed / unitMs), unit);
  }
  return formatDateTime(iso);
};

// One plural for the backend and every UI (src/shared/plural.ts: pure, no Forge import).
export { plural } from '../../../../src/shared/plural';
