import {
  authorizationEndpointFor,
  authorizationEndpointProblem,
  AUTHORIZE_PATH_MESSAGE,
  AUTHORIZE_QUERY_MESSAGE,
  AUTHORIZE_TENANT_MESSAGE,
  AUTHORIZE_V1_MESSAGE,
  authorizeHostMessage,
} from '../../../src/contract/authorization-endpoint-rules';
import {
  type AuthorizationRequest,
  buildAuthorizationUrl,
  missingDelegatedScopes,
} from '../../../src/oauth/authorization-request';
import { AuthorizationError } from '../../../src/oauth/errors';

const TENANT = 'contoso.onmicrosoft.com';
const AUTHORIZE = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`;
const TOKEN = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const REDIRECT = 'https://4f1c.hello.atlassian-dev.net/x1/XUBR5WnG2Hk2V52APDdGaRSDm';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const request: AuthorizationRequest = {
  cloud: 'microsoft365',
  authorizationEndpoint: AUTHORIZE,
  tokenEndpoint: TOKEN,
  clientId: '11111111-2222-3333-4444-555555555555',
  redirectUri: REDIRECT,
  state: 'STATE-MARKER-abcdefghijklmnopqrstuvwxyz0123456',
  codeChallenge: CHALLENGE,
};

const refusal = (overrides: Partial<AuthorizationRequest>, env = {}): AuthorizationError => {
  try {
    buildAuthorizationUrl({ ...request, ...overrides }, env);
  } catch (error) {
    if (error instanceof AuthorizationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('buildAuthorizationUrl', () => {
  it('builds the v2 /authorize address with PKCE S256, the state, query response mode and select_account', () => {
    expect(buildAuthorizationUrl(request, {})).toBe(
      `${AUTHORIZE}?client_id=11111111-2222-3333-4444-555555555555&response_type=code` +
        '&redirect_uri=https%3A%2F%2F4f1c.hello.atlassian-dev.net%2Fx1%2FXUBR5WnG2Hk2V52APDdGaRSDm' +
        '&response_mode=query&scope=Mail.Send%20Mail.ReadWrite%20User.Read%20offline_access' +
        '&state=STATE-MARKER-abcdefghijklmnopqrstuvwxyz0123456' +
        `&code_challenge=${CHALLENGE}&code_challenge_method=S256&prompt=select_account`,
    );
  });

  it('adds the login hint, encoded, when one is given', () => {
    expect(buildAuthorizationUrl({ ...request, loginHint: ' support+jira@contoso.com ' }, {})).toMatch(
      /&prompt=select_account&login_hint=support%2Bjira%40contoso\.com$/,
    );
  });

  it('accepts a shared tenant for a user sign-in when the token endpoint names the same one', () => {
    const common = 'https://login.microsoftonline.com/organizations/oauth2/v2.0';
    expect(
      buildAuthorizationUrl(
        { ...request, authorizationEndpoint: `${common}/authorize`, tokenEndpoint: `${common}/token` },
        {},
      ),
    ).toMatch(/^https:\/\/login\.microsoftonline\.com\/organizations\/oauth2\/v2\.0\/authorize\?client_id=/);
  });

  it.each<[string, Partial<AuthorizationRequest>, string]>([
    [
      'another cloud',
      { authorizationEndpoint: `https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/authorize` },
      `The authorization endpoint "login.microsoftonline.us/${TENANT}/oauth2/v2.0/authorize" cannot be used: ${authorizeHostMessage('microsoft365')}`,
    ],
    [
      'a v1 endpoint',
      { authorizationEndpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/authorize` },
      `The authorization endpoint "login.microsoftonline.com/${TENANT}/oauth2/authorize" cannot be used: ${AUTHORIZE_V1_MESSAGE}`,
    ],
    [
      'another tenant than the token endpoint',
      { authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize' },
      `The authorization endpoint "login.microsoftonline.com/common/oauth2/v2.0/authorize" cannot be used: ${AUTHORIZE_TENANT_MESSAGE}`,
    ],
    [
      'an http redirect URI',
      { redirectUri: 'http://4f1c.hello.atlassian-dev.net/x1/abc' },
      'The redirect URI "4f1c.hello.atlassian-dev.net/x1/abc" cannot be used: it must use https:.',
    ],
    [
      'a redirect URI over 256 characters',
      { redirectUri: `https://4f1c.hello.atlassian-dev.net/x1/${'a'.repeat(220)}` },
      `The redirect URI "4f1c.hello.atlassian-dev.net/x1/${'a'.repeat(220)}" cannot be used: it is longer than 256 characters.`,
    ],
    [
      'a loopback endpoint without the local host opting in',
      {
        authorizationEndpoint: `http://127.0.0.1:7071/${TENANT}/oauth2/v2.0/authorize`,
        tokenEndpoint: `http://127.0.0.1:7071/${TENANT}/oauth2/v2.0/token`,
      },
      `The authorization endpoint "127.0.0.1:7071/${TENANT}/oauth2/v2.0/authorize" cannot be used: loopback addresses are for the local host only.`,
    ],
  ])('refuses %s with OAUTH_AUTHORIZE_ENDPOINT_INVALID', (_case, overrides, message) => {
    const error = refusal(overrides);
    expect(error.code).toBe('OAUTH_AUTHORIZE_ENDPOINT_INVALID');
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('STATE-MARKER');
  });

  it('takes loopback stand-ins when the local host opts in', () => {
    const local = `http://127.0.0.1:7071/${TENANT}/oauth2/v2.0`;
    const url = buildAuthorizationUrl(
      {
        ...request,
        authorizationEndpoint: `${local}/authorize`,
        tokenEndpoint: `${local}/token`,
        redirectUri: 'http://127.0.0.1:7070/x1/trigger',
      },
      { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    );
    expect(url.startsWith(`${local}/authorize?client_id=`)).toBe(true);
  });

  it('refuses a challenge that is not S256-shaped', () => {
    expect(() => buildAuthorizationUrl({ ...request, codeChallenge: 'plain' }, {})).toThrow(
      'The PKCE challenge must be an S256 challenge.',
    );
  });
});

describe('authorizationEndpointProblem', () => {
  it.each<[string, string, string | undefined]>([
    ['the v2 endpoint', AUTHORIZE, undefined],
    ['a query string', `${AUTHORIZE}?p=1`, AUTHORIZE_QUERY_MESSAGE],
    ['the token endpoint', TOKEN, AUTHORIZE_PATH_MESSAGE],
    ['no URL at all', 'authorize', AUTHORIZE_PATH_MESSAGE],
    [
      'user info',
      `https://a:b@login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
      'Remove the user name and password from the address.',
    ],
  ])('%s', (_case, value, problem) => {
    expect(authorizationEndpointProblem(value, 'microsoft365')).toBe(problem);
  });

  it('derives the authorization endpoint from the token endpoint', () => {
    expect(authorizationEndpointFor(TOKEN)).toBe(AUTHORIZE);
    expect(authorizationEndpointFor('https://login.chinacloudapi.cn/t1/oauth2/v2.0/token')).toBe(
      'https://login.chinacloudapi.cn/t1/oauth2/v2.0/authorize',
    );
    expect(authorizationEndpointFor(`https://login.microsoftonline.com/${TENANT}/oauth2/token`)).toBeUndefined();
  });
});

describe('missingDelegatedScopes', () => {
  it.each<[string, string[], string[]]>([
    ['all granted, short names', ['Mail.Send', 'Mail.ReadWrite', 'User.Read', 'profile', 'openid'], []],
    [
      'all granted, resource URIs in lower case',
      [
        'https://graph.microsoft.com/mail.send',
        'https://graph.microsoft.com/mail.readwrite',
        'https://graph.microsoft.com/user.read',
      ],
      [],
    ],
    ['no scope named', [], []],
    ['Mail.Send withheld', ['Mail.ReadWrite', 'User.Read', 'offline_access'], ['Mail.Send']],
    ['only User.Read', ['User.Read'], ['Mail.Send', 'Mail.ReadWrite']],
  ])('%s', (_case, granted, missing) => {
    expect(missingDelegatedScopes(granted)).toEqual(missing);
  });
});
