import { useState } from 'react';

import { type ChipOption, ChipPicker } from '../../../../static/admin/src/sending-settings/chip-picker';

export const GROUPS: ChipOption[] = [
  { value: 'g-dev', label: 'developers' },
  { value: 'g-ops', label: 'ops' },
  { value: 'g-sup', label: 'support' },
];

/** A groups picker as the Sending settings use it: suggestions filtered by the query, chosen ones as chips. */
export const GroupsHarness = ({ onChosen }: { onChosen: (values: string[]) => void }) => {
  const [chosen, setChosen] = useState<ChipOption[]>([]);
  const [query, setQuery] = useState('');
  const options = GROUPS.filter((group) => group.label.includes(query.trim()));
  return (
    <ChipPicker
      id="groups"
      label="Groups"
      noun="group"
      chosen={chosen}
      options={options}
      query={query}
      status={options.length === 0 ? `No groups match “${query.trim()}”.` : null}
      onQueryChange={setQuery}
      onAdd={(option) => {
        const next = [...chosen, option];
        setChosen(next);
        onChosen(next.map((item) => item.value));
      }}
      onRemove={(value) => setChosen(chosen.filter((item) => item.value !== value))}
    />
  );
};
