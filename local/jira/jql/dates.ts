import { restErrors } from '../errors';

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/**
 * A JQL date value: `2025-03-04`, `2025/03/04 09:30`, or a period from now such as `-5d` or `-1w 2d`.
 * Absolute dates are read as UTC.
 */
export const parseJqlDate = (text: string, field: string, now: Date): number => {
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, year, month, day, hour, minute] = absolute;
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0));
  }
  const period = /^([-+]?)((?:\d+[wdhm]\s*)+)$/.exec(text.trim());
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let offset = 0;
    for (const part of (period[2] as string).matchAll(/(\d+)([wdhm])/g)) {
      offset += Number(part[1]) * (UNIT_MS[part[2] as string] as number);
    }
    return now.getTime() + sign * offset;
  }
  throw restErrors.invalidJql([
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  ]);
};

const startOfDay = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** The date functions JQL offers, evaluated in UTC. */
export const jqlDateFunction = (name: string, now: Date): number | undefined => {
  switch (name.toLowerCase()) {
    case 'now':
      return now.getTime();
    case 'startofday':
      return startOfDay(now);
    case 'endofday':
      return startOfDay(now) + 86_400_000 - 1;
    default:
      return undefined;
  }
};
