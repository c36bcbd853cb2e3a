import { credentialInputSchema, OAUTH2_PROVIDERS } from '../../../src/contract/credentials';
import {
  MICROSOFT_CLOUD_KEYS,
  MICROSOFT_CLOUDS,
  type MicrosoftCloud,
  tokenEndpointOf,
} from '../../../src/contract/microsoft-clouds';
import { APP_CERTIFICATE, APP_ENCRYPTED_KEY, APP_KEY, APP_RSA_KEY } from '../support/certificates';
import { certificateInput, credentialInput } from '../support/credentials';

/** The first message per field, as both the form and the resolver show them (no zod locale). */
const messages = (input: unknown): Record<string, string> => {
  const result = credentialInputSchema.safeParse(input);
  const found: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) found[String(issue.path[0] ?? '')] ??= issue.message;
  return found;
};

const SECRET_ID =
  "This looks like the Secret ID. Paste the secret's Value from Certificates & secrets (shown only right after you create it).";
const V1 =
  'This is the v1 endpoint. Copy the OAuth 2.0 token endpoint (v2) from Overview > Endpoints: it ends in /oauth2/v2.0/token.';
const tenantMessage = (tenant: string) =>
  `The client credentials grant needs your tenant: use your Directory (tenant) ID or a verified domain instead of '${tenant}'.`;
const hostMessage = (host: string) =>
  `Use the OAuth 2.0 token endpoint (v2) on https://${host}, from the app registration's Overview > Endpoints.`;

describe('credential input schema', () => {
  it('accepts the foundation payload and fills in the client secret method', () => {
    const parsed = credentialInputSchema.parse(credentialInput());
    expect(parsed.clientAuthMethod).toBe('client_secret');
    expect(parsed.provider).toBe('microsoft365');
  });

  it('keeps OAUTH2_PROVIDERS as the clouds', () => {
    expect(OAUTH2_PROVIDERS).toBe(MICROSOFT_CLOUD_KEYS);
  });

  it.each(Object.keys(MICROSOFT_CLOUDS) as MicrosoftCloud[])('accepts a %s credential on its own hosts', (cloud) => {
    const input = credentialInput({
      provider: cloud,
      tokenEndpoint: tokenEndpointOf(cloud, 'contoso.onmicrosoft.com'),
      graphBaseUrl: MICROSOFT_CLOUDS[cloud].graphBaseUrl,
      scope: MICROSOFT_CLOUDS[cloud].scope,
    });
    expect(messages(input)).toEqual({});
  });

  it("refuses a national cloud credential on Microsoft 365 hosts, naming the cloud's hosts", () => {
    expect(messages(credentialInput({ provider: 'microsoft365-china' }))).toEqual({
      tokenEndpoint: hostMessage('login.chinacloudapi.cn'),
      graphBaseUrl: 'Use the Microsoft Graph address, usually https://microsoftgraph.chinacloudapi.cn/v1.0.',
    });
  });

  it.each([
    ['the v1 endpoint', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token', V1],
    [
      'the v1 endpoint with a slash',
      'https://login.microsoftonline.com/6b1f3c2a-8d4e-4f7a-9c51-2e7d0a3b5c84/oauth2/token/',
      V1,
    ],
    ['tenant common', 'https://login.microsoftonline.com/common/oauth2/v2.0/token', tenantMessage('common')],
    [
      'tenant organizations',
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
      tenantMessage('organizations'),
    ],
    ['tenant Consumers', 'https://login.microsoftonline.com/Consumers/oauth2/v2.0/token', tenantMessage('Consumers')],
    ['another host', 'https://login.example.com/contoso/oauth2/v2.0/token', hostMessage('login.microsoftonline.com')],
    [
      'http on the real host',
      'http://login.microsoftonline.com/contoso/oauth2/v2.0/token',
      hostMessage('login.microsoftonline.com'),
    ],
    [
      'the authorize endpoint',
      'https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize',
      'Use the v2 token endpoint: its address ends in /oauth2/v2.0/token.',
    ],
    [
      'a query string',
      'https://login.microsoftonline.com/contoso/oauth2/v2.0/token?x=1',
      'Remove the query string from the token endpoint address.',
    ],
    [
      'a user name',
      'https://me:pw@login.microsoftonline.com/contoso/oauth2/v2.0/token',
      'Remove the user name and password from the address.',
    ],
    ['no URL', 'contoso', 'Enter the OAuth 2.0 token endpoint (v2) URL from Overview > Endpoints.'],
  ])('refuses %s as token endpoint', (_label, tokenEndpoint, message) => {
    expect(messages(credentialInput({ tokenEndpoint }))).toEqual({ tokenEndpoint: message });
  });

  it.each([
    ['http://127.0.0.1:4011/6b1f3c2a-8d4e-4f7a-9c51-2e7d0a3b5c84/oauth2/v2.0/token', 'http://127.0.0.1:4012/v1.0'],
    ['http://localhost:4011/contoso.onmicrosoft.com/oauth2/v2.0/token', 'https://[::1]:4012/v1.0'],
  ])(
    'lets loopback addresses pass (only the backend knows whether its environment allows them): %s',
    (tokenEndpoint, graphBaseUrl) => {
      expect(messages(credentialInput({ tokenEndpoint, graphBaseUrl }))).toEqual({});
    },
  );

  it.each([
    [
      'http',
      'http://graph.microsoft.com/v1.0',
      'Use the Microsoft Graph address, usually https://graph.microsoft.com/v1.0.',
    ],
    [
      'another host',
      'https://graph.example.com/v1.0',
      'Use the Microsoft Graph address, usually https://graph.microsoft.com/v1.0.',
    ],
    [
      'the sign-in host',
      'https://login.microsoftonline.com/v1.0',
      'Use the Microsoft Graph address, usually https://graph.microsoft.com/v1.0.',
    ],
    ['no URL', 'graph', 'Enter the Graph API base URL, usually https://graph.microsoft.com/v1.0.'],
  ])('refuses a Graph base URL on %s', (_label, graphBaseUrl, message) => {
    expect(messages(credentialInput({ graphBaseUrl }))).toEqual({ graphBaseUrl: message });
  });

  it.each([['https://graph.microsoft.com/Mail.Send'], ['https://graph.microsoft.com/.default offline_access']])(
    'refuses the scope %j',
    (scope) => {
      expect(messages(credentialInput({ scope }))).toEqual({
        scope:
          'The client credentials grant needs one scope ending in /.default, usually https://graph.microsoft.com/.default.',
      });
    },
  );

  it.each([
    ['clientSecret', '9d2e4f6a-1b3c-4d5e-8f7a-0b1c2d3e4f5a', SECRET_ID],
    ['clientSecret', ' 9D2E4F6A-1B3C-4D5E-8F7A-0B1C2D3E4F5A\n', SECRET_ID],
    ['nextClientSecret', 'c4a1b2d3-e5f6-4a7b-8c9d-0e1f2a3b4c5d', SECRET_ID],
    ['clientSecret', 'x'.repeat(1025), 'That is too long for a client secret value.'],
    ['clientId', 'my-app', "Enter the Application (client) ID from the app registration's Overview page (a GUID)."],
    ['senderMailbox', 'support', 'Enter the mailbox the app sends from, for example support@contoso.com.'],
    ['name', '  ', 'Enter a name, for example "Support mailbox".'],
    ['provider', 'google', 'Choose an OAuth2 service provider.'],
    ['grantType', 'password', 'Choose a grant type.'],
    ['clientAuthMethod', 'password', 'Choose how the app proves who it is: client secret or certificate.'],
    ['secretExpiresOn', '01/05/2026', 'Enter the date as YYYY-MM-DD.'],
    ['secretExpiresOn', '2026-02-30', 'Enter the date as YYYY-MM-DD.'],
    ['nextSecretExpiresOn', '2026-13-01', 'Enter the date as YYYY-MM-DD.'],
    ['removeNextSecret', 'yes', 'Invalid input: expected boolean'],
    ['scope', '', 'Enter the scope, usually https://graph.microsoft.com/.default.'],
  ])('%s %j says %j', (field, value, message) => {
    expect(messages(credentialInput({ [field]: value }))).toEqual({ [field]: message });
  });

  it('requires the secret when creating a client secret credential, not when editing', () => {
    expect(messages(credentialInput({ clientSecret: '' }))).toEqual({
      clientSecret: "Paste the client secret's Value from Certificates & secrets.",
    });
    expect(messages(credentialInput({ clientSecret: undefined }))).toEqual({
      clientSecret: "Paste the client secret's Value from Certificates & secrets.",
    });
    expect(messages(credentialInput({ id: 'cred-1', clientSecret: '' }))).toEqual({});
  });

  it('refuses a next secret equal to the current one, or beside a removal', () => {
    expect(messages(credentialInput({ nextClientSecret: ' SECRET-MARKER-abc' }))).toEqual({
      nextClientSecret:
        'The next secret is the same as the current one. Paste the Value of the second secret you created in Certificates & secrets.',
    });
    expect(messages(credentialInput({ id: 'cred-1', nextClientSecret: 'other', removeNextSecret: true }))).toEqual({
      nextClientSecret: 'Either remove the next secret or paste a new one, not both.',
    });
  });

  it('accepts a certificate credential with a PKCS#8 or PKCS#1 key', () => {
    expect(messages(certificateInput())).toEqual({});
    expect(messages(certificateInput({ privateKeyPem: APP_RSA_KEY }))).toEqual({});
  });

  it('requires the certificate and key when creating a certificate credential, not when editing', () => {
    expect(messages(certificateInput({ certificatePem: undefined, privateKeyPem: '' }))).toEqual({
      certificatePem:
        'Paste the certificate you uploaded to Certificates & secrets, in PEM form (-----BEGIN CERTIFICATE-----).',
      privateKeyPem: "Paste the certificate's private key in PEM form (-----BEGIN PRIVATE KEY-----).",
    });
    expect(messages(certificateInput({ id: 'cred-1', certificatePem: undefined, privateKeyPem: undefined }))).toEqual(
      {},
    );
  });

  it.each([
    [
      'certificatePem',
      APP_KEY,
      'This is not a PEM certificate. Paste the certificate including its -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines.',
    ],
    [
      'certificatePem',
      'MIIC+jCCAeKgAwIBAgICA+kwDQYJKoZIhvcNAQELBQAw',
      'This is not a PEM certificate. Paste the certificate including its -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines.',
    ],
    [
      'privateKeyPem',
      APP_CERTIFICATE,
      'This is not a PEM private key. Paste the key including its -----BEGIN PRIVATE KEY----- (or -----BEGIN RSA PRIVATE KEY-----) line.',
    ],
    [
      'privateKeyPem',
      APP_ENCRYPTED_KEY,
      'This private key is protected by a passphrase. Export it without one (for example: openssl pkey -in key.pem -out plain-key.pem) and paste that.',
    ],
  ])('refuses %s that is not the right PEM (%#)', (field, value, message) => {
    expect(messages(certificateInput({ [field]: value }))).toEqual({ [field]: message });
  });

  it('refuses material of the other method', () => {
    expect(messages(certificateInput({ clientSecret: 'a secret' }))).toEqual({
      clientSecret:
        'A certificate credential signs in without a client secret. Clear this field or choose "Client secret".',
    });
    expect(messages(credentialInput({ certificatePem: APP_CERTIFICATE }))).toEqual({
      certificatePem:
        'A client secret credential signs in without a certificate. Clear this field or choose "Certificate".',
    });
  });

  it('rejects unknown fields without naming them in a field', () => {
    const result = credentialInputSchema.safeParse({ ...credentialInput(), tenant: 'contoso' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.code, issue.path])).toEqual([['unrecognized_keys', []]]);
  });

  it("shows every field's message at once, cross-field ones included", () => {
    expect(
      messages(
        credentialInput({
          name: '',
          clientSecret: '',
          tokenEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
        }),
      ),
    ).toEqual({
      name: 'Enter a name, for example "Support mailbox".',
      clientSecret: "Paste the client secret's Value from Certificates & secrets.",
      tokenEndpoint: tenantMessage('common'),
    });
  });
});
