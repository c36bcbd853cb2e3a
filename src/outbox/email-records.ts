import type { DeliveryStatus } from '../contract/email-log';
import type { EntityStore } from '../storage/entity-store';
import { outboxEmailKey } from '../storage/keys';
import type { KvEntry } from '../storage/kv-store';
import type { EmailRecord } from './email-record';
import { OutboxRecordInvalidError } from './errors';
import { validateEmailRecord } from './validate-email-record';

/** Index names as manifest.yml declares them for the `outbox-email` entity. */
export const EMAIL_INDEXES = { byCreated: 'createdAt', byStatus: 'by-status', byIssue: 'by-issue' } as const;

export interface EmailRecordQuery {
  status?: DeliveryStatus;
  issueKey?: string;
  /** createdAt bounds, ms: from inclusive, to exclusive. */
  fromMs?: number;
  toMs?: number;
  order: 'newest' | 'oldest';
  limit: number;
  cursor?: string;
}

export interface EmailRecordStore {
  get: (emailId: string) => Promise<EmailRecord | undefined>;
  /** False when an email with this id exists already. */
  create: (record: EmailRecord) => Promise<boolean>;
  /**
   * Writes `next` only if the stored record is still at `expectedVersion`; false when someone wrote first.
   * `alongside`: kvs entries written in the same transaction, only with it.
   */
  replace: (next: EmailRecord, expectedVersion: number, alongside?: readonly KvEntry[]) => Promise<boolean>;
  delete: (emailId: string) => Promise<void>;
  query: (query: EmailRecordQuery) => Promise<{ records: EmailRecord[]; cursor?: string }>;
}

const parseRecord = (value: unknown): EmailRecord => {
  const parsed = validateEmailRecord(value);
  if (!parsed.ok) throw new OutboxRecordInvalidError('email log entry', parsed.problem);
  const { lastError, requestId, sentAt, finishedAt, nextAttemptAt, slotAt, attempt, unsure, ...rest } = parsed.value;
  // exactOptionalPropertyTypes: absent fields stay absent rather than `undefined`.
  return {
    ...rest,
    ...(lastError === undefined
      ? {}
      : {
          lastError: {
            code: lastError.code,
            message: lastError.message,
            ...(lastError.senderMessage === undefined ? {} : { senderMessage: lastError.senderMessage }),
            ...(lastError.transient === undefined ? {} : { transient: lastError.transient }),
          },
        }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(sentAt === undefined ? {} : { sentAt }),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
    ...(slotAt === undefined ? {} : { slotAt }),
    ...(attempt === undefined ? {} : { attempt }),
    ...(unsure === undefined ? {} : { unsure }),
    events: parsed.value.events.map(({ attempt: number, requestId: id, error, ...event }) => ({
      ...event,
      ...(number === undefined ? {} : { attempt: number }),
      ...(id === undefined ? {} : { requestId: id }),
      ...(error === undefined ? {} : { error }),
    })),
  };
};

/**
 * The record as storage holds it: Forge refuses a blank `string` attribute
 * (https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities/, "Values"), so a connection
 * test's empty Message-ID is left out (email-record-schema.ts reads it back as '').
 */
const storedForm = (record: EmailRecord): EmailRecord | Omit<EmailRecord, 'internetMessageId'> => {
  if (record.internetMessageId.trim() !== '') return record;
  const { internetMessageId: _blank, ...rest } = record;
  return rest;
};

/**
 * The email log over the `outbox-email` entity. A status filter uses the by-status index, an issue filter the
 * by-issue index (status then filtered); the date range is always the index's range on createdAt.
 */
export const createEmailRecordStore = (entities: EntityStore): EmailRecordStore => ({
  get: async (emailId) => {
    const value = await entities.get(outboxEmailKey(emailId));
    return value === undefined ? undefined : parseRecord(value);
  },
  create: (record) => entities.create(outboxEmailKey(record.emailId), storedForm(record)),
  replace: (next, expectedVersion, alongside) =>
    entities.replace(outboxEmailKey(next.emailId), storedForm(next), expectedVersion, alongside),
  delete: (emailId) => entities.delete(outboxEmailKey(emailId)),
  query: async (query) => {
    const range = {
      ...(query.fromMs === undefined ? {} : { from: query.fromMs }),
      ...(query.toMs === undefined ? {} : { to: query.toMs }),
    };
    const common = {
      range,
      order: query.order,
      limit: query.limit,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    };
    const page =
      query.issueKey !== undefined
        ? await entities.query({
            index: EMAIL_INDEXES.byIssue,
            partition: [query.issueKey],
            ...(query.status === undefined ? {} : { equals: { status: query.status } }),
            ...common,
          })
        : query.status !== undefined
          ? await entities.query({ index: EMAIL_INDEXES.byStatus, partition: [query.status], ...common })
          : await entities.query({ index: EMAIL_INDEXES.byCreated, ...common });
    return { records: page.values.map(parseRecord), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  },
});
