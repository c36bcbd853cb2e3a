import { useState } from 'react';

import type { GroupRef } from '../../../../src/contract';
import { type DebouncedSearch, useDebouncedSearch } from '../../../shared/use-debounced-search';
import { searchGroups } from '../shared/invokes';

export type GroupSearch = DebouncedSearch<GroupRef>;

const notEmpty = (text: string) => text !== '';

/** Jira groups matching what the admin types (see useDebouncedSearch), with the text box's query. */
export const useGroupSearch = () => {
  const [query, setQuery] = useState('');
  const search = useDebouncedSearch(query, searchGroups, notEmpty);
  return { query, setQuery, search };
};
