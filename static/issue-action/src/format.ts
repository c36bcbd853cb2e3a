import { plural } from '../../../src/shared/plural';

// One plural for the backend and every UI (src/shared/plural.ts: pure, no Forge import).
export { plural };

const UNITS = ['KB', 'MB', 'GB'] as const;

/**
 * Sizes as Jira shows attachments: binary multiples with the familiar names ("3.6 MB", "150 MB", "12 KB"), one
 * decimal below 10 of a unit, whole numbers above.
 */
export const formatBytes = (bytes: number): string => {
  if (!Number.isFinite(bytes) || bytes < 1024) return plural(Math.max(0, Math.round(bytes) || 0), 'byte');
  let value = bytes;
  let unit: (typeof UNITS)[number] = 'KB';
  for (const next of UNITS) {
    value /= 1024;
    unit = next;
    if (value < 1024) break;
  }
  // 1023.95 KB would round up to "1024 KB"; say "1 MB" as the next unit would.
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (rounded >= 1024 && unit !== 'GB') return `1 ${UNITS[UNITS.indexOf(unit) + 1]}`;
  return `${rounded} ${unit}`;
};

// Dates are written one way in every UI (static/shared/date-format.ts).
export { formatDateTime } from '../../shared/date-format';

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * A time of day in the reader's time zone, always "21:14:05": a retry is seconds or minutes away, so the date
 * and a locale's AM/PM would only add noise.
 */
export const formatClockTime = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
};
