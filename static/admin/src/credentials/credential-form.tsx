import { CertificateSection } from './certificate-section';
import { ClientSecretField, SecretExpiryField } from './client-secret-fields';
import { ConnectionFields } from './connection-fields';
import { FormActions } from './form-actions';
import { FormMessages } from './form-messages';
import { NextSecretSection } from './next-secret-section';
import { RegistrationFields } from './registration-fields';
import { type CredentialFormOptions, useCredentialForm } from './use-credential-form';

interface CredentialFormProps extends CredentialFormOptions {
  onClose: () => void;
}

/** Adds or edits one credential: its fields, Save and Test connection, and what they did. */
export const CredentialForm = ({ credential, focusOnShow, onSaved, onTested, onClose }: CredentialFormProps) => {
  const isNew = credential === null;
  const { values, errors, choices, busy, text, update, choose, formRef, headingRef, ...form } = useCredentialForm({
    credential,
    focusOnShow,
    onSaved,
    onTested,
  });
  const writeOnly = { credential, values, errors, choices, update, choose };

  return (
    <form
      ref={formRef}
      className="im-form"
      noValidate
      aria-labelledby="credential-form-title"
      aria-busy={busy !== null}
      onSubmit={form.onSubmit}
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
        <RegistrationFields values={values} errors={errors} text={text} chooseProvider={form.chooseProvider} />

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

        <ConnectionFields values={values} errors={errors} text={text} />
      </div>

      <FormActions
        isNew={isNew}
        dirty={form.dirty}
        busy={busy}
        sendTestEmail={form.sendTestEmail}
        onSendTestEmailChange={form.setSendTestEmail}
        onTest={form.onTest}
        onClose={onClose}
      />

      <FormMessages busy={busy} notice={form.notice} testOutcome={form.testOutcome} />
    </form>
  );
};
