import { decodeProtectedHeader, jwtVerify } from 'jose';

import { GoogleTokenError, GoogleTokenErrorCode } from '../../../../src/providers/google/errors';
import { googleTokenGuidance } from '../../../../src/providers/google/google-guidance';
import {
  type GoogleTokenRequest,
  JWT_BEARER_GRANT_TYPE,
  requestGoogleAccessToken,
} from '../../../../src/providers/google/google-token-client';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../../src/providers/google/scopes';
import { jsonResponse, sequenceFetch, timeoutError } from '../../support/fake-fetch';
import { makeServiceAccountKey, pemBody } from './key-fixture';

const key = makeServiceAccountKey();
const NOW = Date.parse('2026-12-07T01:00:00Z');
const ENDPOINT = 'https://oauth2.googleapis.com/token';
const WHERE = 'POST oauth2.googleapis.com/token';

const request: GoogleTokenRequest = {
  clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
  privateKeyId: '0123456789abcdef0123456789abcdef01234567',
  privateKeyPem: key.privateKeyPem,
  subject: 'support@example.com',
  scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE],
};

const TOKEN = 'ya29.SECRET-TOKEN-MARKER';
const success = () => jsonResponse(200, { access_token: TOKEN, expires_in: 3599, token_type: 'Bearer' });

const run = (answer: Response | Error, overrides: Partial<GoogleTokenRequest> = {}, env = {}) => {
  const { fetch, calls } = sequenceFetch([answer]);
  const promise = requestGoogleAccessToken({ ...request, ...overrides }, { fetch, now: () => NOW, env });
  return { promise, calls };
};

const failure = async (answer: Response | Error, overrides: Partial<GoogleTokenRequest> = {}, env = {}) => {
  const { promise, calls } = run(answer, overrides, env);
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GoogleTokenError)) throw new Error(`expected a GoogleTokenError, got ${String(error)}`);
  const assertion = new URLSearchParams(calls[0]?.body ?? '').get('assertion') ?? 'no assertion';
  for (const secret of [pemBody(key.privateKeyPem), assertion, TOKEN]) expect(error.message).not.toContain(secret);
  return error;
};

describe('requestGoogleAccessToken', () => {
  it('posts the JWT bearer grant with an RS256 assertion Google asks for and returns the token', async () => {
    const { promise, calls } = run(success());

    await expect(promise).resolves.toEqual({ accessToken: TOKEN, expiresAt: NOW + 3599 * 1000 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: ENDPOINT,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      redirect: 'error',
      hasSignal: true,
    });
    const form = new URLSearchParams(calls[0]?.body);
    expect([...form.keys()]).toEqual(['grant_type', 'assertion']);
    expect(form.get('grant_type')).toBe(JWT_BEARER_GRANT_TYPE);
    const assertion = form.get('assertion') ?? '';
    expect(decodeProtectedHeader(assertion)).toEqual({
      alg: 'RS256',
      typ: 'JWT',
      kid: '0123456789abcdef0123456789abcdef01234567',
    });
    const { payload } = await jwtVerify(assertion, key.publicKey, { currentDate: new Date(NOW) });
    expect(payload).toEqual({
      iss: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
      sub: 'support@example.com',
      scope: `${GMAIL_SEND_SCOPE} ${GMAIL_MODIFY_SCOPE}`,
      aud: ENDPOINT,
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
    });
  });

  it("signs for Google's audience even when pointed at the local emulator", async () => {
    const { promise, calls } = run(
      success(),
      { tokenEndpoint: 'http://127.0.0.1:4021/token' },
      {
        ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1',
      },
    );
    await promise;
    expect(calls[0]?.url).toBe('http://127.0.0.1:4021/token');
    const assertion = new URLSearchParams(calls[0]?.body).get('assertion') ?? '';
    const { payload } = await jwtVerify(assertion, key.publicKey, { currentDate: new Date(NOW) });
    expect(payload.aud).toBe(ENDPOINT);
  });

  it.each([
    ['another https host', 'https://token.example.com/token', {}],
    ['loopback without the opt-in', 'http://127.0.0.1:4021/token', {}],
    ['not a URL', 'token', {}],
  ])('refuses %s as the token endpoint without calling it', async (_name, tokenEndpoint, env) => {
    const { fetch, calls } = sequenceFetch([]);
    const error = await requestGoogleAccessToken({ ...request, tokenEndpoint }, { fetch, now: () => NOW, env }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GoogleTokenError);
    expect((error as GoogleTokenError).code).toBe(GoogleTokenErrorCode.EndpointNotAllowed);
    expect(calls).toHaveLength(0);
  });

  it('refuses a private key that cannot sign, before any request', async () => {
    const error = await failure(success(), { privateKeyPem: key.pkcs1Pem });
    expect(error.code).toBe(GoogleTokenErrorCode.AssertionFailed);
    expect(error.message).toBe('Signing the JWT assertion failed: the stored private key could not be read.');
  });

  // Google's JWT error codes: https://developers.google.com/identity/protocols/oauth2/service-account#error-codes
  it.each<[string, string, GoogleTokenErrorCode]>([
    ['unauthorized_client', 'Unauthorized client or scope in request.', GoogleTokenErrorCode.DelegationMissing],
    [
      'unauthorized_client',
      'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      GoogleTokenErrorCode.DelegationMissing,
    ],
    ['access_denied', 'Requested client not authorized.', GoogleTokenErrorCode.ScopeNotAllowed],
    ['invalid_grant', 'Invalid email or User ID', GoogleTokenErrorCode.UserUnknown],
    ['invalid_grant', 'Not a valid email.', GoogleTokenErrorCode.UserUnknown],
    ['invalid_grant', 'Invalid JWT Signature.', GoogleTokenErrorCode.KeyInvalid],
    [
      'invalid_grant',
      "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your 'iat' and 'exp' values and use a clock with skew to account for clock differences between systems.",
      GoogleTokenErrorCode.ClockSkew,
    ],
    ['invalid_grant', 'Invalid grant: account not found', GoogleTokenErrorCode.ServiceAccountNotFound],
    ['invalid_grant', 'Something new', GoogleTokenErrorCode.Rejected],
    ['invalid_scope', 'Invalid OAuth scope or ID token audience provided.', GoogleTokenErrorCode.InvalidScope],
    ['disabled_client', 'The OAuth client was disabled.', GoogleTokenErrorCode.ClientDisabled],
    ['deleted_client', 'The OAuth client was deleted.', GoogleTokenErrorCode.ClientDeleted],
    ['invalid_client', 'The OAuth client was not found.', GoogleTokenErrorCode.InvalidClient],
    ['admin_policy_enforced', 'Blocked.', GoogleTokenErrorCode.AdminPolicyEnforced],
    ['org_internal', 'This client is restricted to users within its organization.', GoogleTokenErrorCode.OrgInternal],
    ['temporarily_unavailable', 'Try later.', GoogleTokenErrorCode.Rejected],
  ])('maps %s "%s" to its code', async (oauthError, description, code) => {
    // Google answers unauthorized_client with 401, the others with 400.
    const status = oauthError === 'unauthorized_client' ? 401 : 400;
    const error = await failure(jsonResponse(status, { error: oauthError, error_description: description }));
    expect({
      code: error.code,
      oauthError: error.oauthError,
      description: error.description,
      status: error.status,
    }).toEqual({
      code,
      oauthError,
      description,
      status,
    });
    expect(error.message).toBe(
      `${WHERE} answered ${status} (${oauthError}: ${description}): the token request was refused.`,
    );
    expect(error.transient).toBe(false);
  });

  it.each([
    [500, GoogleTokenErrorCode.EndpointError, jsonResponse(500, { error: 'internal_failure' })],
    [503, GoogleTokenErrorCode.EndpointError, new Response('Service Unavailable', { status: 503 })],
    [429, GoogleTokenErrorCode.EndpointError, jsonResponse(429, { error: 'rate_limit_exceeded' })],
  ])('treats %i as transient', async (status, code, answer) => {
    const error = await failure(answer);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.transient).toBe(true);
  });

  it.each([
    [
      'unreachable',
      new TypeError('fetch failed'),
      GoogleTokenErrorCode.EndpointUnreachable,
      `${WHERE} failed: no answer from the server.`,
    ],
    ['timed out', timeoutError(), GoogleTokenErrorCode.EndpointTimeout, `${WHERE} timed out.`],
  ])('reports an endpoint that %s as transient', async (_name, thrown, code, message) => {
    const error = await failure(thrown);
    expect({ code: error.code, message: error.message, transient: error.transient }).toEqual({
      code,
      message,
      transient: true,
    });
  });

  it('keeps no description that is not plain short text', async () => {
    const error = await failure(jsonResponse(400, { error: 'invalid_grant', error_description: 'x'.repeat(301) }));
    expect(error.description).toBeUndefined();
    expect(error.message).toBe(`${WHERE} answered 400 (invalid_grant): the token request was refused.`);
  });

  it('calls a 4xx without an OAuth error an invalid answer', async () => {
    const error = await failure(new Response('<html>Bad Request</html>', { status: 400 }));
    expect(error.code).toBe(GoogleTokenErrorCode.ResponseInvalid);
    expect(error.message).toBe(`${WHERE} answered 400: not an OAuth 2.0 error answer.`);
  });

  it.each<[string, Response, string]>([
    [
      'HTML',
      new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      'Content-Type must be application/json.',
    ],
    ['a JSON array', jsonResponse(200, []), 'the body is not a JSON object.'],
    [
      'no access_token',
      jsonResponse(200, { expires_in: 3599, token_type: 'Bearer' }),
      'response field "access_token" must be a non-empty string.',
    ],
    [
      'a blank access_token',
      jsonResponse(200, { access_token: ' ', expires_in: 3599, token_type: 'Bearer' }),
      'response field "access_token" must be a non-empty string.',
    ],
    [
      'another token_type',
      jsonResponse(200, { access_token: TOKEN, expires_in: 3599, token_type: 'MAC' }),
      'response field "token_type" must be "Bearer".',
    ],
    [
      'expires_in as text',
      jsonResponse(200, { access_token: TOKEN, expires_in: '3599', token_type: 'Bearer' }),
      'response field "expires_in" must be a positive number of seconds.',
    ],
    [
      'expires_in zero',
      jsonResponse(200, { access_token: TOKEN, expires_in: 0, token_type: 'Bearer' }),
      'response field "expires_in" must be a positive number of seconds.',
    ],
  ])('refuses a 200 answer with %s, naming the field', async (_name, answer, problem) => {
    const error = await failure(answer);
    expect(error.code).toBe(GoogleTokenErrorCode.ResponseInvalid);
    expect(error.message).toBe(`${WHERE} answered 200: ${problem}`);
  });
});

describe('googleTokenGuidance', () => {
  const context = {
    clientId: '112233445566778899001',
    clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
    mailbox: 'support@example.com',
    scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE],
  };
  const guidance = (code: GoogleTokenErrorCode) => googleTokenGuidance(new GoogleTokenError(code, 'x'), context);

  it('tells an admin where to allow the client ID and the exact comma-separated scopes', () => {
    expect(guidance(GoogleTokenErrorCode.DelegationMissing)).toBe(
      'Google says the service account is not allowed to act for this mailbox (unauthorized_client). In Google ' +
        'Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation, add the ' +
        "numeric Client ID 112233445566778899001 (not the service account's email) with the OAuth scopes " +
        'https://www.googleapis.com/auth/gmail.send,https://www.googleapis.com/auth/gmail.modify; if the client is ' +
        'already listed, edit it so every one of these scopes is there. Changes there usually apply within minutes ' +
        'but can take up to 24 hours.',
    );
  });

  it('names the mailbox for an unknown or suspended user and the key page for a bad signature', () => {
    expect(guidance(GoogleTokenErrorCode.UserUnknown)).toMatch(
      /^The mailbox support@example\.com is not an active user of your Google Workspace \(invalid_grant "Invalid email or User ID"\)\./,
    );
    expect(guidance(GoogleTokenErrorCode.KeyInvalid)).toContain(
      'Google Cloud console > IAM & Admin > Service Accounts > your service account > Keys',
    );
  });

  it('has guidance for every code', () => {
    for (const code of Object.values(GoogleTokenErrorCode)) expect(guidance(code).length).toBeGreaterThan(40);
  });
});
