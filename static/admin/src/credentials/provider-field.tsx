import {
  type CredentialProvider,
  GOOGLE_WORKSPACE,
  isMicrosoftProvider,
  MICROSOFT_CLOUD_KEYS,
  MICROSOFT_CLOUDS,
} from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { fieldId } from './form-fields';
import { GOOGLE_WORKSPACE_LABEL, isCloud } from './form-state';

interface ProviderFieldProps {
  provider: CredentialProvider;
  /** The saved credential's provider, or null for a new credential. */
  saved: CredentialProvider | null;
  error: string | undefined;
  /** Called with a known provider only; a Microsoft cloud fills in that cloud's defaults. */
  onChoose: (provider: CredentialProvider) => void;
}

const isProvider = (value: string): value is CredentialProvider => isCloud(value) || value === GOOGLE_WORKSPACE;

const hintFor = (provider: CredentialProvider, saved: CredentialProvider | null): string => {
  if (saved === GOOGLE_WORKSPACE) {
    return "A saved credential's provider cannot change: add a new credential for Microsoft 365.";
  }
  if (!isMicrosoftProvider(provider)) {
    return 'A Google Cloud service account with domain-wide delegation sends through the Gmail API.';
  }
  const cloudHint = 'The Microsoft cloud your tenant lives in: it sets the sign-in and Graph hosts.';
  return saved
    ? `${cloudHint} A saved credential cannot become a Google Workspace one: add a new credential.`
    : cloudHint;
};

/**
 * "OAuth2 service provider": a Microsoft cloud (which sets the sign-in and Graph hosts), or Google Workspace, which
 * has a form of its own. A saved credential keeps its kind: Google's select is disabled, Microsoft's offers clouds.
 */
export const ProviderField = ({ provider, saved, error, onChoose }: ProviderFieldProps) => (
  <Field
    id={fieldId('provider')}
    label="OAuth2 service provider"
    required
    error={error}
    hint={hintFor(provider, saved)}
  >
    {(control) => (
      <select
        {...control}
        className="im-select"
        value={provider}
        disabled={saved === GOOGLE_WORKSPACE}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          if (isProvider(chosen)) onChoose(chosen);
        }}
      >
        {MICROSOFT_CLOUD_KEYS.map((key) => (
          <option key={key} value={key} disabled={saved === GOOGLE_WORKSPACE}>
            {MICROSOFT_CLOUDS[key].label}
          </option>
        ))}
        <option value={GOOGLE_WORKSPACE} disabled={saved !== null && saved !== GOOGLE_WORKSPACE}>
          {GOOGLE_WORKSPACE_LABEL}
        </option>
      </select>
    )}
  </Field>
);
