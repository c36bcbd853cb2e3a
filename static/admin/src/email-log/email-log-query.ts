import { type DeliveryStatus, type ListEmailLogInput, listEmailLogSchema } from '../../../../src/contract';
import { fieldErrorsFromIssues } from '../../../shared/field-errors';

/** The filters as their controls hold them: dates are `<input type="date">` values (YYYY-MM-DD), '' when unset. */
export interface EmailLogFilters {
  status: DeliveryStatus | '';
  issueKey: string;
  from: string;
  to: string;
}

export type EmailLogFilterField = keyof EmailLogFilters;
export type EmailLogFilterErrors = Partial<Record<EmailLogFilterField, string>>;

export const NO_FILTERS: EmailLogFilters = { status: '', issueKey: '', from: '', to: '' };

export const TO_BEFORE_FROM_MESSAGE = 'Choose a To date on or after the From date.';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const hasFilters = (filters: EmailLogFilters) =>
  filters.status !== '' || filters.issueKey.trim() !== '' || filters.from !== '' || filters.to !== '';

export const normaliseIssueKey = (text: string) => text.trim().toUpperCase();

/**
 * The instant the reader's day `date` (plus `addDays`) begins, in their browser's time zone: what "from 26 Nov"
 * means to someone reading local times in the table. Midnight can be skipped by a DST change; the Date then moves
 * to the first hour that exists, which is still the start of that day.
 */
export const startOfLocalDay = (date: string, addDays = 0): string | undefined => {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const day = new Date(0);
  // setFullYear, unlike the constructor, does not read years 0 to 99 as 1900 to 1999.
  day.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  day.setHours(0, 0, 0, 0);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
};

/** The listEmailLog payload: only the filters that are set; `to` is exclusive, so it is the day after "To". */
export const toListPayload = (filters: EmailLogFilters, cursor?: string): ListEmailLogInput => {
  const payload: ListEmailLogInput = {};
  if (filters.status) payload.status = filters.status;
  const issueKey = normaliseIssueKey(filters.issueKey);
  if (issueKey) payload.issueKey = issueKey;
  const from = startOfLocalDay(filters.from);
  if (from) payload.from = from;
  const to = startOfLocalDay(filters.to, 1);
  if (to) payload.to = to;
  if (cursor) payload.cursor = cursor;
  return payload;
};

/** What the backend would refuse, with its own messages, and a range that ends before it starts. */
export const filterErrors = (filters: EmailLogFilters): EmailLogFilterErrors => {
  const payload = toListPayload(filters);
  const parsed = listEmailLogSchema.safeParse(payload);
  const errors: EmailLogFilterErrors = {};
  if (!parsed.success) {
    const byField = fieldErrorsFromIssues(parsed.error.issues);
    if (byField.status) errors.status = byField.status;
    if (byField.issueKey) errors.issueKey = byField.issueKey;
    if (byField.from) errors.from = byField.from;
    if (byField.to) errors.to = byField.to;
  }
  if (payload.from && payload.to && filters.to < filters.from) errors.to = TO_BEFORE_FROM_MESSAGE;
  return errors;
};

export const hasFilterErrors = (errors: EmailLogFilterErrors) => Object.keys(errors).length > 0;
