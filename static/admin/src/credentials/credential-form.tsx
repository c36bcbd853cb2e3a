import { useEffect } from 'react';

import type { CredentialProvider, CredentialView } from '../../../../src/contract';
import { DelegatedScopesField, RedirectUriField } from './authorization-fields';
import { AuthorizationPanel } from './authorization-panel';
import { CertificateSection } from './certificate-section';
import { ClientSecretField, SecretExpiryField } from './client-secret-fields';
import { ConnectionFields } from './connection-fields';
import { CredentialFormFrame } from './credential-form-frame';
import { FormActions } from './form-actions';
import { FormMessages } from './form-messages';
import { isCloud } from './form-state';
import { NextSecretSection } from './next-secret-section';
import { RegistrationFields } from './registration-fields';
import type { AuthorizationSetupState } from './use-authorization-setup';
import { useAuthorize } from './use-authorize';
import { type CredentialFormOptions, useCredentialForm } from './use-credential-form';

export interface CredentialFormProps extends CredentialFormOptions {
  onClose: () => void;
  /** A new credential's provider select chose another kind of provider (Google Workspace): its form replaces this. */
  onSwitchProvider?: ((provider: CredentialProvider, name: string) => void) | undefined;
  /** The page's Redirect URI and delegated scopes, read when the form first shows the authorization code grant. */
  setup: AuthorizationSetupState;
  /** Authorize connected a mailbox: the credential as listed now. */
  onAuthorized: (credential: CredentialView) => void;
}

const GRANT_INTRO = {
  client_credentials:
    'Issue Mailer gets tokens with the OAuth2 client credentials grant and sends mail through Microsoft Graph.',
  authorization_code:
    'Issue Mailer sends mail through Microsoft Graph as the mailbox an admin signs in with (OAuth2 authorization code grant): save the credential, then press Authorize.',
} as const;

/** Adds or edits one credential: its fields, Save and Test connection, and what they did. */
export const CredentialForm = (props: CredentialFormProps) => {
  const { credential, focusOnShow, initial, onSaved, onTested, onClose, setup, onAuthorized, onSwitchProvider } = props;
  const isNew = credential === null;
  const { values, errors, choices, busy, text, update, choose, formRef, headingRef, ...form } = useCredentialForm({
    credential,
    focusOnShow,
    initial,
    onSaved,
    onTested,
  });
  const chooseProvider = (provider: CredentialProvider) => {
    if (isCloud(provider)) form.chooseProvider(provider);
    else onSwitchProvider?.(provider, values.name);
  };
  const writeOnly = { credential, values, errors, choices, update, choose };
  const authorizing = useAuthorize({ onAuthorized });
  const delegated = values.grantType === 'authorization_code';
  const { want: wantSetup, load: setupLoad, retry: retrySetup } = setup;
  useEffect(() => {
    if (delegated) wantSetup();
  }, [delegated, wantSetup]);
  const onAuthorizeAgain =
    credential?.grantType === 'authorization_code' ? () => void authorizing.authorize(credential) : undefined;

  return (
    <CredentialFormFrame
      credential={credential}
      formRef={formRef}
      headingRef={headingRef}
      busy={busy}
      intro={GRANT_INTRO[values.grantType]}
      onSubmit={form.onSubmit}
    >
      <div className="im-form__grid">
        <RegistrationFields
          values={values}
          errors={errors}
          text={text}
          savedProvider={credential?.provider ?? null}
          chooseProvider={chooseProvider}
          chooseGrantType={form.chooseGrantType}
        />

        {delegated && (
          <div className="im-form__wide">
            <RedirectUriField setup={setupLoad} onRetry={retrySetup} />
          </div>
        )}

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

        <ConnectionFields
          values={values}
          errors={errors}
          text={text}
          delegatedScopes={<DelegatedScopesField setup={setupLoad} onRetry={retrySetup} />}
        />

        {delegated && <AuthorizationPanel credential={credential} dirty={form.dirty} authorizing={authorizing} />}
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

      <FormMessages
        busy={busy}
        notice={form.notice}
        testOutcome={form.testOutcome}
        onAuthorizeAgain={onAuthorizeAgain}
      />
    </CredentialFormFrame>
  );
};
