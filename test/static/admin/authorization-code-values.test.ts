import type { CredentialView } from '../../../src/contract';
import {
  authorizationEndpointOf,
  withGrantType,
  withTokenEndpoint,
} from '../../../static/admin/src/credentials/authorization-code-values';
import {
  type CredentialFormValues,
  emptyFormValues,
  formValuesFrom,
  NO_WRITE_ONLY_CHOICES,
  toCredentialInput,
} from '../../../static/admin/src/credentials/form-state';

const TOKEN = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const AUTHORIZE = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize';
const OTHER_TOKEN = 'https://login.microsoftonline.us/fabrikam.onmicrosoft.us/oauth2/v2.0/token';
const OTHER_AUTHORIZE = 'https://login.microsoftonline.us/fabrikam.onmicrosoft.us/oauth2/v2.0/authorize';
const TYPED = 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize';

const values = (change: Partial<CredentialFormValues>): CredentialFormValues => ({ ...emptyFormValues(), ...change });

describe('authorizationEndpointOf', () => {
  it.each([
    [TOKEN, AUTHORIZE],
    [` ${TOKEN} `, AUTHORIZE],
    [OTHER_TOKEN, OTHER_AUTHORIZE],
    ['http://127.0.0.1:4010/tenant-1/oauth2/v2.0/token', 'http://127.0.0.1:4010/tenant-1/oauth2/v2.0/authorize'],
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token', ''],
    ['https://login.microsoftonline.com/oauth2/v2.0/token', ''],
    ['not a url', ''],
    ['', ''],
  ])('%j gives %j', (tokenEndpoint, expected) => {
    expect(authorizationEndpointOf(tokenEndpoint)).toBe(expected);
  });
});

describe('withTokenEndpoint', () => {
  it.each<[string, Partial<CredentialFormValues>, string, string]>([
    ['fills an empty endpoint', { grantType: 'authorization_code' }, TOKEN, AUTHORIZE],
    [
      'follows its own prefill',
      { grantType: 'authorization_code', tokenEndpoint: TOKEN, authorizationEndpoint: AUTHORIZE },
      OTHER_TOKEN,
      OTHER_AUTHORIZE,
    ],
    [
      'keeps an address the admin typed',
      { grantType: 'authorization_code', tokenEndpoint: TOKEN, authorizationEndpoint: TYPED },
      OTHER_TOKEN,
      TYPED,
    ],
    ['leaves client credentials alone', { grantType: 'client_credentials' }, TOKEN, ''],
  ])('%s', (_case, start, tokenEndpoint, expected) => {
    const next = withTokenEndpoint(values(start), tokenEndpoint);
    expect(next.tokenEndpoint).toBe(tokenEndpoint);
    expect(next.authorizationEndpoint).toBe(expected);
  });
});

describe('withGrantType', () => {
  it.each<[string, Partial<CredentialFormValues>, CredentialFormValues['grantType'], string]>([
    ['prefills on the authorization code grant', { tokenEndpoint: TOKEN }, 'authorization_code', AUTHORIZE],
    [
      'keeps a typed address on the authorization code grant',
      { tokenEndpoint: TOKEN, authorizationEndpoint: TYPED },
      'authorization_code',
      TYPED,
    ],
    [
      'drops its prefill on client credentials',
      { grantType: 'authorization_code', tokenEndpoint: TOKEN, authorizationEndpoint: AUTHORIZE },
      'client_credentials',
      '',
    ],
    [
      'keeps a typed address on client credentials',
      { grantType: 'authorization_code', tokenEndpoint: TOKEN, authorizationEndpoint: TYPED },
      'client_credentials',
      TYPED,
    ],
  ])('%s', (_case, start, grantType, expected) => {
    expect(withGrantType(values(start), grantType)).toMatchObject({ grantType, authorizationEndpoint: expected });
  });
});

describe('toCredentialInput with the authorization code grant', () => {
  const SAVED: CredentialView = {
    id: 'cred-2',
    name: 'Support as user',
    provider: 'microsoft365-usgov',
    grantType: 'authorization_code',
    clientAuthMethod: 'client_secret',
    clientId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
    tokenEndpoint: OTHER_TOKEN,
    authorizationEndpoint: OTHER_AUTHORIZE,
    scope: 'Mail.Send Mail.ReadWrite User.Read offline_access',
    senderMailbox: 'support@fabrikam.us',
    graphBaseUrl: 'https://graph.microsoft.us/v1.0',
    hasSecret: true,
    isDefault: false,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
  };

  it("sends the authorization endpoint, and the cloud's default scope for the field the form does not show", () => {
    expect(toCredentialInput(formValuesFrom(SAVED), SAVED, NO_WRITE_ONLY_CHOICES)).toEqual({
      id: 'cred-2',
      name: 'Support as user',
      provider: 'microsoft365-usgov',
      grantType: 'authorization_code',
      clientAuthMethod: 'client_secret',
      clientId: SAVED.clientId,
      tokenEndpoint: OTHER_TOKEN,
      authorizationEndpoint: OTHER_AUTHORIZE,
      scope: 'https://graph.microsoft.us/.default',
      senderMailbox: 'support@fabrikam.us',
      graphBaseUrl: 'https://graph.microsoft.us/v1.0',
      secretExpiresOn: '',
    });
  });

  it('sends no authorization endpoint with client credentials, even one the form kept', () => {
    const input = toCredentialInput(
      { ...formValuesFrom(SAVED), grantType: 'client_credentials', scope: 'https://graph.microsoft.us/.default' },
      SAVED,
      NO_WRITE_ONLY_CHOICES,
    );
    expect(input).not.toHaveProperty('authorizationEndpoint');
    expect(input.scope).toBe('https://graph.microsoft.us/.default');
  });
});
