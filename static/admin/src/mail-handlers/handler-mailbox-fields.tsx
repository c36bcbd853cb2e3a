import type { CredentialView } from '../../../../src/contract';
import { readsOwnMailboxOnly } from '../../../../src/contract/credential-kinds';
import { GOOGLE_WORKSPACE } from '../../../../src/contract/google-workspace-kinds';
import { withCurrent } from '../../../shared/choices';
import { ChoiceSelect } from '../../../shared/components/choice-select';
import { Field } from '../../../shared/components/field';
import type { Loadable } from '../../../shared/loadable';
import type { HandlerFieldsProps } from './handler-field-props';
import { HandlerRadios } from './handler-radios';
import { handlerFieldId } from './mail-handler-state';

interface HandlerMailboxFieldsProps extends HandlerFieldsProps {
  credentials: Loadable<CredentialView[]>;
}

const credentialHint = (credentials: Loadable<CredentialView[]>, chosen: CredentialView | undefined) => {
  if (credentials.state === 'failed') return `Credentials could not be loaded: ${credentials.error.message}`;
  if (credentials.state === 'loading') return 'Loading credentials…';
  if (credentials.data.length === 0) return 'Add a credential under Credentials first.';
  if (chosen?.provider === GOOGLE_WORKSPACE) {
    return 'Its service account needs the gmail.modify scope in the Google Admin console to read and label mail; folders are Gmail labels.';
  }
  if (chosen?.grantType === 'authorization_code') {
    return 'It reads the mailbox that signed in, with the delegated Mail.ReadWrite permission.';
  }
  return 'Its app registration needs Mail.ReadWrite (application) to read and move mail.';
};

/**
 * Which mailbox and folder the handler reads: a credential's sender mailbox, or another it may read. A credential
 * that acts as one mailbox offers no other (the backend refuses one too); a handler saved with another before keeps
 * the choice on show, so the refusal has its field.
 */
export const HandlerMailboxFields = ({ values, errors, update, credentials }: HandlerMailboxFieldsProps) => {
  const loaded = credentials.state === 'loaded' ? credentials.data : [];
  const chosen = loaded.find((credential) => credential.id === values.credentialId);
  const ownOnly = chosen !== undefined && readsOwnMailboxOnly(chosen);
  const ownLabel = chosen
    ? `The credential's sender mailbox (${chosen.senderMailbox})`
    : "The credential's sender mailbox";
  const choices = withCurrent(
    loaded.map((credential) => ({ value: credential.id, label: `${credential.name} (${credential.senderMailbox})` })),
    values.credentialId,
    credentials.state === 'loaded' ? `Unknown credential (${values.credentialId})` : values.credentialId,
  );
  return (
    <>
      <ChoiceSelect
        id={handlerFieldId('credentialId')}
        label="Credential"
        value={values.credentialId}
        choices={choices}
        hint={credentialHint(credentials, chosen)}
        error={errors.credentialId}
        required
        emptyLabel="Choose a credential"
        onChange={(credentialId) => update('credentialId', credentialId)}
      />
      <HandlerRadios
        id={`${handlerFieldId('mailbox')}-choice`}
        legend="Mailbox"
        name="handler-mailbox-choice"
        value={values.mailboxChoice}
        labels={
          ownOnly && values.mailboxChoice === 'own'
            ? { own: ownLabel }
            : { own: ownLabel, other: 'Another mailbox the credential may read' }
        }
        error={undefined}
        hint={ownOnly ? 'This credential reads only the mailbox it acts as.' : undefined}
        onChange={(choice) => update('mailboxChoice', choice)}
      />
      {values.mailboxChoice === 'other' && (
        <Field id={handlerFieldId('mailbox')} label="Mailbox address" required error={errors.mailbox}>
          {(control) => (
            <input
              {...control}
              className="im-input"
              type="email"
              autoComplete="off"
              maxLength={320}
              value={values.mailbox}
              onChange={(event) => update('mailbox', event.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field
        id={handlerFieldId('folder')}
        label="Folder"
        required
        error={errors.folder}
        hint="The folder whose new mail the handler reads: Inbox, or the name of a folder at the top of the mailbox."
      >
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="text"
            autoComplete="off"
            maxLength={255}
            value={values.folder}
            onChange={(event) => update('folder', event.currentTarget.value)}
          />
        )}
      </Field>
    </>
  );
};
