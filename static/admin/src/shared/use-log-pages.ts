import { useCallback, useEffect, useRef, useState } from 'react';

import type { ResolverError, ResolverResult } from '../../../../src/contract';

export type LoadMore = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; error: ResolverError };

export type LogList<Item, Query> =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverError }
  | {
      state: 'loaded';
      /** The filters these rows answer, for the next page. */
      query: Query;
      items: Item[];
      cursor: string | undefined;
      more: LoadMore;
    };

export interface LogPage<Item> {
  items: Item[];
  cursor?: string;
}

interface LogPagesOptions<Item, Query, Page extends LogPage<Item>> {
  /** The filters to show; `null` while they hold something the backend would refuse (nothing is asked then). */
  query: Query | null;
  /** Grows on "Refresh" and "Try again": the first page is asked for again. */
  reloads: number;
  firstPage: (query: Query) => Promise<ResolverResult<Page>>;
  nextPage: (query: Query, cursor: string) => Promise<ResolverResult<Page>>;
  idOf: (item: Item) => string;
  /** Each first page as it arrives, for what it carries besides its rows. */
  onFirstPage?: (page: Page) => void;
}

const IDLE: LoadMore = { state: 'idle' };

/**
 * A log's rows, newest first, a page at a time (the email log, the incoming log). Only the latest request's answer
 * is shown, so a slow answer cannot replace a newer one; a page that starts with rows already shown (new ones
 * arrived between pages) adds only the others.
 */
export const useLogPages = <Item, Query, Page extends LogPage<Item>>(options: LogPagesOptions<Item, Query, Page>) => {
  const { query, reloads, firstPage, nextPage, idOf, onFirstPage } = options;
  const [list, setList] = useState<LogList<Item, Query>>({ state: 'loading' });
  const generation = useRef(0);
  const calls = useRef({ firstPage, nextPage, idOf, onFirstPage });
  useEffect(() => {
    calls.current = { firstPage, nextPage, idOf, onFirstPage };
  });

  // New filters (or a reload) show as loading at once (adjusted during render, as React's docs advise).
  const listRequest = query === null ? null : `${reloads}:${JSON.stringify(query)}`;
  const [shownRequest, setShownRequest] = useState(listRequest);
  if (listRequest !== shownRequest) {
    setShownRequest(listRequest);
    if (listRequest !== null) setList({ state: 'loading' });
  }

  useEffect(() => {
    if (query === null) return;
    const request = ++generation.current;
    void calls.current.firstPage(query).then((result) => {
      if (request !== generation.current) return;
      if (result.ok) calls.current.onFirstPage?.(result.data);
      setList(
        result.ok
          ? { state: 'loaded', query, items: result.data.items, cursor: result.data.cursor, more: IDLE }
          : { state: 'failed', error: result.error },
      );
    });
  }, [query, reloads]);

  /** Appends the next page; answers the id of its first new row (focus goes there), or null. */
  const loadMore = useCallback(async (): Promise<string | null> => {
    if (list.state !== 'loaded' || list.cursor === undefined || list.more.state === 'loading') return null;
    const { idOf: id } = calls.current;
    const request = generation.current;
    setList({ ...list, more: { state: 'loading' } });
    const result = await calls.current.nextPage(list.query, list.cursor);
    if (request !== generation.current) return null;
    if (!result.ok) {
      const more: LoadMore = { state: 'failed', error: result.error };
      setList((current) => (current.state === 'loaded' ? { ...current, more } : current));
      return null;
    }
    const shown = new Set(list.items.map(id));
    const added = result.data.items.filter((item) => !shown.has(id(item)));
    setList((current) =>
      current.state === 'loaded'
        ? { ...current, items: [...current.items, ...added], cursor: result.data.cursor, more: IDLE }
        : current,
    );
    const [first] = added;
    return first === undefined ? null : id(first);
  }, [list]);

  /** A row as the detail panel last read it, so the two never disagree. */
  const replaceRow = useCallback((row: Item) => {
    const { idOf: id } = calls.current;
    setList((current) =>
      current.state === 'loaded'
        ? { ...current, items: current.items.map((item) => (id(item) === id(row) ? row : item)) }
        : current,
    );
  }, []);

  return { list, loadMore, replaceRow };
};
