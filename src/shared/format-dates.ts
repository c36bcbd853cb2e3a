/** Jira writes offsets as `+0000`; ECMAScript wants `+00:00`. */
const normalizeOffset = (iso: string): string => iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** `8 Mar 2024, 10:22 UTC` in the given IANA time zone; the input as is when it does not parse. */
export const formatDateTime = (iso: string, timeZone: string): string => {
  const time = Date.parse(normalizeOffset(iso));
  if (Number.isNaN(time)) return iso;
  const formatted = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(time);
  return `${formatted} ${timeZone === 'UTC' ? 'UTC' : `(${timeZone})`}`;
};

/** `20 Mar 2024` for a calendar date `2024-03-20` (no time zone: a due date is a day, not an instant). */
export const formatDate = (date: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    time,
  );
};
