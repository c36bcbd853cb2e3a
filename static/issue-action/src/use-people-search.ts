import type { PersonOption } from '../../../src/contract/issue-email';
import { type DebouncedSearch, useDebouncedSearch } from '../../shared/use-debounced-search';
import { searchPeople } from './invokes';

export type PeopleSearch = DebouncedSearch<PersonOption>;

/** The backend's bounds for a query (searchPeopleSchema). */
export const MIN_SEARCH_LENGTH = 2;
const MAX_SEARCH_LENGTH = 100;

const withinBounds = (text: string) => text.length >= MIN_SEARCH_LENGTH && text.length <= MAX_SEARCH_LENGTH;

/**
 * People matching what is typed (see useDebouncedSearch). An empty query (the field is not focused, or too little
 * is typed) asks nothing; trailing spaces do not search again.
 */
export const usePeopleSearch = (query: string): PeopleSearch =>
  useDebouncedSearch(query.trim(), searchPeople, withinBounds);
