import type { CredentialView } from '../../../src/contract';
import {
  type CredentialFormValues,
  emptyFormValues,
  formValuesFrom,
  NO_WRITE_ONLY_CHOICES,
  toCredentialInput,
  validateCredentialInput,
  visibleWriteOnly,
  withProvider,
} from '../../../static/admin/src/credentials/form-state';

const SAVED: CredentialView = {
  id: 'cred-1',
  name: 'Support mailbox',
  provider: 'microsoft365',
  grantType: 'client_credentials',
  clientAuthMethod: 'client_secret',
  clientId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  secretExpiresOn: '2027-05-01',
  hasSecret: true,
  secretUpdatedAt: '2026-11-01T10:00:00Z',
  isDefault: true,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

const filled = (values: Partial<CredentialFormValues>): CredentialFormValues => ({
  ...formValuesFrom(SAVED),
  ...values,
});

describe('withProvider', () => {
  it("moves the old cloud's defaults to the new cloud's", () => {
    expect(withProvider(emptyFormValues(), 'microsoft365-usgov-dod')).toMatchObject({
      provider: 'microsoft365-usgov-dod',
      scope: 'https://dod-graph.microsoft.us/.default',
      graphBaseUrl: 'https://dod-graph.microsoft.us/v1.0',
    });
  });

  it('keeps values the admin typed', () => {
    const typed = {
      ...emptyFormValues(),
      scope: 'api://custom/.default',
      graphBaseUrl: 'https://graph.example.com/v1.0',
    };
    expect(withProvider(typed, 'microsoft365-china')).toMatchObject({
      provider: 'microsoft365-china',
      scope: 'api://custom/.default',
      graphBaseUrl: 'https://graph.example.com/v1.0',
    });
  });
});

describe('toCredentialInput', () => {
  it('sends no write-only field the admin did not open, even if it holds text', () => {
    const values = filled({
      clientSecret: 'typed-then-kept',
      nextClientSecret: 'x',
      certificatePem: 'y',
      privateKeyPem: 'z',
    });
    expect(toCredentialInput(values, SAVED, NO_WRITE_ONLY_CHOICES)).toEqual({
      id: 'cred-1',
      name: 'Support mailbox',
      provider: 'microsoft365',
      grantType: 'client_credentials',
      clientAuthMethod: 'client_secret',
      clientId: SAVED.clientId,
      tokenEndpoint: SAVED.tokenEndpoint,
      scope: SAVED.scope,
      senderMailbox: SAVED.senderMailbox,
      graphBaseUrl: SAVED.graphBaseUrl,
      secretExpiresOn: '2027-05-01',
    });
  });

  it('sends a replaced secret, a next secret and a removal only when chosen', () => {
    const values = filled({
      clientSecret: 'new-value',
      nextClientSecret: 'next-value',
      nextSecretExpiresOn: '2028-01-01',
    });
    const input = toCredentialInput(values, SAVED, {
      ...NO_WRITE_ONLY_CHOICES,
      replaceSecret: true,
      addNextSecret: true,
    });
    expect(input).toMatchObject({
      clientSecret: 'new-value',
      nextClientSecret: 'next-value',
      nextSecretExpiresOn: '2028-01-01',
    });
    expect(input).not.toHaveProperty('removeNextSecret');

    const withNext = { ...SAVED, hasNextSecret: true };
    const removal = toCredentialInput(filled({}), withNext, { ...NO_WRITE_ONLY_CHOICES, removeNextSecret: true });
    expect(removal).toMatchObject({ removeNextSecret: true });
    expect(removal).not.toHaveProperty('nextClientSecret');
  });

  it('sends the PEMs of a certificate credential and none of the secret fields', () => {
    const values = filled({
      clientAuthMethod: 'certificate',
      clientSecret: 's',
      certificatePem: 'CERT',
      privateKeyPem: 'KEY',
    });
    const input = toCredentialInput(values, null, NO_WRITE_ONLY_CHOICES);
    expect(input).toMatchObject({ clientAuthMethod: 'certificate', certificatePem: 'CERT', privateKeyPem: 'KEY' });
    expect(Object.keys(input).filter((key) => /secret/i.test(key))).toEqual([]);
  });
});

describe('validateCredentialInput', () => {
  it('asks for a replacement secret the admin opened but left empty', () => {
    const choices = { ...NO_WRITE_ONLY_CHOICES, replaceSecret: true };
    const values = filled({});
    const visible = visibleWriteOnly(values, SAVED, choices);
    expect(validateCredentialInput(toCredentialInput(values, SAVED, choices), values, visible)).toEqual({
      clientSecret: "Paste the client secret's Value from Certificates & secrets.",
    });
  });

  it('accepts a saved credential left as it is', () => {
    const values = filled({});
    const visible = visibleWriteOnly(values, SAVED, NO_WRITE_ONLY_CHOICES);
    expect(validateCredentialInput(toCredentialInput(values, SAVED, NO_WRITE_ONLY_CHOICES), values, visible)).toEqual(
      {},
    );
  });
});
