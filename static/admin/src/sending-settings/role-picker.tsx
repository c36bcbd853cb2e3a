import { useState } from 'react';

import type { RoleRef } from '../../../../src/contract';
import type { Loadable } from '../../../shared/loadable';
import { ChipPicker } from './chip-picker';
import { settingsFieldId } from './settings-state';

interface RolePickerProps {
  roles: Loadable<RoleRef[]>;
  chosen: readonly RoleRef[];
  error: string | undefined;
  onAdd: (role: RoleRef) => void;
  onRemove: (id: number) => void;
  /** What is typed and not yet a chip, for Save to refuse. */
  onTyped: (text: string) => void;
}

const statusOf = (roles: Loadable<RoleRef[]>, offered: number, query: string): string | null => {
  if (roles.state === 'loading') return 'Loading project roles…';
  if (roles.state === 'failed') return roles.error.message;
  if (offered > 0) return null;
  if (roles.data.length === 0) return 'This site has no project roles.';
  return query.trim() === '' ? 'Every project role is chosen.' : `No project roles match “${query.trim()}”.`;
};

/** "Project roles": the site's project roles, filtered as the admin types; chosen ones as chips. */
export const RolePicker = ({ roles, chosen, error, onAdd, onRemove, onTyped }: RolePickerProps) => {
  const [query, setQuery] = useState('');
  const text = query.trim().toLowerCase();
  const offered = (roles.state === 'loaded' ? roles.data : []).filter(
    (role) => role.name.toLowerCase().includes(text) && !chosen.some((item) => item.id === role.id),
  );

  return (
    <ChipPicker
      id={settingsFieldId('projectRoles')}
      label="Project roles"
      noun="project role"
      hint="People in any of these roles in the issue's project may send."
      error={error}
      chosen={chosen.map((role) => ({ value: String(role.id), label: role.name }))}
      options={offered.map((role) => ({ value: String(role.id), label: role.name }))}
      query={query}
      status={statusOf(roles, offered.length, query)}
      onQueryChange={(text) => {
        setQuery(text);
        onTyped(text);
      }}
      onAdd={(option) => onAdd({ id: Number(option.value), name: option.label })}
      onRemove={(value) => onRemove(Number(value))}
    />
  );
};
