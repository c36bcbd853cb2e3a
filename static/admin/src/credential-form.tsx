import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  CLIENT_AUTH_METHODS,
  MICROSOFT_CLOUDS,
  MICROSOFT_CLOUD_KEYS,
  tokenEndpointOf,
  type ConnectionTestResult,
  type CredentialView,
  type ResolverError,
} from '../../../src/contract';
import { Field } from '../../shared/components/field';
import { SectionMessage } from '../../shared/components/section-message';
import { normaliseFieldErrors, type FieldErrors } from '../../shared/field-errors';
import { ConnectionTestResultView, type ConnectionTestOutcome } from './connection-test-result';
import {
  CLIENT_AUTH_LABELS,
  GRANT_TYPE_LABELS,
  NO_WRITE_ONLY_CHOICES,
  emptyFormValues,
  formValuesFrom,
  isCloud,
  rebase,
  sameValues,
  toCredentialInput,
  validateCredentialInput,
  visibleWriteOnly,
  withProvider,
  type CredentialFormValues,
  type FormField,
  type WriteOnlyChoices,
} from './form-state';
import { saveCredential, testConnection } from './invokes';
import {
  CertificateSection,
  ClientSecretField,
  NextSecretSection,
  SecretExpiryField,
  fieldId,
  focusTargetId,
  type FocusTarget,
} from './write-only-fields';

/** The order fields appear in, to focus the first one with an error. */
const FIELD_ORDER: FormField[] = [
  'name',
  'provider',
  'grantType',
  'clientAuthMethod',
  'clientId',
  'clientSecret',
  'secretExpiresOn',
  'nextClientSecret',
  'nextSecretExpiresOn',
  'certificatePem',
  'privateKeyPem',
  'tokenEndpoint',
  'scope',
  'senderMailbox',
  'graphBaseUrl',
];

const isFormField = (key: string): key is FormField => (FIELD_ORDER as string[]).includes(key);

type Notice = { kind: 'saved'; name: string } | { kind: 'error'; error: ResolverError; otherErrors: string[] } | null;

interface CredentialFormProps {
  /** The credential being edited, or null to add one. */
  credential: CredentialView | null;
  /** Moves focus to the form's heading once shown: the admin asked for it with Add or Edit. */
  focusOnShow: boolean;
  onSaved(credential: CredentialView): void;
  onTested(id: string, result: ConnectionTestResult): void;
  onClose(): void;
}

/** Opens the write-only inputs a server error is about, so the message shows beside its field. */
function choicesForErrors(errors: FieldErrors, choices: WriteOnlyChoices): WriteOnlyChoices {
  return {
    ...choices,
    replaceSecret: choices.replaceSecret || 'clientSecret' in errors,
    addNextSecret: choices.addNextSecret || 'nextClientSecret' in errors || 'nextSecretExpiresOn' in errors,
    replaceCertificate: choices.replaceCertificate || 'certificatePem' in errors || 'privateKeyPem' in errors,
  };
}

export function CredentialForm({ credential, focusOnShow, onSaved, onTested, onClose }: CredentialFormProps) {
  const isNew = credential === null;
  const [values, setValues] = useState<CredentialFormValues>(() =>
    credential ? formValuesFrom(credential) : emptyFormValues(),
  );
  /** The stored values the form's edits are relative to. */
  const [savedValues, setSavedValues] = useState<CredentialFormValues>(values);
  const [choices, setChoices] = useState<WriteOnlyChoices>(NO_WRITE_ONLY_CHOICES);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [sendTestEmail, setSendTestEmail] = useState(false);
  const [testOutcome, setTestOutcome] = useState<ConnectionTestOutcome | null>(null);
  const [busy, setBusy] = useState<'saving' | 'testing' | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | 'first-error' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const dirty = !sameValues(values, savedValues) || Object.values(choices).some(Boolean);
  const visible = visibleWriteOnly(values, credential, choices);

  useEffect(() => {
    if (!credential) return;
    const stored = formValuesFrom(credential);
    if (sameValues(stored, savedValues)) return;
    setValues((current) => rebase(current, savedValues, stored));
    setSavedValues(stored);
  }, [credential]);

  useEffect(() => {
    if (!focusOnShow) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focusOnShow]);

  // Focus moves after the render that shows its target.
  useEffect(() => {
    if (focusTarget === null) return;
    const form = formRef.current;
    const first = FIELD_ORDER.find((field) => errors[field] && form?.querySelector(`#${fieldId(field)}`));
    const id = focusTarget === 'first-error' ? (first ? fieldId(first) : null) : focusTargetId(focusTarget);
    if (id) form?.querySelector<HTMLElement>(`#${id}`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, errors]);

  const update = (field: FormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const choose = (change: Partial<WriteOnlyChoices>, focus?: FocusTarget) => {
    setChoices((current) => ({ ...current, ...change }));
    if (focus) setFocusTarget(focus);
  };

  const showErrors = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setChoices((current) => choicesForErrors(fieldErrors, current));
    setFocusTarget('first-error');
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const input = toCredentialInput(values, credential, choices);
    const clientErrors = validateCredentialInput(input, values, visible);
    if (Object.keys(clientErrors).length > 0) {
      showErrors(clientErrors);
      return;
    }
    setBusy('saving');
    const result = await saveCredential(input);
    setBusy(null);
    if (result.ok) {
      setErrors({});
      setChoices(NO_WRITE_ONLY_CHOICES);
      setTestOutcome(null);
      setValues(formValuesFrom(result.data));
      setSavedValues(formValuesFrom(result.data));
      setNotice({ kind: 'saved', name: result.data.name });
      onSaved(result.data);
      return;
    }
    const serverErrors = normaliseFieldErrors(result.error.fieldErrors);
    const otherErrors = Object.entries(serverErrors)
      .filter(([field]) => !isFormField(field))
      .map(([, message]) => message);
    setNotice({ kind: 'error', error: result.error, otherErrors });
    showErrors(serverErrors);
  };

  const onTest = async () => {
    if (!credential || busy) return;
    setBusy('testing');
    setTestOutcome(null);
    const result = await testConnection(credential.id, sendTestEmail);
    setBusy(null);
    if (result.ok) {
      setTestOutcome({ kind: 'result', result: result.data });
      onTested(credential.id, result.data);
    } else {
      setTestOutcome({ kind: 'error', error: result.error });
    }
  };

  /** Binds a text control to a field. */
  const text = (field: FormField) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => update(field, event.currentTarget.value),
  });

  const writeOnly = { credential, values, errors, choices, update, choose };
  const cloud = MICROSOFT_CLOUDS[values.provider];
  const endpointExample = tokenEndpointOf(values.provider, '<tenant-id>');

  return (
    <form
      ref={formRef}
      className="im-form"
      noValidate
      aria-labelledby="credential-form-title"
      aria-busy={busy !== null}
      onSubmit={onSubmit}
    >
      <div className="im-form__header">
        <h2 id="credential-form-title" ref={headingRef} tabIndex={-1}>
          {isNew ? 'Add credential' : `Edit credential: ${credential.name}`}
        </h2>
        <p className="im-secondary">
          Issue Mailer gets tokens with the OAuth2 client credentials grant and sends mail through Microsoft Graph.
          Fields marked <span className="im-field__required">*</span> are required.
        </p>
        {credential?.usedBy && credential.usedBy.length > 0 && (
          <p className="im-secondary">Used by {credential.usedBy.join(', ')}.</p>
        )}
      </div>

      <div className="im-form__grid">
        <Field id={fieldId('name')} label="Name" required error={errors.name} hint="Shown to admins only.">
          {(control) => <input {...control} {...text('name')} className="im-input" type="text" autoComplete="off" />}
        </Field>

        <Field
          id={fieldId('provider')}
          label="OAuth2 service provider"
          required
          error={errors.provider}
          hint="The Microsoft cloud your tenant lives in: it sets the sign-in and Graph hosts."
        >
          {(control) => (
            <select
              {...control}
              className="im-select"
              value={values.provider}
              onChange={(event) => {
                const provider = event.currentTarget.value;
                if (!isCloud(provider)) return;
                setValues((current) => withProvider(current, provider));
                setErrors(({ provider: _p, scope: _s, graphBaseUrl: _g, ...rest }) => rest);
              }}
            >
              {MICROSOFT_CLOUD_KEYS.map((key) => (
                <option key={key} value={key}>
                  {MICROSOFT_CLOUDS[key].label}
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

        {values.clientAuthMethod === 'client_secret' ? (
          <>
            <ClientSecretField {...writeOnly} />
            <SecretExpiryField {...writeOnly} />
            {!isNew && (
              <div className="im-form__wide">
                <NextSecretSection {...writeOnly} />
              </div>
            )}
          </>
        ) : (
          <div className="im-form__wide">
            <CertificateSection {...writeOnly} />
          </div>
        )}

        <div className="im-form__wide">
          <Field
            id={fieldId('tokenEndpoint')}
            label="Token endpoint URL"
            required
            error={errors.tokenEndpoint}
            hint={
              <>
                Overview &gt; Endpoints &gt; OAuth 2.0 token endpoint (v2). For {cloud.label} it looks like{' '}
                <code>{endpointExample}</code>
              </>
            }
          >
            {(control) => (
              <input
                {...control}
                {...text('tokenEndpoint')}
                className="im-input"
                type="url"
                autoComplete="off"
                spellCheck={false}
                placeholder={endpointExample}
              />
            )}
          </Field>
        </div>

        <Field
          id={fieldId('scope')}
          label="Scope"
          required
          error={errors.scope}
          hint={
            <>
              Usually <code>{cloud.scope}</code>
            </>
          }
        >
          {(control) => (
            <input {...control} {...text('scope')} className="im-input" type="text" autoComplete="off" spellCheck={false} />
          )}
        </Field>

        <Field
          id={fieldId('senderMailbox')}
          label="Sender mailbox"
          required
          error={errors.senderMailbox}
          hint="Mail is sent from this mailbox; it needs an Exchange Online licence."
        >
          {(control) => (
            <input
              {...control}
              {...text('senderMailbox')}
              className="im-input"
              type="email"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>

        <Field
          id={fieldId('graphBaseUrl')}
          label="Graph API base URL"
          required
          error={errors.graphBaseUrl}
          hint={
            <>
              Usually <code>{cloud.graphBaseUrl}</code>
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              {...text('graphBaseUrl')}
              className="im-input"
              type="url"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      </div>

      <div className="im-form__footer">
        <div className="im-button-row">
          <button type="submit" className="im-button im-button--primary" aria-disabled={busy !== null}>
            {busy === 'saving' && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
            Save
          </button>
          {!isNew && (
            <>
              <button
                type="button"
                className="im-button"
                onClick={onTest}
                aria-disabled={busy !== null}
                aria-describedby="test-connection-hint"
              >
                {busy === 'testing' && <span className="im-spinner" aria-hidden="true" />}
                Test connection
              </button>
              <label className="im-checkbox">
                <input
                  id="credential-sendTestEmail"
                  type="checkbox"
                  checked={sendTestEmail}
                  onChange={(event) => setSendTestEmail(event.currentTarget.checked)}
                />
                Also send a test email to me
              </label>
              <span className="im-button-row__spacer" />
              <button type="button" className="im-button im-button--subtle" onClick={onClose}>
                Close
              </button>
            </>
          )}
        </div>
        <p id="test-connection-hint" className="im-field__hint">
          {isNew
            ? 'Save the credential, then test the connection.'
            : dirty
              ? 'You have unsaved changes: Test connection tests the saved credential.'
              : 'Gets a token, checks its permissions and the sender mailbox; mails you only if you ask.'}
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
            {notice.otherErrors.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </SectionMessage>
        )}
        {testOutcome && <ConnectionTestResultView outcome={testOutcome} />}
      </div>
    </form>
  );
}
