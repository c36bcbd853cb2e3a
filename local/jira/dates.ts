/**
 * Jira's date shapes. REST values carry the caller's time-zone offset without a colon
 * (`2025-03-03T08:12:41.000+0000`); rendered fields use Jira's `dd/MMM/yy h:mm a`, relative when recent.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, found);
  }
  return found;
};

const zoned = (instant: Date, timeZone: string): ZonedParts => {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? '');
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? ''),
    offsetMinutes,
  };
};

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `2025-03-03T08:12:41.000+0000`, in the given zone. */
export const jiraDateTime = (iso: string, timeZone: string): string => {
  const instant = new Date(iso);
  const z = zoned(instant, timeZone);
  const sign = z.offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(z.offsetMinutes) / 60))}${pad(Math.abs(z.offsetMinutes) % 60)}`;
  return `${z.year}-${pad(z.month)}-${pad(z.day)}T${pad(z.hour)}:${pad(z.minute)}:${pad(z.second)}.${pad(instant.getUTCMilliseconds(), 3)}${offset}`;
};

const clock = (z: ZonedParts): string =>
  `${z.hour % 12 === 0 ? 12 : z.hour % 12}:${pad(z.minute)} ${z.hour < 12 ? 'AM' : 'PM'}`;

const dayNumber = (z: ZonedParts): number => Date.UTC(z.year, z.month - 1, z.day) / 86_400_000;

/** As Jira renders a date-time field: `Today 9:14 AM`, `Yesterday …`, the weekday within a week, else `03/Mar/25 8:12 AM`. */
export const renderedDateTime = (iso: string, timeZone: string, now: Date): string => {
  const z = zoned(new Date(iso), timeZone);
  const daysAgo = dayNumber(zoned(now, timeZone)) - dayNumber(z);
  if (daysAgo === 0) return `Today ${clock(z)}`;
  if (daysAgo === 1) return `Yesterday ${clock(z)}`;
  if (daysAgo > 1 && daysAgo < 7) return `${WEEKDAYS[z.weekday]} ${clock(z)}`;
  return `${pad(z.day)}/${MONTHS[z.month - 1]}/${pad(z.year % 100)} ${clock(z)}`;
};

/** A date-only field (`duedate`, stored `YYYY-MM-DD`) as Jira renders it: `07/Mar/25`. */
export const renderedDate = (day: string): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${pad(date)}/${MONTHS[month - 1]}/${pad(year % 100)}`;
};
