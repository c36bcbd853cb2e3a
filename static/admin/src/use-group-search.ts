import { useEffect, useRef, useState } from 'react';
import type { GroupRef } from '../../../src/contract';
import { searchGroups } from './invokes';

export type GroupSearch =
  | { status: 'idle'; results: GroupRef[] }
  | { status: 'searching'; results: GroupRef[] }
  | { status: 'done'; results: GroupRef[] }
  | { status: 'failed'; results: GroupRef[]; message: string };

const SEARCH_DELAY_MS = 250;

/**
 * Jira groups matching what the admin types: asked once typing pauses, and only the latest answer is kept, so a
 * slow search cannot replace a newer one. Results stay on screen while the next search runs.
 */
export function useGroupSearch() {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<GroupSearch>({ status: 'idle', results: [] });
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const text = query.trim();
    if (text === '') {
      setSearch({ status: 'idle', results: [] });
      return;
    }
    setSearch((current) => ({ status: 'searching', results: current.results }));
    const timer = setTimeout(async () => {
      const result = await searchGroups(text);
      if (request !== latest.current) return;
      setSearch(
        result.ok
          ? { status: 'done', results: result.data }
          : { status: 'failed', results: [], message: result.error.message },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return { query, setQuery, search };
}
