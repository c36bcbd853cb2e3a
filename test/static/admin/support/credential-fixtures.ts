import type { CredentialView } from '../../../../src/contract';

/** A saved Microsoft 365 credential with application permissions (client credentials, a secret), never tested. */
export const MICROSOFT_SAVED: CredentialView = {
  id: 'cred-1',
  name: 'Support mailbox',
  provider: 'microsoft365',
  grantType: 'client_credentials',
  clientId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  hasSecret: true,
  isDefault: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
