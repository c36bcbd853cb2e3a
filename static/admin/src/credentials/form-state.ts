import {
  CERTIFICATE_REQUIRED_MESSAGE,
  type ClientAuthMethod,
  type CredentialInput,
  credentialInputSchema,
  type CredentialView,
  GOOGLE_WORKSPACE,
  type GRANT_TYPES,
  MICROSOFT_CLOUDS,
  type MicrosoftCloud,
  PRIVATE_KEY_REQUIRED_MESSAGE,
  SECRET_REQUIRED_MESSAGE,
  type StoredGrantType,
} from '../../../../src/contract';
import { type FieldErrors, fieldErrorsFromIssues } from '../../../shared/field-errors';

/** The form's fields as the inputs hold them: plain strings, keyed like CredentialInput. */
export interface CredentialFormValues {
  name: string;
  provider: MicrosoftCloud;
  grantType: (typeof GRANT_TYPES)[number];
  clientAuthMethod: ClientAuthMethod;
  clientId: string;
  clientSecret: string;
  secretExpiresOn: string;
  nextClientSecret: string;
  nextSecretExpiresOn: string;
  certificatePem: string;
  privateKeyPem: string;
  tokenEndpoint: string;
  /** Authorization code grant only: the v2 `/authorize` address, prefilled from the token endpoint. */
  authorizationEndpoint: string;
  scope: string;
  senderMailbox: string;
  graphBaseUrl: string;
}

export type FormField = keyof CredentialFormValues;

/**
 * What the admin chose to do with write-only material the page cannot show: a stored secret, next secret or
 * certificate and key stay as they are unless the admin opens its replacement (or removal) on purpose.
 */
export interface WriteOnlyChoices {
  replaceSecret: boolean;
  addNextSecret: boolean;
  removeNextSecret: boolean;
  replaceCertificate: boolean;
}

export const NO_WRITE_ONLY_CHOICES: WriteOnlyChoices = {
  replaceSecret: false,
  addNextSecret: false,
  removeNextSecret: false,
  replaceCertificate: false,
};

export const GRANT_TYPE_LABELS: Record<CredentialFormValues['grantType'], string> = {
  client_credentials: 'Client credentials',
  authorization_code: 'Authorization code',
};

/** Every stored grant's label, Google's JWT bearer grant included (the list shows all credentials). */
export const grantTypeLabel = (grantType: StoredGrantType): string =>
  grantType === 'jwt_bearer' ? 'Service account (JWT bearer)' : GRANT_TYPE_LABELS[grantType];

export const CLIENT_AUTH_LABELS: Record<ClientAuthMethod, string> = {
  client_secret: 'Client secret',
  certificate: 'Certificate',
};

export const isCloud = (provider: string): provider is MicrosoftCloud => Object.hasOwn(MICROSOFT_CLOUDS, provider);

export const GOOGLE_WORKSPACE_LABEL = 'Google Workspace';

/** The label of a stored provider; an unknown key (a newer backend) shows as itself. */
export const providerLabel = (provider: string): string =>
  isCloud(provider)
    ? MICROSOFT_CLOUDS[provider].label
    : provider === GOOGLE_WORKSPACE
      ? GOOGLE_WORKSPACE_LABEL
      : provider;

export const emptyFormValues = (): CredentialFormValues => {
  const cloud = MICROSOFT_CLOUDS.microsoft365;
  return {
    name: '',
    provider: 'microsoft365',
    grantType: 'client_credentials',
    clientAuthMethod: 'client_secret',
    clientId: '',
    clientSecret: '',
    secretExpiresOn: '',
    nextClientSecret: '',
    nextSecretExpiresOn: '',
    certificatePem: '',
    privateKeyPem: '',
    tokenEndpoint: '',
    authorizationEndpoint: '',
    scope: cloud.scope,
    senderMailbox: '',
    graphBaseUrl: cloud.graphBaseUrl,
  };
};

/** Write-only values never come back: their fields start empty, and empty means "keep what is stored". */
export const formValuesFrom = (credential: CredentialView): CredentialFormValues => ({
  ...emptyFormValues(),
  name: credential.name,
  provider: isCloud(credential.provider) ? credential.provider : 'microsoft365',
  grantType: credential.grantType === 'authorization_code' ? 'authorization_code' : 'client_credentials',
  clientAuthMethod: credential.clientAuthMethod ?? 'client_secret',
  clientId: credential.clientId,
  secretExpiresOn: credential.secretExpiresOn ?? '',
  tokenEndpoint: credential.tokenEndpoint,
  authorizationEndpoint: credential.authorizationEndpoint ?? '',
  scope: credential.scope,
  senderMailbox: credential.senderMailbox,
  graphBaseUrl: credential.graphBaseUrl,
});

/**
 * A new cloud's Scope and Graph API base URL replace the old cloud's defaults, never a value the admin typed.
 */
export const withProvider = (values: CredentialFormValues, provider: MicrosoftCloud): CredentialFormValues => {
  const before = MICROSOFT_CLOUDS[values.provider];
  const after = MICROSOFT_CLOUDS[provider];
  return {
    ...values,
    provider,
    scope: values.scope.trim() === before.scope || values.scope.trim() === '' ? after.scope : values.scope,
    graphBaseUrl:
      values.graphBaseUrl.trim() === before.graphBaseUrl || values.graphBaseUrl.trim() === ''
        ? after.graphBaseUrl
        : values.graphBaseUrl,
  };
};

/** Which write-only inputs are on screen, given what is stored and what the admin chose. */
export interface VisibleWriteOnly {
  clientSecret: boolean;
  nextSecret: boolean;
  certificate: boolean;
}

export const visibleWriteOnly = (
  values: CredentialFormValues,
  credential: CredentialView | null,
  choices: WriteOnlyChoices,
): VisibleWriteOnly => {
  const usesSecret = values.clientAuthMethod === 'client_secret';
  const storedCertificate = Boolean(credential?.certificate && credential.hasPrivateKey);
  return {
    clientSecret: usesSecret && (!credential?.hasSecret || choices.replaceSecret),
    nextSecret: usesSecret && !credential?.hasNextSecret && choices.addNextSecret,
    certificate: !usesSecret && (!storedCertificate || choices.replaceCertificate),
  };
};

/**
 * Only the fields the chosen grant and authentication method use, and write-only ones only when the admin filled
 * them. The authorization code grant asks for the delegated scopes the backend stores (the Scope field is not
 * shown), so the cloud's default stands in for the field, as the schema requires one.
 */
export const toCredentialInput = (
  values: CredentialFormValues,
  credential: CredentialView | null,
  choices: WriteOnlyChoices,
): CredentialInput => {
  const visible = visibleWriteOnly(values, credential, choices);
  const delegated = values.grantType === 'authorization_code';
  const input: CredentialInput = {
    name: values.name,
    provider: values.provider,
    grantType: values.grantType,
    clientAuthMethod: values.clientAuthMethod,
    clientId: values.clientId,
    tokenEndpoint: values.tokenEndpoint,
    ...(delegated ? { authorizationEndpoint: values.authorizationEndpoint } : {}),
    scope: delegated ? MICROSOFT_CLOUDS[values.provider].scope : values.scope,
    senderMailbox: values.senderMailbox,
    graphBaseUrl: values.graphBaseUrl,
  };
  if (credential) input.id = credential.id;
  if (values.clientAuthMethod === 'client_secret') {
    input.secretExpiresOn = values.secretExpiresOn;
    if (visible.clientSecret && values.clientSecret !== '') input.clientSecret = values.clientSecret;
    if (visible.nextSecret) {
      input.nextClientSecret = values.nextClientSecret;
      input.nextSecretExpiresOn = values.nextSecretExpiresOn;
    }
    if (credential?.hasNextSecret && choices.removeNextSecret) input.removeNextSecret = true;
  } else if (visible.certificate) {
    if (values.certificatePem !== '') input.certificatePem = values.certificatePem;
    if (values.privateKeyPem !== '') input.privateKeyPem = values.privateKeyPem;
  }
  return input;
};

/** The one rule the schema cannot know: a next secret the admin chose to add must be pasted. */
export const NEXT_SECRET_REQUIRED_MESSAGE =
  'Paste the Value of the second secret you created in Certificates & secrets, or cancel adding a next secret.';

/**
 * The backend's schema, run here so each message appears before a round trip; plus the write-only fields this
 * form opened on a saved credential, which must then be filled (the schema lets them be absent when editing,
 * meaning "keep what is stored"), with the schema's own words for them.
 */
export const validateCredentialInput = (
  input: CredentialInput,
  values: CredentialFormValues,
  visible: VisibleWriteOnly,
): FieldErrors => {
  const parsed = credentialInputSchema.safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
  const require = (field: FormField, present: boolean, message: string) => {
    if (!present && !errors[field]) errors[field] = message;
  };
  if (visible.clientSecret) require('clientSecret', values.clientSecret !== '', SECRET_REQUIRED_MESSAGE);
  if (visible.nextSecret) require('nextClientSecret', values.nextClientSecret !== '', NEXT_SECRET_REQUIRED_MESSAGE);
  if (visible.certificate) {
    require('certificatePem', values.certificatePem.trim() !== '', CERTIFICATE_REQUIRED_MESSAGE);
    require('privateKeyPem', values.privateKeyPem.trim() !== '', PRIVATE_KEY_REQUIRED_MESSAGE);
  }
  return errors;
};

/**
 * The credential changed under the form (a test promoted the next secret, another save): fields the admin left
 * alone take the new stored value, fields the admin edited keep the edit.
 */
export const rebase = <Values extends object>(current: Values, before: Values, after: Values): Values => {
  const merged = { ...current };
  for (const key of Object.keys(current) as Array<keyof Values>) {
    if (current[key] === before[key]) merged[key] = after[key];
  }
  return merged;
};

export const sameValues = <Values extends object>(a: Values, b: Values): boolean =>
  (Object.keys(a) as Array<keyof Values>).every((key) => a[key] === b[key]);
