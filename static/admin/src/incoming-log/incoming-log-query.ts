import { type IncomingStatus, type ListIncomingLogInput, listIncomingLogSchema } from '../../../../src/contract';
import { fieldErrorsFromIssues } from '../../../shared/field-errors';
import { startOfLocalDay, TO_BEFORE_FROM_MESSAGE } from '../email-log/email-log-query';

/** The filters as their controls hold them: '' when unset; dates are `<input type="date">` values (YYYY-MM-DD). */
export interface IncomingLogFilters {
  status: IncomingStatus | '';
  handlerId: string;
  sender: string;
  from: string;
  to: string;
}

export type IncomingFilterErrors = Partial<Record<keyof IncomingLogFilters, string>>;

export const NO_INCOMING_FILTERS: IncomingLogFilters = { status: '', handlerId: '', sender: '', from: '', to: '' };

export const anyIncomingFilter = (filters: IncomingLogFilters) =>
  [filters.status, filters.handlerId, filters.sender, filters.from, filters.to].some((value) => value.trim() !== '');

/** The listIncomingLog payload: only the filters that are set; `to` is exclusive, so it is the day after "To". */
export const toIncomingPayload = (filters: IncomingLogFilters): ListIncomingLogInput => {
  const sender = filters.sender.trim().toLowerCase();
  const from = startOfLocalDay(filters.from);
  const to = startOfLocalDay(filters.to, 1);
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.handlerId ? { handlerId: filters.handlerId } : {}),
    ...(sender ? { sender } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
};

/** What the backend would refuse, with its own messages, and a range that ends before it starts. */
export const incomingFilterErrors = (filters: IncomingLogFilters): IncomingFilterErrors => {
  const payload = toIncomingPayload(filters);
  const parsed = listIncomingLogSchema.safeParse(payload);
  const byField: Record<string, string> = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
  const errors: IncomingFilterErrors = {};
  for (const field of Object.keys(NO_INCOMING_FILTERS) as Array<keyof IncomingLogFilters>) {
    const message = byField[field];
    if (message) errors[field] = message;
  }
  if (payload.from && payload.to && filters.to < filters.from) errors.to = TO_BEFORE_FROM_MESSAGE;
  return errors;
};
