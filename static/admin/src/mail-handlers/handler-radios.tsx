interface HandlerRadiosProps<V extends string> {
  /** The group's id: its first radio's, so focus after a refused save lands on the group. */
  id: string;
  legend: string;
  name: string;
  value: V;
  /** The options shown, in order: a form may offer fewer than the value's type allows. */
  labels: Readonly<Partial<Record<V, string>>>;
  error: string | undefined;
  hint?: string;
  onChange: (value: V) => void;
}

/** A labelled group of radios under a legend, its error and hint tied to the group. */
export const HandlerRadios = <V extends string>(props: HandlerRadiosProps<V>) => {
  const { id, legend, name, value, labels, error, hint, onChange } = props;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="im-fieldset im-field" aria-describedby={describedBy || undefined}>
      <legend className="im-fieldset__legend">{legend}</legend>
      <div className="im-radios">
        {(Object.keys(labels) as V[]).map((option, index) => (
          <label key={option} className="im-radio">
            <input
              id={index === 0 ? id : `${id}-${option}`}
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              aria-invalid={error && value === option ? true : undefined}
              onChange={() => onChange(option)}
            />
            {labels[option]}
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="im-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="im-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
};
