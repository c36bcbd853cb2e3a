import { CLIENT_AUTH_METHODS, type CredentialProvider } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { fieldId, type PlainFieldsProps } from './form-fields';
import { CLIENT_AUTH_LABELS, type CredentialFormValues, GRANT_TYPE_LABELS } from './form-state';
import { ProviderField } from './provider-field';

interface RegistrationFieldsProps extends PlainFieldsProps {
  /** The saved credential's provider, or null for a new credential. */
  savedProvider: CredentialProvider | null;
  chooseProvider: (provider: CredentialProvider) => void;
  chooseGrantType: (grantType: CredentialFormValues['grantType']) => void;
}

const isGrantType = (value: string): value is CredentialFormValues['grantType'] =>
  Object.hasOwn(GRANT_TYPE_LABELS, value);

/** The credential's name and the app registration it signs in as: cloud, grant, authentication and client ID. */
export const RegistrationFields = ({
  values,
  errors,
  text,
  savedProvider,
  chooseProvider,
  chooseGrantType,
}: RegistrationFieldsProps) => (
  <>
    <Field id={fieldId('name')} label="Name" required error={errors.name} hint="Shown to admins only.">
      {(control) => <input {...control} {...text('name')} className="im-input" type="text" autoComplete="off" />}
    </Field>

    <ProviderField provider={values.provider} saved={savedProvider} error={errors.provider} onChoose={chooseProvider} />

    <Field
      id={fieldId('grantType')}
      label="Grant type"
      required
      error={errors.grantType}
      hint={
        values.grantType === 'authorization_code'
          ? 'Sends as the one mailbox an admin signs in with (delegated permissions), after Authorize.'
          : undefined
      }
    >
      {(control) => (
        <select
          {...control}
          className="im-select"
          value={values.grantType}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isGrantType(chosen)) chooseGrantType(chosen);
          }}
        >
          {Object.entries(GRANT_TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>

    <Field
      id={fieldId('clientAuthMethod')}
      label="Client authentication"
      required
      error={errors.clientAuthMethod}
      hint="A certificate is Microsoft's recommended way; a client secret is quicker to set up."
    >
      {(control) => (
        <select {...control} {...text('clientAuthMethod')} className="im-select">
          {CLIENT_AUTH_METHODS.map((method) => (
            <option key={method} value={method}>
              {CLIENT_AUTH_LABELS[method]}
            </option>
          ))}
        </select>
      )}
    </Field>

    <Field
      id={fieldId('clientId')}
      label="Client ID"
      required
      error={errors.clientId}
      hint="The Application (client) ID from the app registration's Overview page."
    >
      {(control) => (
        <input
          {...control}
          {...text('clientId')}
          className="im-input im-input--code"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="00000000-0000-0000-0000-000000000000"
        />
      )}
    </Field>
  </>
);
