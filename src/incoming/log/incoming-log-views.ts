import type { IncomingHandlerRef, IncomingLogEntry, IncomingLogSummary } from '../../contract/incoming-log';
import { REPROCESSABLE_STATUSES } from '../../contract/incoming-log-values';
import type { IncomingRecord } from '../records/incoming-record';
import { resultWords } from './result-words';

/** The mail handlers by id; a handler deleted since is absent. */
export type HandlerNames = ReadonlyMap<string, IncomingHandlerRef>;

export const DELETED_HANDLER = 'Deleted handler';

const iso = (ms: number): string => new Date(ms).toISOString();

const nameOf = (names: HandlerNames, id: string): string => names.get(id)?.name ?? DELETED_HANDLER;

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
  // The worker drops the job of a handler that is deleted or off (src/incoming/worker/handle-incoming-job.ts).
  canProcessAgain: REPROCESSABLE_STATUSES.includes(record.status) && names.get(record.handlerId)?.enabled === true,
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
