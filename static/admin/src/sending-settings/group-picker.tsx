import type { GroupRef } from '../../../../src/contract';
import { ChipPicker } from './chip-picker';
import { settingsFieldId } from './settings-state';
import { type GroupSearch, useGroupSearch } from './use-group-search';

interface GroupPickerProps {
  groups: readonly GroupRef[];
  error: string | undefined;
  onAdd: (group: GroupRef) => void;
  onRemove: (id: string) => void;
  /** What is typed and not yet a chip, for Save to refuse. */
  onTyped: (text: string) => void;
}

const statusOf = (search: GroupSearch, query: string): string | null => {
  switch (search.status) {
    case 'idle':
      return 'Type a group name to search.';
    case 'searching':
      return search.results.length > 0 ? null : 'Searching…';
    case 'failed':
      return search.message;
    case 'done':
      return search.results.length > 0 ? null : `No groups match “${query.trim()}”.`;
  }
};

/** "Groups": Jira groups found as the admin types, chosen ones as chips. */
export const GroupPicker = ({ groups, error, onAdd, onRemove, onTyped }: GroupPickerProps) => {
  const { query, setQuery, search } = useGroupSearch();
  return (
    <ChipPicker
      id={settingsFieldId('groups')}
      label="Groups"
      noun="group"
      hint="Members of any of these Jira groups may send."
      error={error}
      chosen={groups.map((group) => ({ value: group.id, label: group.name }))}
      options={search.results.map((group) => ({ value: group.id, label: group.name }))}
      query={query}
      status={statusOf(search, query)}
      onQueryChange={(text) => {
        setQuery(text);
        onTyped(text);
      }}
      onAdd={(option) => onAdd({ id: option.value, name: option.label })}
      onRemove={onRemove}
    />
  );
};
