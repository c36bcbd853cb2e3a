import { useEffect, useState } from 'react';

import { type CredentialProvider, GOOGLE_WORKSPACE, type MicrosoftCloud } from '../../../../src/contract';
import { CredentialForm, type CredentialFormProps } from './credential-form';
import { fieldId } from './form-fields';
import { isCloud } from './form-state';
import { GoogleCredentialForm } from './google/google-credential-form';
import { isGoogleCredential } from './google/google-form-state';

/** What a new credential started as, and how often the admin switched its provider (to refocus the select). */
interface Start {
  provider: CredentialProvider;
  name: string;
  switches: number;
}

/**
 * The credential form of the provider's kind: Microsoft's (clouds, grants, secrets, Graph) or Google Workspace's
 * (service account key, delegation). A new credential switches between them on the provider select, keeping its
 * name; a saved one keeps its kind.
 */
export const ProviderCredentialForm = (props: CredentialFormProps) => {
  const { credential } = props;
  const [start, setStart] = useState<Start>({ provider: 'microsoft365', name: '', switches: 0 });
  const switchProvider = (provider: CredentialProvider, name: string) =>
    setStart((current) => ({ provider, name, switches: current.switches + 1 }));

  // The select the admin just used belongs to the form that went away: focus goes to the new form's select.
  useEffect(() => {
    if (start.switches > 0) document.getElementById(fieldId('provider'))?.focus();
  }, [start.switches]);

  const google = credential ? isGoogleCredential(credential) : start.provider === GOOGLE_WORKSPACE;
  if (google) {
    return (
      <GoogleCredentialForm
        key={start.switches}
        credential={credential}
        focusOnShow={props.focusOnShow && start.switches === 0}
        initialName={start.name}
        onSaved={props.onSaved}
        onTested={props.onTested}
        onClose={props.onClose}
        onSwitchProvider={switchProvider}
      />
    );
  }
  const cloud: MicrosoftCloud = isCloud(start.provider) ? start.provider : 'microsoft365';
  return (
    <CredentialForm
      key={start.switches}
      {...props}
      focusOnShow={props.focusOnShow && start.switches === 0}
      initial={credential ? undefined : { provider: cloud, name: start.name }}
      onSwitchProvider={switchProvider}
    />
  );
};
