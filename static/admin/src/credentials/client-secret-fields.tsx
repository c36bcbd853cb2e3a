import { Field } from '../../../shared/components/field';
import { formatDateTime } from '../shared/format';
import { fieldId } from './form-fields';
import {
  DateInput,
  SecretInput,
  StoredValue,
  StoredValueAction,
  UndoChoiceLink,
  updatedOn,
  type WriteOnlyProps,
} from './write-only-fields';

/** "Client secret": a password field, or, once stored, "A secret is set" and "Replace secret". */
export const ClientSecretField = ({ credential, values, errors, choices, update, choose }: WriteOnlyProps) => {
  const stored = Boolean(credential?.hasSecret);
  if (stored && !choices.replaceSecret) {
    return (
      <StoredValue label="Client secret">
        <p>
          <span className="im-secret-set">A secret is set</span>
          {updatedOn(credential?.secretUpdatedAt)}
        </p>
        {credential?.lastRotation && (
          <p className="im-secondary">
            This was the next secret until {formatDateTime(credential.lastRotation.promotedAt)}, when Microsoft refused
            the previous one as {credential.lastRotation.reason}.
          </p>
        )}
        <StoredValueAction id="replace-secret" onClick={() => choose({ replaceSecret: true }, 'clientSecret')}>
          Replace secret
        </StoredValueAction>
      </StoredValue>
    );
  }
  return (
    <Field
      id={fieldId('clientSecret')}
      label="Client secret"
      required
      error={errors.clientSecret}
      hint={
        <>
          Paste the secret's <strong>Value</strong>, not its Secret ID. It is stored as a Forge secret and never shown
          again.
          {stored && (
            <UndoChoiceLink
              onClick={() => {
                update('clientSecret', '');
                choose({ replaceSecret: false }, 'replace-secret');
              }}
            >
              Keep the current secret
            </UndoChoiceLink>
          )}
        </>
      }
    >
      {(control) => (
        <SecretInput {...control} value={values.clientSecret} onChange={(value) => update('clientSecret', value)} />
      )}
    </Field>
  );
};

export const SecretExpiryField = ({ values, errors, update }: WriteOnlyProps) => (
  <Field
    id={fieldId('secretExpiresOn')}
    label="Secret expires on"
    error={errors.secretExpiresOn}
    hint="The Expires date beside the secret in Entra. The page warns 30 days ahead."
  >
    {(control) => (
      <DateInput {...control} value={values.secretExpiresOn} onChange={(value) => update('secretExpiresOn', value)} />
    )}
  </Field>
);
