import type { CredentialView } from '../../../../src/contract';
import { withCurrent } from '../../../shared/choices';
import { ChoiceSelect } from '../../../shared/components/choice-select';
import type { Loadable } from '../../../shared/loadable';
import { ruleFieldId } from './notification-rule-state';

interface RuleFromFieldProps {
  credentialId: string;
  credentials: Loadable<CredentialView[]>;
  error: string | undefined;
  onChange: (credentialId: string) => void;
}

const senderHint = (credentials: Loadable<CredentialView[]>) => {
  if (credentials.state === 'failed') return `Credentials could not be loaded: ${credentials.error.message}`;
  if (credentials.state === 'loading') return 'Loading credentials…';
  const fallback = credentials.data.find((credential) => credential.isDefault);
  return fallback
    ? `The default credential sends from ${fallback.senderMailbox} (${fallback.name}).`
    : 'No credential is the default yet: add one under Credentials.';
};

/**
 * "From": which credential's mailbox sends the email. "Default credential" comes first and means no credentialId,
 * so the rule follows whichever credential is the default when it fires.
 */
export const RuleFromField = ({ credentialId, credentials, error, onChange }: RuleFromFieldProps) => {
  const choices = withCurrent(
    credentials.state === 'loaded'
      ? credentials.data.map((credential) => ({
          value: credential.id,
          label: `${credential.name} (${credential.senderMailbox})`,
        }))
      : [],
    credentialId,
    credentials.state === 'loaded' ? `Unknown credential (${credentialId})` : credentialId,
  );
  return (
    <ChoiceSelect
      id={ruleFieldId('credentialId')}
      label="From"
      value={credentialId}
      choices={choices}
      hint={senderHint(credentials)}
      error={error}
      emptyLabel="Default credential"
      onChange={onChange}
    />
  );
};
