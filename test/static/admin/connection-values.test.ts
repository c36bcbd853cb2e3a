import { type CredentialInput, testConnectionSchema } from '../../../src/contract';
import { connectionErrors, connectionValuesOf } from '../../../static/admin/src/credentials/connection-values';

const INPUT: CredentialInput = {
  id: 'cred-1',
  name: '',
  provider: 'microsoft365',
  grantType: 'client_credentials',
  clientAuthMethod: 'client_secret',
  clientId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
  clientSecret: 'pasted-not-saved',
  secretExpiresOn: '2099-12-25',
  nextClientSecret: 'pasted-not-saved',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
};

describe("the edit form's values for Test connection", () => {
  it('sends the connection fields with the pasted secret, and leaves out the name and the next secret', () => {
    const values = connectionValuesOf(INPUT);
    expect(values).toEqual({
      provider: 'microsoft365',
      grantType: 'client_credentials',
      clientAuthMethod: 'client_secret',
      clientId: INPUT.clientId,
      clientSecret: 'pasted-not-saved',
      secretExpiresOn: '2099-12-25',
      tokenEndpoint: INPUT.tokenEndpoint,
      scope: INPUT.scope,
      senderMailbox: INPUT.senderMailbox,
      graphBaseUrl: INPUT.graphBaseUrl,
    });
    expect(testConnectionSchema.safeParse({ id: 'cred-1', values }).success).toBe(true);
  });

  it('drops a typed expiry date that is not a date, so it cannot stop the test', () => {
    expect(connectionValuesOf({ ...INPUT, secretExpiresOn: '2099-13-45' })).not.toHaveProperty('secretExpiresOn');
  });

  it('lets only errors on the connection fields block a test', () => {
    expect(
      connectionErrors({ name: 'Enter a name', nextClientSecret: 'x', secretExpiresOn: 'y', clientId: 'Enter the ID' }),
    ).toEqual({
      clientId: 'Enter the ID',
    });
  });
});
