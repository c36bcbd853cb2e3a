import { type CredentialProvider, GOOGLE_WORKSPACE } from '../../../../../src/contract';
import { Field } from '../../../../shared/components/field';
import { CredentialFormFrame } from '../credential-form-frame';
import { FormActions } from '../form-actions';
import { FormMessages } from '../form-messages';
import { grantTypeLabel } from '../form-state';
import { ProviderField } from '../provider-field';
import { DelegationPanel } from './delegation-panel';
import { googleFieldId } from './google-focus';
import { delegationClientId, delegationScopes } from './google-form-state';
import { GoogleKeyField } from './google-key-field';
import { GoogleMailFields } from './google-mail-fields';
import { type GoogleFormOptions, useGoogleCredentialForm } from './use-google-credential-form';

interface GoogleCredentialFormProps extends GoogleFormOptions {
  onClose: () => void;
  /** A new credential's provider select chose a Microsoft cloud: the Microsoft form replaces this one. */
  onSwitchProvider: (provider: CredentialProvider, name: string) => void;
}

export const GOOGLE_INTRO =
  'Issue Mailer signs in as a Google Cloud service account with domain-wide delegation (OAuth2 JWT bearer grant) and sends mail through the Gmail API as the mailbox below.';

/** Adds or edits a Google Workspace credential: its fields, the Admin console's delegation, Save and Test. */
export const GoogleCredentialForm = (props: GoogleCredentialFormProps) => {
  const { credential, onClose, onSwitchProvider } = props;
  const isNew = credential === null;
  const { formRef, headingRef, values, errors, busy, ...form } = useGoogleCredentialForm(props);

  return (
    <CredentialFormFrame
      credential={credential}
      formRef={formRef}
      headingRef={headingRef}
      busy={busy}
      intro={GOOGLE_INTRO}
      onSubmit={form.onSubmit}
    >
      <div className="im-form__grid">
        <Field id={googleFieldId('name')} label="Name" required error={errors['name']} hint="Shown to admins only.">
          {(control) => (
            <input
              {...control}
              className="im-input"
              type="text"
              autoComplete="off"
              value={values.name}
              onChange={(event) => form.update('name', event.currentTarget.value)}
            />
          )}
        </Field>

        <ProviderField
          provider={GOOGLE_WORKSPACE}
          saved={credential?.provider ?? null}
          error={errors['provider']}
          onChoose={(provider) => {
            if (provider !== GOOGLE_WORKSPACE) onSwitchProvider(provider, values.name);
          }}
        />

        <Field id="credential-grantType" label="Grant type" hint="The only grant a service account uses.">
          {(control) => (
            <input {...control} className="im-input" type="text" readOnly value={grantTypeLabel('jwt_bearer')} />
          )}
        </Field>

        <div className="im-form__wide">
          <GoogleKeyField
            credential={credential}
            keyChoice={form.key}
            keyVisible={form.keyVisible}
            fileInputKey={form.fileInputKey}
            error={errors['serviceAccountKey']}
            onFile={form.chooseKeyFile}
            onReplace={form.chooseReplaceKey}
          />
        </div>

        <GoogleMailFields values={values} errors={errors} update={form.update} />

        <div className="im-form__wide">
          <DelegationPanel
            clientId={delegationClientId(credential, form.key, form.keyVisible)}
            scopes={delegationScopes(values.incomingMail)}
          />
        </div>
      </div>

      <FormActions
        isNew={isNew}
        dirty={form.dirty}
        busy={busy}
        sendTestEmail={form.sendTestEmail}
        onSendTestEmailChange={form.setSendTestEmail}
        onTest={form.onTest}
        onClose={onClose}
        testsSavedOnly
      />

      <FormMessages busy={busy} notice={form.notice} testOutcome={form.testOutcome} />
    </CredentialFormFrame>
  );
};
