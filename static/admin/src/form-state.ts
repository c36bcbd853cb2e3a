import {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_SCOPE,
  credentialInputSchema,
  type CredentialInput,
  type CredentialView,
  type GRANT_TYPES,
  type OAUTH2_PROVIDERS,
} from '../../../src/contract';
import { fieldErrorsFromIssues, type FieldErrors } from '../../shared/field-errors';

/** The form's fields as the inputs hold them: plain strings, keyed like CredentialInput. */
export interface CredentialFormValues {
  name: string;
  provider: (typeof OAUTH2_PROVIDERS)[number];
  grantType: (typeof GRANT_TYPES)[number];
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
  scope: string;
  senderMailbox: string;
  graphBaseUrl: string;
  secretExpiresOn: string;
}

export const PROVIDER_LABELS: Record<CredentialFormValues['provider'], string> = {
  microsoft365: 'Microsoft 365',
};

export const GRANT_TYPE_LABELS: Record<CredentialFormValues['grantType'], string> = {
  client_credentials: 'Client credentials',
};

export function emptyFormValues(): CredentialFormValues {
  return {
    name: '',
    provider: 'microsoft365',
    grantType: 'client_credentials',
    clientId: '',
    clientSecret: '',
    tokenEndpoint: '',
    scope: DEFAULT_SCOPE,
    senderMailbox: '',
    graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
    secretExpiresOn: '',
  };
}

/** The stored secret never comes back; the secret field starts empty and empty means "keep it". */
export function formValuesFrom(credential: CredentialView): CredentialFormValues {
  return {
    name: credential.name,
    provider: credential.provider,
    grantType: credential.grantType,
    clientId: credential.clientId,
    clientSecret: '',
    tokenEndpoint: credential.tokenEndpoint,
    scope: credential.scope,
    senderMailbox: credential.senderMailbox,
    graphBaseUrl: credential.graphBaseUrl,
    secretExpiresOn: credential.secretExpiresOn ?? '',
  };
}

export function toCredentialInput(values: CredentialFormValues, id: string | undefined): CredentialInput {
  const input: CredentialInput = {
    name: values.name,
    provider: values.provider,
    grantType: values.grantType,
    clientId: values.clientId,
    tokenEndpoint: values.tokenEndpoint,
    scope: values.scope,
    senderMailbox: values.senderMailbox,
    graphBaseUrl: values.graphBaseUrl,
    secretExpiresOn: values.secretExpiresOn,
  };
  if (id) input.id = id;
  if (values.clientSecret !== '') input.clientSecret = values.clientSecret;
  return input;
}

export const SECRET_REQUIRED_MESSAGE = 'Enter the client secret value from Certificates & secrets.';

/** The same checks the backend makes (one zod schema), plus: a new credential needs a secret. */
export function validateCredentialInput(input: CredentialInput, isNew: boolean): FieldErrors {
  const parsed = credentialInputSchema.safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
  if (isNew && !input.clientSecret && !errors.clientSecret) errors.clientSecret = SECRET_REQUIRED_MESSAGE;
  return errors;
}

export function sameValues(a: CredentialFormValues, b: CredentialFormValues): boolean {
  return (Object.keys(a) as (keyof CredentialFormValues)[]).every((key) => a[key] === b[key]);
}
