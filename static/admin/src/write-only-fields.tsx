import { useId, type ReactNode } from 'react';
import type { CredentialView } from '../../../src/contract';
import { Field, type FieldControlProps } from '../../shared/components/field';
import { expiryOf, formatDate, formatDateTime, plural } from './format';
import type { CredentialFormValues, FormField, WriteOnlyChoices } from './form-state';

export const fieldId = (field: FormField) => `credential-${field}`;

/** A field, or a button that replaces a removed control: where focus goes after a write-only choice. */
export type FocusTarget = FormField | 'replace-secret' | 'next-secret-action' | 'replace-certificate';
export const focusTargetId = (target: FocusTarget) => (target.includes('-') ? target : fieldId(target as FormField));

/** What every write-only section needs from the form. */
export interface WriteOnlyProps {
  credential: CredentialView | null;
  values: CredentialFormValues;
  errors: Partial<Record<FormField, string>>;
  choices: WriteOnlyChoices;
  update(field: FormField, value: string): void;
  choose(change: Partial<WriteOnlyChoices>, focus?: FocusTarget): void;
}

const SECRET_INPUT = {
  className: 'im-input',
  type: 'password',
  autoComplete: 'new-password',
  spellCheck: false,
} as const;

const PEM_INPUT = {
  className: 'im-textarea im-input--code',
  autoComplete: 'off',
  spellCheck: false,
  rows: 6,
} as const;

/** A stored value the page cannot show: what is known about it, and the button that replaces or removes it. */
function StoredValue({ label, children }: { label: string; children: ReactNode }) {
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
}

const updatedOn = (iso: string | undefined) => (iso ? ` (updated ${formatDateTime(iso)})` : '');

/** "Client secret": a password field, or, once stored, "A secret is set" and "Replace secret". */
export function ClientSecretField({ credential, values, errors, choices, update, choose }: WriteOnlyProps) {
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
        <button
          id="replace-secret"
          type="button"
          className="im-button"
          onClick={() => choose({ replaceSecret: true }, 'clientSecret')}
        >
          Replace secret
        </button>
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
            <>
              {' '}
              <button
                type="button"
                className="im-link-button"
                onClick={() => {
                  update('clientSecret', '');
                  choose({ replaceSecret: false }, 'replace-secret');
                }}
              >
                Keep the current secret
              </button>
            </>
          )}
        </>
      }
    >
      {(control) => (
        <input
          {...control}
          {...SECRET_INPUT}
          value={values.clientSecret}
          onChange={(event) => update('clientSecret', event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function DateInput(props: FieldControlProps & { value: string; onChange(value: string): void }) {
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
}

export function SecretExpiryField({ values, errors, update }: WriteOnlyProps) {
  return (
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
}

/** Rotation without downtime: a second secret the backend falls back to, and promotes, when the current one fails. */
export function NextSecretSection(props: WriteOnlyProps) {
  const { credential, values, errors, choices, update, choose } = props;
  const titleId = useId();
  let body: ReactNode;
  if (credential?.hasNextSecret) {
    body = choices.removeNextSecret ? (
      <div className="im-stored">
        <p>
          <strong>The next secret will be removed</strong> when you save.
        </p>
        <button
          id="next-secret-action"
          type="button"
          className="im-button"
          onClick={() => choose({ removeNextSecret: false }, 'next-secret-action')}
        >
          Keep next secret
        </button>
      </div>
    ) : (
      <div className="im-stored">
        <p>
          <span className="im-secret-set">A next secret is set</span>
          {credential.nextSecretExpiresOn ? `, expires ${formatDate(credential.nextSecretExpiresOn)}` : ''}
          {updatedOn(credential.nextSecretUpdatedAt)}.
        </p>
        <button
          id="next-secret-action"
          type="button"
          className="im-button"
          onClick={() => choose({ removeNextSecret: true }, 'next-secret-action')}
        >
          Remove next secret
        </button>
      </div>
    );
  } else if (!choices.addNextSecret) {
    body = (
      <div className="im-stored">
        <button
          id="next-secret-action"
          type="button"
          className="im-button"
          onClick={() => choose({ addNextSecret: true }, 'nextClientSecret')}
        >
          Add next secret
        </button>
      </div>
    );
  } else {
    body = (
      <div className="im-subsection__grid">
        <Field
          id={fieldId('nextClientSecret')}
          label="Next client secret"
          required
          error={errors.nextClientSecret}
          hint={
            <>
              The <strong>Value</strong> of a second secret from Certificates &amp; secrets.{' '}
              <button
                type="button"
                className="im-link-button"
                onClick={() => {
                  update('nextClientSecret', '');
                  update('nextSecretExpiresOn', '');
                  choose({ addNextSecret: false }, 'next-secret-action');
                }}
              >
                Cancel adding a next secret
              </button>
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              {...SECRET_INPUT}
              value={values.nextClientSecret}
              onChange={(event) => update('nextClientSecret', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={fieldId('nextSecretExpiresOn')} label="Next secret expires on" error={errors.nextSecretExpiresOn}>
          {(control) => (
            <DateInput
              {...control}
              value={values.nextSecretExpiresOn}
              onChange={(value) => update('nextSecretExpiresOn', value)}
            />
          )}
        </Field>
      </div>
    );
  }
  return (
    <section className="im-subsection" aria-labelledby={titleId}>
      <h3 className="im-subsection__title" id={titleId}>
        Next secret
      </h3>
      <p className="im-field__hint">
        Before the current secret expires, add a second one here. If Microsoft refuses the current secret as expired or
        invalid, Issue Mailer signs in with the next one and makes it the current secret.
      </p>
      {body}
    </section>
  );
}

function CertificateSummaryView({ credential, now }: { credential: CredentialView; now: Date }) {
  const certificate = credential.certificate;
  if (!certificate) return null;
  const expiry = expiryOf(certificate.notAfter, now);
  return (
    <dl className="im-facts">
      <dt>Thumbprint</dt>
      <dd>
        <code className="im-break">{certificate.thumbprint}</code>
      </dd>
      <dt>Subject</dt>
      <dd className="im-break">{certificate.subject}</dd>
      <dt>Valid</dt>
      <dd>
        {formatDate(certificate.notBefore)} to {formatDate(certificate.notAfter)}{' '}
        {expiry.state === 'expired' && <span className="im-lozenge im-lozenge--danger">Expired</span>}
        {expiry.state === 'soon' && (
          <span className="im-lozenge im-lozenge--warning">Expires in {plural(expiry.daysLeft, 'day')}</span>
        )}
      </dd>
      <dt>Private key</dt>
      <dd>{credential.hasPrivateKey ? 'Stored as a Forge secret' : 'Not stored'}</dd>
    </dl>
  );
}

/** The certificate and its private key, PEM: write-only once stored, when the page shows the certificate's facts. */
export function CertificateSection(props: WriteOnlyProps) {
  const { credential, values, errors, choices, update, choose } = props;
  const stored = Boolean(credential?.certificate && credential.hasPrivateKey);
  const titleId = useId();
  return (
    <section className="im-subsection" aria-labelledby={titleId}>
      <h3 className="im-subsection__title" id={titleId}>
        Certificate
      </h3>
      <p className="im-field__hint">
        Upload the certificate (public key) to Certificates &amp; secrets &gt; Certificates in Entra; paste it and its
        private key here. Issue Mailer signs each token request with the key; the key is never shown again.
      </p>
      {stored && credential && !choices.replaceCertificate ? (
        <div className="im-stored">
          <CertificateSummaryView credential={credential} now={new Date()} />
          <button
            id="replace-certificate"
            type="button"
            className="im-button"
            onClick={() => choose({ replaceCertificate: true }, 'certificatePem')}
          >
            Replace certificate and key
          </button>
        </div>
      ) : (
        <div className="im-subsection__grid">
          <Field
            id={fieldId('certificatePem')}
            label="Certificate (PEM)"
            required
            error={errors.certificatePem}
            hint="-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----"
          >
            {(control) => (
              <textarea
                {...control}
                {...PEM_INPUT}
                value={values.certificatePem}
                onChange={(event) => update('certificatePem', event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id={fieldId('privateKeyPem')}
            label="Private key (PEM)"
            required
            error={errors.privateKeyPem}
            hint={
              <>
                -----BEGIN PRIVATE KEY----- … Stored as a Forge secret and never shown again.
                {stored && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="im-link-button"
                      onClick={() => {
                        update('certificatePem', '');
                        update('privateKeyPem', '');
                        choose({ replaceCertificate: false }, 'replace-certificate');
                      }}
                    >
                      Keep the current certificate
                    </button>
                  </>
                )}
              </>
            }
          >
            {(control) => (
              <textarea
                {...control}
                {...PEM_INPUT}
                value={values.privateKeyPem}
                onChange={(event) => update('privateKeyPem', event.currentTarget.value)}
              />
            )}
          </Field>
        </div>
      )}
    </section>
  );
}
