import type { IncomingLogEntry, IncomingLogSummary } from '../../contract/incoming-log';
import { REPROCESSABLE_STATUSES } from '../../contract/incoming-log-values';
import type { IncomingRecord } from '../records/incoming-record';
import { resultWords } from './result-words';

/** A handler's name by id; a handler deleted since is named as such. */
export type HandlerNames = ReadonlyMap<string, string>;

export const DELETED_HANDLER = 'Deleted handler';

const iso = (ms: number): string => new Date(ms).toISOString();

const nameOf = (names: HandlerNames, id: string): string => names.get(id) ?? DELETED_HANDLER;

/** A row of the admin's incoming log. */
export const toSummary = (record: IncomingRecord, names: HandlerNames): IncomingLogSummary => ({
  messageKey: record.messageKey,
  createdAt: iso(record.createdAt),
  updatedAt: iso(record.updatedAt),
  receivedAt: iso(record.receivedAt),
  handlerId: record.handlerId,
  handlerName: nameOf(names, record.handlerId),
  mailbox: record.mailbox,
  from: record.from,
  subject: record.subject ?? '',
  status: record.status,
  result: resultWords(record),
  ...(record.issueKey === undefined ? {} : { issueKey: record.issueKey }),
  ...(record.requestId === undefined ? {} : { requestId: record.requestId }),
  canProcessAgain: REPROCESSABLE_STATUSES.includes(record.status),
});

/** The detail panel: the row, and what the record adds (codes, ids, the handlers that had a copy). */
export const toEntry = (record: IncomingRecord, names: HandlerNames): IncomingLogEntry => ({
  ...toSummary(record, names),
  ...(record.internetMessageId === undefined ? {} : { internetMessageId: record.internetMessageId }),
  ...(record.conversationId === undefined ? {} : { conversationId: record.conversationId }),
  attempts: record.attempts,
  ...(record.reason === undefined ? {} : { reason: record.reason }),
  ...(record.error === undefined ? {} : { error: { code: record.error.code, message: record.error.message } }),
  ...(record.commentId === undefined ? {} : { commentId: record.commentId }),
  alsoSeenBy: (record.alsoSeenBy ?? []).map((id) => nameOf(names, id)),
});
