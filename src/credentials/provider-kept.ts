import { type CredentialProvider, isMicrosoftProvider } from '../contract/credential-kinds';
import { CredentialValidationError } from './errors';
import type { StoredCredential } from './stored-credential';

export type ProviderKind = 'google' | 'microsoft';

const PROVIDER_NAMES: Readonly<Record<ProviderKind, string>> = {
  google: 'Google Workspace',
  microsoft: 'Microsoft 365',
};

/** Editing never turns a credential into the other provider's: its secrets, tokens and uses all belong to one. */
export const providerKeptMessage = (other: ProviderKind): string =>
  `A saved credential keeps its provider: create a new credential for ${PROVIDER_NAMES[other]}.`;

const kindOf = (provider: CredentialProvider): ProviderKind => (isMicrosoftProvider(provider) ? 'microsoft' : 'google');

/** Refuses to save `wanted`'s input over a stored credential of the other provider. */
export const checkProviderKept = (current: StoredCredential | undefined, wanted: ProviderKind): void => {
  if (current !== undefined && kindOf(current.provider) !== wanted) {
    throw new CredentialValidationError({ provider: providerKeptMessage(wanted) });
  }
};
