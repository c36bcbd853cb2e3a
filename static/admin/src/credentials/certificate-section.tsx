import { useId } from 'react';

import type { CredentialView } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { expiryOf, formatDate, plural } from '../shared/format';
import { fieldId } from './form-fields';
import { StoredValueAction, UndoChoiceLink, type WriteOnlyProps } from './write-only-fields';

const PEM_INPUT = {
  className: 'im-textarea im-input--code',
  autoComplete: 'off',
  spellCheck: false,
  rows: 6,
} as const;

const CertificateSummaryView = ({ credential, now }: { credential: CredentialView; now: Date }) => {
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
};

/** The certificate and its private key, PEM: write-only once stored, when the page shows the certificate's facts. */
export const CertificateSection = (props: WriteOnlyProps) => {
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
          <StoredValueAction
            id="replace-certificate"
            onClick={() => choose({ replaceCertificate: true }, 'certificatePem')}
          >
            Replace certificate and key
          </StoredValueAction>
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
                  <UndoChoiceLink
                    onClick={() => {
                      update('certificatePem', '');
                      update('privateKeyPem', '');
                      choose({ replaceCertificate: false }, 'replace-certificate');
                    }}
                  >
                    Keep the current certificate
                  </UndoChoiceLink>
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
};
