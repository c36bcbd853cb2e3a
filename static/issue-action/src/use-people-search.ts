import { useEffect, useRef, useState } from 'react';
import type { PersonOption } from '../../../src/contract/issue-email';
import { searchPeople } from './invokes';

export type PeopleSearch =
  | { status: 'idle'; results: PersonOption[] }
  | { status: 'searching'; results: PersonOption[] }
  | { status: 'done'; results: PersonOption[] }
  | { status: 'failed'; results: PersonOption[]; message: string };

/** The backend's bounds for a query (searchPeopleSchema). */
export const MIN_SEARCH_LENGTH = 2;
const MAX_SEARCH_LENGTH = 100;
const SEARCH_DELAY_MS = 250;
const IDLE: PeopleSearch = { status: 'idle', results: [] };

/**
 * People matching what is typed, asked once typing pauses. Only the latest request's answer is kept, so a slow
 * answer cannot replace a newer one; results stay on screen while the next search runs. An empty query (the field
 * is not focused, or too little is typed) asks nothing.
 */
export function usePeopleSearch(query: string): PeopleSearch {
  const [search, setSearch] = useState<PeopleSearch>(IDLE);
  const latest = useRef(0);
  const text = query.trim();

  useEffect(() => {
    const request = ++latest.current;
    if (text.length < MIN_SEARCH_LENGTH || text.length > MAX_SEARCH_LENGTH) {
      setSearch(IDLE);
      return;
    }
    setSearch((current) => ({ status: 'searching', results: current.results }));
    const timer = setTimeout(async () => {
      const result = await searchPeople(text);
      if (request !== latest.current) return;
      setSearch(
        result.ok
          ? { status: 'done', results: result.data }
          : { status: 'failed', results: [], message: result.error.message },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return search;
}
