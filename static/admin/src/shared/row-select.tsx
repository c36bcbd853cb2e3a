import type { Choice } from '../../../shared/choices';
export type { Choice };

interface RowSelectProps {
  id: string;
  /** The accessible name: the column label with the row, e.g. "Template for Operations". */
  label: string;
  placeholder: string;
  value: string;
  choices: readonly Choice[];
  error: string | undefined;
  onChange: (value: string) => void;
}

/** A select in a table-like row: named for its row, its error under it with the id `<id>-error`. */
export const RowSelect = (props: RowSelectProps) => {
  const errorId = `${props.id}-error`;
  return (
    <div className="im-field">
      <select
        id={props.id}
        className="im-select"
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">{props.placeholder}</option>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p className="im-field__error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
};
