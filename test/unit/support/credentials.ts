import {
  type CredentialInput,
  credentialInputSchema,
  type ParsedCredentialInput,
} from '../../../src/contract/credentials';
import type { StoredCredential } from '../../../src/credentials/stored-credential';
import { APP_CERTIFICATE, APP_KEY } from './certificates';

export const SECRET = 'SECRET-MARKER-abc';

export const credentialInput = (overrides: Partial<CredentialInput> = {}): CredentialInput => ({
  name: 'Support mailbox',
  provider: 'microsoft365',
  grantType: 'client_credentials',
  clientId: '11111111-2222-3333-4444-555555555555',
  clientSecret: SECRET,
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  secretExpiresOn: '2026-05-01',
  ...overrides,
});

export const parsedInput = (overrides: Partial<CredentialInput> = {}): ParsedCredentialInput =>
  credentialInputSchema.parse(credentialInput(overrides));

/** Input as the schema would pass it, then changed: for service checks the schema already makes first. */
export const unchecked = (overrides: Partial<ParsedCredentialInput>): ParsedCredentialInput => ({
  ...parsedInput(),
  ...overrides,
});

/** A certificate credential's payload: no secret, the certificate and key pasted. */
export const certificateInput = (overrides: Partial<CredentialInput> = {}): CredentialInput => {
  const { clientSecret: _secret, secretExpiresOn: _expiry, ...rest } = credentialInput();
  return {
    ...rest,
    clientAuthMethod: 'certificate',
    certificatePem: APP_CERTIFICATE,
    privateKeyPem: APP_KEY,
    ...overrides,
  };
};

/** The same credential as plain storage keeps it (version 2, a client secret set, no expiry), with overrides. */
export const storedCredential = (overrides: Partial<StoredCredential> = {}): StoredCredential => {
  const { clientSecret: _secret, secretExpiresOn: _expiry, ...connection } = credentialInput();
  return {
    version: 2,
    id: 'cred-1',
    ...connection,
    clientAuthMethod: 'client_secret',
    hasSecret: true,
    hasNextSecret: false,
    hasPrivateKey: false,
    isDefault: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
};

/** A clock that moves one second per reading, so timestamps differ. */
export const tickingClock = (start = Date.parse('2024-05-06T06:00:00Z')) => {
  let now = start;
  return () => {
    const current = now;
    now += 1000;
    return current;
  };
};

export const sequentialIds = (prefix = 'cred') => {
  let next = 0;
  return () => `${prefix}-${++next}`;
};

export const AUTHORIZE_ENDPOINT = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize';

/** An authorization code credential's payload: the same app registration, its /authorize address, no scope. */
export const authorizationCodeInput = (overrides: Partial<CredentialInput> = {}): CredentialInput =>
  credentialInput({
    grantType: 'authorization_code',
    authorizationEndpoint: AUTHORIZE_ENDPOINT,
    scope: '',
    ...overrides,
  });
