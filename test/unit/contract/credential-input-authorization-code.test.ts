import { credentialInputSchema } from '../../../src/contract/credentials';
import { authorizationCodeInput, AUTHORIZE_ENDPOINT, credentialInput } from '../support/credentials';

const messages = (input: unknown): Record<string, string> => {
  const result = credentialInputSchema.safeParse(input);
  const found: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) found[String(issue.path[0] ?? '')] ??= issue.message;
  return found;
};

const REQUIRED =
  'Enter the OAuth 2.0 authorization endpoint (v2) URL from Overview > Endpoints: it ends in /oauth2/v2.0/authorize.';
const TENANT =
  'The authorization endpoint must name the same host and tenant as the token endpoint: Microsoft redeems a code only against the tenant it was issued for.';
const V1 =
  'This is the v1 endpoint. Copy the OAuth 2.0 authorization endpoint (v2) from Overview > Endpoints: it ends in /oauth2/v2.0/authorize.';

describe('credential input schema: the authorization code grant', () => {
  it('accepts the authorization endpoint trimmed, and an empty scope', () => {
    const parsed = credentialInputSchema.parse(
      authorizationCodeInput({ authorizationEndpoint: ` ${AUTHORIZE_ENDPOINT}\n` }),
    );
    expect(parsed).toMatchObject({
      grantType: 'authorization_code',
      authorizationEndpoint: AUTHORIZE_ENDPOINT,
      scope: '',
    });
  });

  it('does not judge a scope it will not use', () => {
    expect(messages(authorizationCodeInput({ scope: 'Mail.Send' }))).toEqual({});
  });

  it.each([
    ['absent', undefined, REQUIRED],
    ['empty', '  ', REQUIRED],
    ['no URL', 'login', REQUIRED],
    [
      'too long',
      `https://login.microsoftonline.com/${'a'.repeat(2048)}`,
      'Too big: expected string to have <=2048 characters',
    ],
    ['another tenant', 'https://login.microsoftonline.com/fabrikam.com/oauth2/v2.0/authorize', TENANT],
    ['the shared tenant', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', TENANT],
    ['the v1 path', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize', V1],
    [
      'another host',
      'https://login.example.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      "Use the OAuth 2.0 authorization endpoint (v2) on https://login.microsoftonline.com, from the app registration's Overview > Endpoints.",
    ],
    [
      'a query',
      `${AUTHORIZE_ENDPOINT}?prompt=login`,
      'Remove the query string from the authorization endpoint address.',
    ],
  ])('refuses an authorization endpoint that is %s', (_label, authorizationEndpoint, message) => {
    expect(messages(authorizationCodeInput({ authorizationEndpoint }))).toEqual({ authorizationEndpoint: message });
  });

  it('ignores the authorization endpoint for client credentials, which still need their scope', () => {
    expect(messages(credentialInput({ authorizationEndpoint: 'login.micro' }))).toEqual({});
    expect(messages(credentialInput({ scope: '' }))).toEqual({
      scope: 'Enter the scope, usually https://graph.microsoft.com/.default.',
    });
  });
});
