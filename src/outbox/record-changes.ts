import type { DeliveryError, DeliveryEvent, DeliveryStatus } from '../contract/email-log';
import { type AttemptLease, type EmailRecord, type FollowUp, type StoredError, withEvent } from './email-record';
import { serviceName } from './mail-provider';

type OptionalField =
  'lastError' | 'requestId' | 'sentAt' | 'finishedAt' | 'nextAttemptAt' | 'slotAt' | 'attempt' | 'unsure';

/** The record without these optional fields (absent, not `undefined`, as stored JSON has them). */
export const without = (record: EmailRecord, ...fields: OptionalField[]): EmailRecord => {
  const copy: Partial<EmailRecord> = { ...record };
  for (const field of fields) delete copy[field];
  return copy as EmailRecord;
};

export interface EventInput {
  status: DeliveryStatus;
  note: string;
  attempt?: number;
  requestId?: string | undefined;
  error?: DeliveryError;
}

const toEvent = (at: number, input: EventInput): DeliveryEvent => ({
  at: new Date(at).toISOString(),
  status: input.status,
  note: input.note,
  ...(input.attempt === undefined ? {} : { attempt: input.attempt }),
  ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
  ...(input.error === undefined ? {} : { error: { code: input.error.code, message: input.error.message } }),
});

/** The record with one more event and its status and update time set from it. */
export const withStatus = (record: EmailRecord, at: number, input: EventInput): EmailRecord => ({
  ...record,
  status: input.status,
  updatedAt: at,
  events: withEvent(record.events, toEvent(at, input)),
});

/** Claimed by a worker: the attempt is written before the mail service is called. */
export const claimed = (record: EmailRecord, attempt: AttemptLease, at: number): EmailRecord => ({
  ...withStatus(without(record, 'slotAt', 'nextAttemptAt'), at, {
    status: 'sending',
    note: `Attempt ${attempt.number}: handing the email to ${serviceName(record.provider)}.`,
    attempt: attempt.number,
  }),
  attempt,
  attempts: record.attempts + 1,
  roundAttempts: record.roundAttempts + 1,
});

/**
 * What follows a final status. A sent email's content is kept as long as the log keeps the email (its retention,
 * enforced by outbox-upkeep.ts), so the log can show the message as sent; records written before still carry the
 * 'content' follow-up, which forgets it.
 */
export const followUpsFor = (record: EmailRecord, status: 'sent' | 'failed'): FollowUp[] => {
  if (status === 'failed') return ['history'];
  return record.commentAfterSend ? ['history', 'comment'] : ['history'];
};

/** Accepted by the provider, or found in the sender's mailbox. */
export const markedSent = (
  record: EmailRecord,
  at: number,
  note: string,
  requestId: string | undefined,
): EmailRecord => ({
  ...withStatus(without(record, 'attempt', 'unsure', 'nextAttemptAt', 'slotAt', 'lastError'), at, {
    status: 'sent',
    note,
    ...(record.attempt === undefined ? {} : { attempt: record.attempt.number }),
    requestId,
  }),
  ...(requestId === undefined ? {} : { requestId }),
  sentAt: at,
  finishedAt: at,
  followUps: followUpsFor(record, 'sent'),
});

export const markedFailed = (
  record: EmailRecord,
  at: number,
  note: string,
  error: StoredError,
  requestId?: string,
): EmailRecord => ({
  ...withStatus(without(record, 'attempt', 'unsure', 'nextAttemptAt', 'slotAt'), at, {
    status: 'failed',
    note,
    ...(record.attempt === undefined ? {} : { attempt: record.attempt.number }),
    requestId,
    error,
  }),
  ...(requestId === undefined ? {} : { requestId }),
  lastError: error,
  finishedAt: at,
  followUps: followUpsFor(record, 'failed'),
});

/** Waits for a later attempt (`nextAttemptAt`); a job for that time is pushed right after. */
export const markedRetrying = (
  record: EmailRecord,
  at: number,
  nextAttemptAt: number,
  note: string,
  details: { error?: StoredError; requestId?: string | undefined; unsure?: { since: number } } = {},
): EmailRecord => ({
  ...withStatus(without(record, 'attempt', 'slotAt'), at, {
    status: 'retrying',
    note,
    ...(record.attempt === undefined ? {} : { attempt: record.attempt.number }),
    requestId: details.requestId,
    ...(details.error === undefined ? {} : { error: details.error }),
  }),
  ...(details.error === undefined ? {} : { lastError: details.error }),
  ...(details.requestId === undefined ? {} : { requestId: details.requestId }),
  ...(details.unsure === undefined ? {} : { unsure: details.unsure }),
  nextAttemptAt,
});
