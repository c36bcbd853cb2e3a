import {
  adminConsoleScopeList,
  type CredentialView,
  GMAIL_MODIFY_SCOPE,
  GOOGLE_WORKSPACE,
  type GoogleCredentialInput,
  googleCredentialInputSchema,
  googleScopesFor,
  SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE,
} from '../../../../../src/contract';
import { type FieldErrors, fieldErrorsFromIssues } from '../../../../shared/field-errors';
import type { KeyFileSummary } from './service-account-key-file';

/** The Google form's plain fields; the key file is held apart (KeyChoice): it is write-only and never comes back. */
export interface GoogleFormValues {
  name: string;
  /** The Workspace user the service account acts as (the JWT's `sub`). */
  senderMailbox: string;
  /** Also asks for `gmail.modify`, so mail handlers can read the mailbox. */
  incomingMail: boolean;
}

export type GoogleField = 'name' | 'provider' | 'serviceAccountKey' | 'senderMailbox' | 'incomingMail';

/** The order the Google form shows its fields in, to focus the first one with an error. */
export const GOOGLE_FIELD_ORDER: readonly GoogleField[] = [
  'name',
  'provider',
  'serviceAccountKey',
  'senderMailbox',
  'incomingMail',
];

export const isGoogleField = (key: string): key is GoogleField =>
  (GOOGLE_FIELD_ORDER as readonly string[]).includes(key);

/** The key file the admin chose in this form: none yet, one read with its public facts, or one that is no key. */
export type KeyChoice =
  | { state: 'none' }
  | { state: 'chosen'; fileName: string; text: string; summary: KeyFileSummary }
  | { state: 'invalid'; fileName: string; message: string };

export const NO_KEY: KeyChoice = { state: 'none' };

export const isGoogleCredential = (credential: CredentialView): boolean => credential.provider === GOOGLE_WORKSPACE;

export const emptyGoogleValues = (name = ''): GoogleFormValues => ({ name, senderMailbox: '', incomingMail: false });

/** A stored credential asks for `gmail.modify` exactly when it was saved with incoming mail on. */
export const googleValuesFrom = (credential: CredentialView): GoogleFormValues => ({
  name: credential.name,
  senderMailbox: credential.senderMailbox,
  incomingMail: credential.scope.split(/\s+/).includes(GMAIL_MODIFY_SCOPE),
});

/** The key input shows for a new credential, one without a stored key, or once the admin chose Replace key. */
export const keyInputVisible = (credential: CredentialView | null, replaceKey: boolean): boolean =>
  !credential?.hasPrivateKey || replaceKey;

/** What Save sends: the key file's text only when the admin chose one where the key input shows. */
export const toGoogleCredentialInput = (
  values: GoogleFormValues,
  credential: CredentialView | null,
  key: KeyChoice,
  replaceKey: boolean,
): GoogleCredentialInput => {
  const input: GoogleCredentialInput = {
    name: values.name,
    provider: GOOGLE_WORKSPACE,
    senderMailbox: values.senderMailbox,
    incomingMail: values.incomingMail,
  };
  if (credential) input.id = credential.id;
  if (keyInputVisible(credential, replaceKey) && key.state === 'chosen') input.serviceAccountKey = key.text;
  return input;
};

/**
 * The backend's schema, run here so each message shows before a round trip; plus what only the page knows: the
 * chosen file is no key (its reason), or a Replace key the admin opened has no file yet.
 */
export const validateGoogleInput = (input: GoogleCredentialInput, key: KeyChoice, keyVisible: boolean): FieldErrors => {
  const parsed = googleCredentialInputSchema.safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
  if (keyVisible && key.state === 'invalid') errors['serviceAccountKey'] = key.message;
  else if (keyVisible && key.state === 'none' && !errors['serviceAccountKey']) {
    errors['serviceAccountKey'] = SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE;
  }
  return errors;
};

/** The Admin console's "OAuth scopes (comma-delimited)" value for the form's choice. */
export const delegationScopes = (incomingMail: boolean): string => adminConsoleScopeList(googleScopesFor(incomingMail));

/** The numeric Client ID to delegate: a newly chosen key's, else the stored service account's ('' when neither). */
export const delegationClientId = (credential: CredentialView | null, key: KeyChoice, keyVisible: boolean): string =>
  keyVisible && key.state === 'chosen' ? key.summary.clientId : (credential?.clientId ?? '');
