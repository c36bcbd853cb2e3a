import { useEffect, useRef, useState } from 'react';

import type { ResolverResult } from '../../src/contract/result';

export type DebouncedSearch<T> =
  | { status: 'idle'; results: T[] }
  | { status: 'searching'; results: T[] }
  | { status: 'done'; results: T[] }
  | { status: 'failed'; results: T[]; message: string };

export const SEARCH_DELAY_MS = 250;
const IDLE: DebouncedSearch<never> = { status: 'idle', results: [] };

/**
 * What matches the query, asked once typing pauses. Only the latest request's answer is kept, so a slow answer
 * cannot replace a newer one; results stay on screen while the next search runs. A query `shouldSearch` refuses
 * asks nothing. `find` receives the query trimmed; a new search starts whenever `query` itself changes, so pass
 * it trimmed if trailing spaces should not search again. `find` and `shouldSearch` must be stable (module-level).
 */
export const useDebouncedSearch = <T>(
  query: string,
  find: (text: string) => Promise<ResolverResult<T[]>>,
  shouldSearch: (text: string) => boolean,
): DebouncedSearch<T> => {
  const [search, setSearch] = useState<DebouncedSearch<T>>(() =>
    shouldSearch(query.trim()) ? { status: 'searching', results: [] } : IDLE,
  );
  const [searchedQuery, setSearchedQuery] = useState(query);
  const latest = useRef(0);

  // A new query shows at once whether it searches (adjusted during render, as React's docs advise, not in an effect).
  if (query !== searchedQuery) {
    setSearchedQuery(query);
    setSearch(shouldSearch(query.trim()) ? (current) => ({ status: 'searching', results: current.results }) : IDLE);
  }

  useEffect(() => {
    const request = ++latest.current;
    const text = query.trim();
    if (!shouldSearch(text)) return;
    const ask = async () => {
      const result = await find(text);
      if (request !== latest.current) return;
      setSearch(
        result.ok
          ? { status: 'done', results: result.data }
          : { status: 'failed', results: [], message: result.error.message },
      );
    };
    const timer = setTimeout(() => void ask(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, find, shouldSearch]);

  return search;
};
