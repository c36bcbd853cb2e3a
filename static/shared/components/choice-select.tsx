import type { ReactNode } from 'react';

import type { Choice } from '../choices';
import { Field } from './field';

export type { Choice };

interface ChoiceSelectProps {
  id: string;
  label: string;
  value: string;
  choices: readonly Choice[];
  hint?: ReactNode;
  error: string | undefined;
  required?: boolean;
  /** The first option, with the empty value: "Default credential", "Choose a template", "Any status". */
  emptyLabel?: string;
  onChange: (value: string) => void;
}

/** A labelled select of choices; with `emptyLabel`, a first choice whose empty value means the default or none. */
export const ChoiceSelect = (props: ChoiceSelectProps) => {
  const { id, label, value, choices, hint, error, required = false, emptyLabel, onChange } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select
          {...control}
          className="im-select"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
};
