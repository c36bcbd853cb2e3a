import type { IncomingStatus } from '../../contract/incoming-log-values';
import type { EntityStore } from '../../storage/entity-store';
import { incomingMessageEntityKey } from '../../storage/keys';
import { IncomingRecordInvalidError } from './errors';
import type { IncomingRecord } from './incoming-record';
import { validateIncomingRecord } from './validate-incoming-record';

/** Index names as manifest.yml declares them for the `incoming-message` entity. */
export const INCOMING_INDEXES = {
  byCreated: 'createdAt',
  byStatus: 'by-status',
  byHandler: 'by-handler',
  bySender: 'by-sender',
} as const;

export interface IncomingRecordQuery {
  status?: IncomingStatus;
  handlerId?: string;
  /** Lower-case address. */
  sender?: string;
  /** createdAt bounds, ms: from inclusive, to exclusive. */
  fromMs?: number;
  toMs?: number;
  order: 'newest' | 'oldest';
  limit: number;
  cursor?: string;
}

export interface IncomingRecordStore {
  get: (messageKey: string) => Promise<IncomingRecord | undefined>;
  /** False when a record with this key exists already: another copy of the message came first. */
  create: (record: IncomingRecord) => Promise<boolean>;
  /** Writes `next` only if the stored record is still at `expectedVersion`; false when someone wrote first. */
  replace: (next: IncomingRecord, expectedVersion: number) => Promise<boolean>;
  delete: (messageKey: string) => Promise<void>;
  query: (query: IncomingRecordQuery) => Promise<{ records: IncomingRecord[]; cursor?: string }>;
}

const parseRecord = (value: unknown): IncomingRecord => {
  const parsed = validateIncomingRecord(value);
  if (!parsed.ok) throw new IncomingRecordInvalidError('record', parsed.problem);
  return parsed.value;
};

/** The one index a query's first filter picks; the other filters apply after it. */
const indexOf = (query: IncomingRecordQuery): { index: string; partition?: string[] } => {
  if (query.sender !== undefined) return { index: INCOMING_INDEXES.bySender, partition: [query.sender] };
  if (query.handlerId !== undefined) return { index: INCOMING_INDEXES.byHandler, partition: [query.handlerId] };
  if (query.status !== undefined) return { index: INCOMING_INDEXES.byStatus, partition: [query.status] };
  return { index: INCOMING_INDEXES.byCreated };
};

const equalsOf = (query: IncomingRecordQuery, index: string): Record<string, string> => {
  const equals: Record<string, string> = {};
  if (query.handlerId !== undefined && index !== INCOMING_INDEXES.byHandler) equals['handlerId'] = query.handlerId;
  if (query.status !== undefined && index !== INCOMING_INDEXES.byStatus) equals['status'] = query.status;
  return equals;
};

/** The incoming log over the `incoming-message` entity; every query's range is createdAt. */
export const createIncomingRecordStore = (entities: EntityStore): IncomingRecordStore => ({
  get: async (messageKey) => {
    const value = await entities.get(incomingMessageEntityKey(messageKey));
    return value === undefined ? undefined : parseRecord(value);
  },
  create: (record) => entities.create(incomingMessageEntityKey(record.messageKey), record),
  replace: (next, expectedVersion) =>
    entities.replace(incomingMessageEntityKey(next.messageKey), next, expectedVersion),
  delete: (messageKey) => entities.delete(incomingMessageEntityKey(messageKey)),
  query: async (query) => {
    const { index, partition } = indexOf(query);
    const equals = equalsOf(query, index);
    const page = await entities.query({
      index,
      ...(partition === undefined ? {} : { partition }),
      range: {
        ...(query.fromMs === undefined ? {} : { from: query.fromMs }),
        ...(query.toMs === undefined ? {} : { to: query.toMs }),
      },
      ...(Object.keys(equals).length === 0 ? {} : { equals }),
      order: query.order,
      limit: query.limit,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    return { records: page.values.map(parseRecord), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  },
});
