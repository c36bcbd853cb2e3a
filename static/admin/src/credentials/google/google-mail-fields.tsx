import { Field } from '../../../../shared/components/field';
import type { FieldErrors } from '../../../../shared/field-errors';
import { googleFieldId } from './google-focus';
import type { GoogleFormValues } from './google-form-state';

interface GoogleMailFieldsProps {
  values: GoogleFormValues;
  errors: FieldErrors;
  update: <F extends keyof GoogleFormValues>(field: F, value: GoogleFormValues[F]) => void;
}

const INCOMING_HINT_ID = 'credential-incomingMail-hint';

/** The mailbox the service account acts as, and whether mail handlers may read it too. */
export const GoogleMailFields = ({ values, errors, update }: GoogleMailFieldsProps) => (
  <>
    <Field
      id={googleFieldId('senderMailbox')}
      label="Mailbox to send as"
      required
      error={errors['senderMailbox']}
      hint="The Google Workspace user the service account acts as: mail is sent from this mailbox."
    >
      {(control) => (
        <input
          {...control}
          className="im-input"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.senderMailbox}
          onChange={(event) => update('senderMailbox', event.currentTarget.value)}
        />
      )}
    </Field>

    <div className="im-field">
      <span className="im-field__label-row">
        <span className="im-field__label">Incoming mail</span>
      </span>
      <label className="im-checkbox im-checkbox--field" htmlFor={googleFieldId('incomingMail')}>
        <input
          id={googleFieldId('incomingMail')}
          type="checkbox"
          checked={values.incomingMail}
          aria-describedby={INCOMING_HINT_ID}
          onChange={(event) => update('incomingMail', event.currentTarget.checked)}
        />
        Also read incoming mail (gmail.modify)
      </label>
      <p className="im-field__hint" id={INCOMING_HINT_ID}>
        Mail handlers read, label and archive this mailbox&apos;s mail; the Admin console must then allow gmail.modify
        too.
      </p>
    </div>
  </>
);
