import type {
  IncomingHandlerRef,
  IncomingLogEntry,
  IncomingLogPage,
  ListIncomingLogQuery,
} from '../../contract/incoming-log';
import { newestPage, staleCursorAs } from '../../storage/log-page';
import type { IncomingRecordStore } from '../records/incoming-records';
import { IncomingLogCursorInvalidError, IncomingMessageNotFoundError } from './errors';
import { type HandlerNames, toEntry, toSummary } from './incoming-log-views';
import { processAgain, type ProcessAgainDeps } from './process-again';

export interface IncomingLogDeps extends Omit<ProcessAgainDeps, 'handlerOn'> {
  records: IncomingRecordStore;
  /** Every mail handler by name (src/mail-handlers' store). */
  handlers: () => Promise<IncomingHandlerRef[]>;
}

export interface IncomingLogService {
  /** Newest first, with every handler by name for the filter. */
  list: (query: ListIncomingLogQuery) => Promise<IncomingLogPage>;
  get: (messageKey: string) => Promise<IncomingLogEntry>;
  /**
   * Held and failed messages only (INCOMING_NOT_REPROCESSABLE otherwise), of a handler that is on
   * (INCOMING_HANDLER_OFF otherwise): queued for the worker again.
   */
  processAgain: (messageKey: string) => Promise<IncomingLogEntry>;
}

const namesOf = (handlers: readonly IncomingHandlerRef[]): HandlerNames =>
  new Map(handlers.map((handler) => [handler.id, handler]));

/** The incoming log: every message the app read from a handler's mailbox, from the incoming-message records. */
export const createIncomingLogService = (deps: IncomingLogDeps): IncomingLogService => ({
  list: async (query) => {
    const [page, handlers] = await Promise.all([
      deps.records
        .query({
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.handlerId === undefined ? {} : { handlerId: query.handlerId }),
          ...(query.sender === undefined ? {} : { sender: query.sender }),
          ...newestPage(query),
        })
        .catch(staleCursorAs(query.cursor, (error) => new IncomingLogCursorInvalidError(error))),
      deps.handlers(),
    ]);
    const names = namesOf(handlers);
    return {
      items: page.records.map((record) => toSummary(record, names)),
      ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
      handlers,
    };
  },

  get: async (messageKey) => {
    const [record, handlers] = await Promise.all([deps.records.get(messageKey), deps.handlers()]);
    if (record === undefined) throw new IncomingMessageNotFoundError(messageKey);
    return toEntry(record, namesOf(handlers));
  },

  processAgain: async (messageKey) => {
    const names = namesOf(await deps.handlers());
    const record = await processAgain(messageKey, { ...deps, handlerOn: (id) => names.get(id)?.enabled === true });
    return toEntry(record, names);
  },
});
