import { Field } from '../../shared/components/field';
import type { Choice } from './action-inputs';

interface ChoiceSelectProps {
  id: string;
  label: string;
  value: string;
  choices: readonly Choice[];
  hint: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** A labelled select whose first choice (empty value) means "the default". */
export const ChoiceSelect = ({ id, label, value, choices, hint, error, onChange }: ChoiceSelectProps) => (
  <Field id={id} label={label} hint={hint} error={error}>
    {(control) => (
      <select
        {...control}
        className="im-select"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    )}
  </Field>
);
