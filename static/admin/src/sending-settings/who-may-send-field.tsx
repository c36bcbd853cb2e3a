import type { GroupRef, RoleRef } from '../../../../src/contract';
import type { Loadable } from '../../../shared/loadable';
import { GroupPicker } from './group-picker';
import { RolePicker } from './role-picker';
import { type SettingsErrors, settingsFieldId, type WhoMaySendMode } from './settings-state';

interface WhoMaySendFieldProps {
  mode: WhoMaySendMode;
  groups: readonly GroupRef[];
  projectRoles: readonly RoleRef[];
  roles: Loadable<RoleRef[]>;
  errors: SettingsErrors['fields'];
  onMode: (mode: WhoMaySendMode) => void;
  onAddGroup: (group: GroupRef) => void;
  onRemoveGroup: (id: string) => void;
  onAddRole: (role: RoleRef) => void;
  onRemoveRole: (id: number) => void;
  onTyped: (field: 'groups' | 'projectRoles', text: string) => void;
}

const MODES: ReadonlyArray<{ mode: WhoMaySendMode; label: string }> = [
  { mode: 'everyone', label: 'Everyone who can see the issue' },
  { mode: 'restricted', label: 'Only members of these groups or project roles' },
];

/** "Who may send": everyone who can see the issue, or members of chosen groups or project roles. */
export const WhoMaySendField = (props: WhoMaySendFieldProps) => {
  const { mode, errors } = props;
  const errorId = `${settingsFieldId('whoMaySend')}-error`;
  return (
    <fieldset className="im-fieldset" aria-describedby={errors.whoMaySend ? errorId : undefined}>
      <legend className="im-fieldset__legend">Who may send</legend>
      <div className="im-radios">
        {MODES.map((option) => (
          <label key={option.mode} className="im-radio">
            <input
              id={`${settingsFieldId('whoMaySend')}-${option.mode}`}
              type="radio"
              name="whoMaySend"
              value={option.mode}
              checked={mode === option.mode}
              aria-invalid={errors.whoMaySend && mode === option.mode ? true : undefined}
              onChange={() => props.onMode(option.mode)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {mode === 'restricted' && (
        <div className="im-nested">
          <GroupPicker
            groups={props.groups}
            error={errors.groups}
            onAdd={props.onAddGroup}
            onRemove={props.onRemoveGroup}
            onTyped={(text) => props.onTyped('groups', text)}
          />
          <RolePicker
            roles={props.roles}
            chosen={props.projectRoles}
            error={errors.projectRoles}
            onAdd={props.onAddRole}
            onRemove={props.onRemoveRole}
            onTyped={(text) => props.onTyped('projectRoles', text)}
          />
        </div>
      )}
      {errors.whoMaySend && (
        <p className="im-field__error" id={errorId}>
          {errors.whoMaySend}
        </p>
      )}
    </fieldset>
  );
};
