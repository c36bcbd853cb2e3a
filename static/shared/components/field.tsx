import type { ReactNode } from 'react';

/** What a field hands its control so the label, hint and error are wired for assistive technology. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form field laid out as Atlassian forms are: label, control, hint, then the error. */
export const Field = ({ id, label, hint, error, required = false, children }: FieldProps) => {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  const control: FieldControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  if (required) control['aria-required'] = true;

  return (
    <div className="im-field">
      {/* The asterisk sits beside the label, not in it, so the label's text is exactly the field's name. */}
      <span className="im-field__label-row">
        <label className="im-field__label" htmlFor={id}>
          {label}
        </label>
        {required && (
          <span className="im-field__required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {children(control)}
      {hint && (
        <p className="im-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="im-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
};
