import { type ReactNode, useId } from 'react';

import type { CredentialView } from '../../../../src/contract';
import type { FieldControlProps } from '../../../shared/components/field';
import { formatDateTime } from '../shared/format';
import type { FocusTarget } from './form-fields';
import type { CredentialFormValues, FormField, WriteOnlyChoices } from './form-state';

/** What every write-only section needs from the form. */
export interface WriteOnlyProps {
  credential: CredentialView | null;
  values: CredentialFormValues;
  errors: Partial<Record<FormField, string>>;
  choices: WriteOnlyChoices;
  update: (field: FormField, value: string) => void;
  choose: (change: Partial<WriteOnlyChoices>, focus?: FocusTarget) => void;
}

const SECRET_INPUT = {
  className: 'im-input',
  type: 'password',
  autoComplete: 'new-password',
  spellCheck: false,
} as const;

/** A write-only secret: masked, never offered for autofill of a saved password, never spell-checked. */
export const SecretInput = (props: FieldControlProps & { value: string; onChange: (value: string) => void }) => {
  const { value, onChange, ...control } = props;
  return (
    <input {...control} {...SECRET_INPUT} value={value} onChange={(event) => onChange(event.currentTarget.value)} />
  );
};

/** A stored value the page cannot show: what is known about it, and the button that replaces or removes it. */
export const StoredValue = ({ label, children }: { label: string; children: ReactNode }) => {
  const labelId = useId();
  return (
    <div className="im-field" role="group" aria-labelledby={labelId}>
      <span className="im-field__label-row">
        <span className="im-field__label" id={labelId}>
          {label}
        </span>
      </span>
      <div className="im-stored">{children}</div>
    </div>
  );
};

/** The button beside a stored value that replaces, removes or adds it; the id is where focus returns on undo. */
export const StoredValueAction = ({
  id,
  onClick,
  children,
}: {
  id: string;
  onClick: () => void;
  children: ReactNode;
}) => (
  <button id={id} type="button" className="im-button" onClick={onClick}>
    {children}
  </button>
);

/** The link at the end of a field's hint that takes back a replace or add choice, after a space. */
export const UndoChoiceLink = ({ onClick, children }: { onClick: () => void; children: ReactNode }) => (
  <>
    {' '}
    <button type="button" className="im-link-button" onClick={onClick}>
      {children}
    </button>
  </>
);

export const updatedOn = (iso: string | undefined) => (iso ? ` (updated ${formatDateTime(iso)})` : '');

export const DateInput = (props: FieldControlProps & { value: string; onChange: (value: string) => void }) => {
  const { value, onChange, ...control } = props;
  return (
    <input
      {...control}
      className="im-input im-input--date"
      type="date"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
};
