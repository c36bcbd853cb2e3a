import { StorageError } from './errors';

/** The paging part of a log's list payload (the email log, the incoming log), as their contracts parse it. */
export interface LogPageQuery {
  /** ISO instants bounding `createdAt`: from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A log's page as a custom entity query over `createdAt`: newest first, within the range, from the cursor. */
export const newestPage = (query: LogPageQuery) => ({
  ...(query.from === undefined ? {} : { fromMs: Date.parse(query.from) }),
  ...(query.to === undefined ? {} : { toMs: Date.parse(query.to) }),
  ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  order: 'newest' as const,
  limit: query.limit,
});

/**
 * For a page query's `catch`: a cursor storage does not take is the caller's stale page, not storage being down, so
 * it becomes the log's own error (a validation error of the cursor field); anything else is rethrown as it is.
 */
export const staleCursorAs =
  (cursor: string | undefined, toError: (cause: StorageError) => Error) =>
  (error: unknown): never => {
    if (cursor !== undefined && error instanceof StorageError && error.platformCode === 'INVALID_CURSOR') {
      throw toError(error);
    }
    throw error;
  };
