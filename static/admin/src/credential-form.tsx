import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ConnectionTestResult, CredentialView, ResolverError } from '../../../src/contract';
import { Field } from '../../shared/components/field';
import { SectionMessage } from '../../shared/components/section-message';
import { normaliseFieldErrors, type FieldErrors } from '../../shared/field-errors';
import { ConnectionTestMessage } from './connection-test-message';
import {
  GRANT_TYPE_LABELS,
  PROVIDER_LABELS,
  emptyFormValues,
  formValuesFrom,
  sameValues,
  toCredentialInput,
  validateCredentialInput,
  type CredentialFormValues,
} from './form-state';
import { saveCredential, testConnection } from './invokes';

/** The order fields appear in, to focus the first one with an error. */
const FIELD_ORDER: (keyof CredentialFormValues)[] = [
  'name',
  'provider',
  'grantType',
  'clientId',
  'clientSecret',
  'tokenEndpoint',
  'scope',
  'senderMailbox',
  'graphBaseUrl',
  'secretExpiresOn',
];

type Notice = { kind: 'saved'; name: string } | { kind: 'error'; error: ResolverError } | null;

interface CredentialFormProps {
  /** The credential being edited, or null to add one. */
  credential: CredentialView | null;
  onSaved(credential: CredentialView): void;
  onTested(id: string, result: ConnectionTestResult): void;
  onCancel(): void;
}

const fieldId = (field: keyof CredentialFormValues) => `credential-${field}`;

export function CredentialForm({ credential, onSaved, onTested, onCancel }: CredentialFormProps) {
  const isNew = credential === null;
  const savedValues = credential ? formValuesFrom(credential) : emptyFormValues();
  const [values, setValues] = useState<CredentialFormValues>(savedValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [testResult, setTestResult] = useState<ConnectionTestResult | ResolverError | null>(null);
  const [busy, setBusy] = useState<'saving' | 'testing' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = !sameValues(values, savedValues);

  const update = <K extends keyof CredentialFormValues>(field: K, value: CredentialFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const focusFirstError = (fieldErrors: FieldErrors) => {
    const first = FIELD_ORDER.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const input = toCredentialInput(values, credential?.id);
    const clientErrors = validateCredentialInput(input, isNew);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusFirstError(clientErrors);
      return;
    }
    setBusy('saving');
    const result = await saveCredential(input);
    setBusy(null);
    if (result.ok) {
      setErrors({});
      setTestResult(null);
      onSaved(result.data);
      setNotice({ kind: 'saved', name: result.data.name });
      setValues(formValuesFrom(result.data));
      return;
    }
    const serverErrors = normaliseFieldErrors(result.error.fieldErrors);
    setErrors(serverErrors);
    setNotice({ kind: 'error', error: result.error });
    focusFirstError(serverErrors);
  };

  const onTest = async () => {
    if (!credential || busy) return;
    setBusy('testing');
    setTestResult(null);
    const result = await testConnection(credential.id);
    setBusy(null);
    if (result.ok) {
      setTestResult(result.data);
      onTested(credential.id, result.data);
    } else {
      setTestResult(result.error);
    }
  };

  /** Binds a control to a field; the selects only offer the enum's values, hence the cast. */
  const text = <K extends keyof CredentialFormValues>(field: K) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      update(field, event.target.value as CredentialFormValues[K]),
  });

  return (
    <form ref={formRef} className="im-form" noValidate aria-labelledby="credential-form-title" onSubmit={onSubmit}>
      <div className="im-form__header">
        <h2 id="credential-form-title">{isNew ? 'Add credential' : `Edit credential: ${credential.name}`}</h2>
        <p className="im-secondary">
          Issue Mailer gets tokens with the OAuth2 client credentials grant and sends mail through Microsoft Graph.
        </p>
      </div>

      <div className="im-form__grid">
        <Field id={fieldId('name')} label="Name" required error={errors.name} hint="Shown to admins only.">
          {(control) => <input {...control} {...text('name')} className="im-input" type="text" autoComplete="off" />}
        </Field>

        <Field id={fieldId('provider')} label="OAuth2 service provider" required error={errors.provider}>
          {(control) => (
            <select {...control} {...text('provider')} className="im-select">
              {Object.entries(PROVIDER_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field id={fieldId('grantType')} label="Grant type" required error={errors.grantType}>
          {(control) => (
            <select {...control} {...text('grantType')} className="im-select">
              {Object.entries(GRANT_TYPE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
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

        <Field
          id={fieldId('clientSecret')}
          label="Client secret"
          required={isNew}
          error={errors.clientSecret}
          hint={
            isNew || !credential.hasSecret ? (
              <>
                Paste the secret's <strong>Value</strong>, not its Secret ID. It is stored as a Forge secret and never
                shown again.
              </>
            ) : (
              <>
                <span className="im-secret-set">A secret is set.</span> Leave this empty to keep it, or paste a new
                secret value to replace it.
              </>
            )
          }
        >
          {(control) => (
            <input
              {...control}
              {...text('clientSecret')}
              className="im-input"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
            />
          )}
        </Field>

        <Field
          id={fieldId('tokenEndpoint')}
          label="Token endpoint URL"
          required
          error={errors.tokenEndpoint}
          hint={
            <>
              Overview &gt; Endpoints &gt; OAuth 2.0 token endpoint (v2), e.g.{' '}
              <code>https://login.microsoftonline.com/&lt;tenant-id&gt;/oauth2/v2.0/token</code>
            </>
          }
        >
          {(control) => (
            <input {...control} {...text('tokenEndpoint')} className="im-input" type="url" autoComplete="off" />
          )}
        </Field>

        <Field id={fieldId('scope')} label="Scope" required error={errors.scope}>
          {(control) => <input {...control} {...text('scope')} className="im-input" type="text" autoComplete="off" />}
        </Field>

        <Field
          id={fieldId('senderMailbox')}
          label="Sender mailbox"
          required
          error={errors.senderMailbox}
          hint="Mail is sent from this mailbox; it needs an Exchange Online licence."
        >
          {(control) => (
            <input {...control} {...text('senderMailbox')} className="im-input" type="email" autoComplete="off" />
          )}
        </Field>

        <Field id={fieldId('graphBaseUrl')} label="Graph API base URL" required error={errors.graphBaseUrl}>
          {(control) => (
            <input {...control} {...text('graphBaseUrl')} className="im-input" type="url" autoComplete="off" />
          )}
        </Field>

        <Field
          id={fieldId('secretExpiresOn')}
          label="Secret expires on"
          error={errors.secretExpiresOn}
          hint="The Expires date beside the secret in Entra; the list warns a month ahead."
        >
          {(control) => <input {...control} {...text('secretExpiresOn')} className="im-input" type="date" />}
        </Field>
      </div>

      <div className="im-form__footer">
        <div className="im-button-row">
          <button type="submit" className="im-button im-button--primary" aria-disabled={busy !== null}>
            {busy === 'saving' && <span className="im-spinner" aria-hidden="true" />}
            Save
          </button>
          <button
            type="button"
            className="im-button"
            onClick={onTest}
            disabled={isNew}
            aria-disabled={busy !== null}
            aria-describedby="test-connection-hint"
          >
            {busy === 'testing' && <span className="im-spinner" aria-hidden="true" />}
            Test connection
          </button>
          {!isNew && (
            <button type="button" className="im-button im-button--subtle" onClick={onCancel}>
              Close
            </button>
          )}
        </div>
        <p id="test-connection-hint" className="im-field__hint">
          {isNew
            ? 'Save the credential first; Test connection tests the saved credential.'
            : dirty
              ? 'You have unsaved changes: Test connection tests the saved credential.'
              : 'Gets a token and checks the sender mailbox, without sending mail.'}
        </p>
      </div>

      <div className="im-form__messages">
        {busy === 'saving' && (
          <p role="status" className="im-secondary">
            Saving…
          </p>
        )}
        {busy === 'testing' && (
          <p role="status" className="im-secondary">
            Testing the connection…
          </p>
        )}
        {notice?.kind === 'saved' && (
          <SectionMessage appearance="success" title="Credential saved">
            <p>“{notice.name}” is saved. Use Test connection to check it.</p>
          </SectionMessage>
        )}
        {notice?.kind === 'error' && (
          <SectionMessage appearance="error" title="The credential was not saved">
            <p>{notice.error.message}</p>
          </SectionMessage>
        )}
        {testResult && <ConnectionTestMessage result={testResult} />}
      </div>
    </form>
  );
}
