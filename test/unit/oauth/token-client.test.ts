import { TokenError } from '../../../src/oauth/errors';
import { type ClientCredentialsRequest, requestClientCredentialsToken } from '../../../src/oauth/token-client';
import { fakeFetch, jsonResponse, sequenceFetch, timeoutError } from '../support/fake-fetch';
import { fixtureResponse, tokenFixture, tokenFixtures } from '../support/fixtures';

const SECRET = 'SECRET-MARKER-abc';
const ENDPOINT = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const WHERE = 'POST login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const NOW = Date.parse('2024-05-06T06:00:00Z');

const request: ClientCredentialsRequest = {
  tokenEndpoint: ENDPOINT,
  clientId: '11111111-2222-3333-4444-555555555555',
  clientSecret: SECRET,
  scope: 'https://graph.microsoft.com/.default',
};

const run = (answer: Response | Error, overrides: Partial<ClientCredentialsRequest> = {}) => {
  const { fetch, calls } = sequenceFetch([answer]);
  const promise = requestClientCredentialsToken({ ...request, ...overrides }, { fetch, now: () => NOW });
  return { promise, calls };
};

const failure = async (
  answer: Response | Error,
  overrides: Partial<ClientCredentialsRequest> = {},
): Promise<TokenError> => {
  const error = await run(answer, overrides).promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenError)) throw new Error(`expected a TokenError, got ${String(error)}`);
  expect(error.message).not.toContain(SECRET);
  return error;
};

describe('requestClientCredentialsToken', () => {
  it('posts the client credentials grant form-encoded and returns the token with its expiry', async () => {
    const { promise, calls } = run(fixtureResponse(tokenFixture('success')));

    await expect(promise).resolves.toEqual({ accessToken: '<JWT>', expiresAt: NOW + 3599 * 1000 });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      url: ENDPOINT,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      redirect: 'error',
      hasSignal: true,
    });
    expect(Object.fromEntries(new URLSearchParams(call?.body))).toEqual({
      client_id: request.clientId,
      client_secret: SECRET,
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    });
  });

  it('sends a signed client assertion instead of a secret for a certificate credential', async () => {
    const { fetch, calls } = sequenceFetch([fixtureResponse(tokenFixture('success'))]);
    const { clientSecret: _secret, ...withoutSecret } = request;
    await requestClientCredentialsToken(
      { ...withoutSecret, clientAssertion: 'header.claims.signature' },
      { fetch, now: () => NOW },
    );
    expect(Object.fromEntries(new URLSearchParams(calls[0]?.body))).toEqual({
      client_id: request.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'header.claims.signature',
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    });
  });

  it.each([
    ['a numeric string', '3600', NOW + 3_600_000],
    ['a number', 60, NOW + 60_000],
  ])('accepts expires_in as %s', async (_label, expiresIn, expiresAt) => {
    const { promise } = run(jsonResponse(200, { token_type: 'bearer', expires_in: expiresIn, access_token: 'abc' }));
    await expect(promise).resolves.toEqual({ accessToken: 'abc', expiresAt });
  });

  it.each([
    [
      'access_token missing',
      { token_type: 'Bearer', expires_in: 3599 },
      'response field "access_token" must be a non-empty string.',
    ],
    [
      'access_token empty',
      { token_type: 'Bearer', expires_in: 3599, access_token: '' },
      'response field "access_token" must be a non-empty string.',
    ],
    [
      'access_token a number',
      { token_type: 'Bearer', expires_in: 3599, access_token: 42 },
      'response field "access_token" must be a non-empty string.',
    ],
    ['token_type missing', { expires_in: 3599, access_token: 'x' }, 'response field "token_type" must be "Bearer".'],
    [
      'token_type pop',
      { token_type: 'pop', expires_in: 3599, access_token: 'x' },
      'response field "token_type" must be "Bearer".',
    ],
    [
      'expires_in missing',
      { token_type: 'Bearer', access_token: 'x' },
      'response field "expires_in" must be a positive number of seconds.',
    ],
    [
      'expires_in zero',
      { token_type: 'Bearer', expires_in: 0, access_token: 'x' },
      'response field "expires_in" must be a positive number of seconds.',
    ],
    [
      'expires_in negative',
      { token_type: 'Bearer', expires_in: -5, access_token: 'x' },
      'response field "expires_in" must be a positive number of seconds.',
    ],
    [
      'expires_in text',
      { token_type: 'Bearer', expires_in: 'soon', access_token: 'x' },
      'response field "expires_in" must be a positive number of seconds.',
    ],
    [
      'expires_in Infinity-ish',
      { token_type: 'Bearer', expires_in: '1e999', access_token: 'x' },
      'response field "expires_in" must be a positive number of seconds.',
    ],
  ])('refuses a 200 answer with %s', async (_label, body, problem) => {
    const error = await failure(jsonResponse(200, body));
    expect(error).toMatchObject({
      code: 'TOKEN_RESPONSE_INVALID',
      status: 200,
      message: `${WHERE} answered 200: ${problem}`,
    });
  });

  it('refuses a 200 answer that is not JSON by content type', async () => {
    const error = await failure(
      new Response('<html>sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error).toMatchObject({
      code: 'TOKEN_RESPONSE_INVALID',
      message: `${WHERE} answered 200: Content-Type must be application/json, got "text/html".`,
    });
  });

  it('refuses a 200 JSON answer whose body does not parse', async () => {
    const error = await failure(
      new Response('{"access_token":', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    expect(error).toMatchObject({
      code: 'TOKEN_RESPONSE_INVALID',
      message: `${WHERE} answered 200: the body is not a JSON object.`,
    });
  });

  const expectedCodes: Record<string, string> = {
    invalid_secret_7000215: 'TOKEN_INVALID_CLIENT_SECRET',
    expired_secret_7000222: 'TOKEN_CLIENT_SECRET_EXPIRED',
    app_not_found_700016: 'TOKEN_APP_NOT_FOUND',
    tenant_not_found_90002: 'TOKEN_TENANT_NOT_FOUND',
    scope_without_default_1002012: 'TOKEN_INVALID_SCOPE',
    invalid_scope_70011: 'TOKEN_INVALID_SCOPE',
    missing_credential_7000218: 'TOKEN_NO_CLIENT_CREDENTIAL',
    missing_param_900144: 'TOKEN_REJECTED',
    resource_sp_not_found_500011: 'TOKEN_INVALID_SCOPE',
    bad_assertion_signature_700027: 'TOKEN_INVALID_CLIENT_ASSERTION',
  };
  const errorFixtures = tokenFixtures.filter(([name]) => name !== 'success');

  it('has an expectation for every error fixture', () => {
    expect(errorFixtures.map(([name]) => name).sort()).toEqual(Object.keys(expectedCodes).sort());
  });

  it.each(errorFixtures)(
    'maps %s to its code with the AADSTS number, status and Microsoft ids',
    async (name, entry) => {
      const body = entry.body as {
        error: string;
        error_codes: number[];
        trace_id: string;
        correlation_id: string;
        error_description: string;
      };
      const aadsts = body.error_codes[0];
      const error = await failure(fixtureResponse(entry));

      expect(error).toMatchObject({
        name: 'TokenError',
        code: expectedCodes[name],
        aadstsCode: aadsts,
        oauthError: body.error,
        status: entry.status,
        traceId: body.trace_id,
        correlationId: body.correlation_id,
        message: `${WHERE} answered ${entry.status} (AADSTS${aadsts} ${body.error}): the token request was refused.`,
      });
      // Microsoft's description names the app and carries trace ids; it stays out of the message.
      expect(error.message).not.toContain(body.error_description.slice(0, 40));
      expect(error.message).not.toContain(body.trace_id);
    },
  );

  it('reads the AADSTS number from error_description when error_codes is absent', async () => {
    const error = await failure(
      jsonResponse(401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000222: The provided client secret keys are expired.',
      }),
    );
    expect(error).toMatchObject({ code: 'TOKEN_CLIENT_SECRET_EXPIRED', aadstsCode: 7000222 });
  });

  it('answers TOKEN_REJECTED for an OAuth error without an AADSTS number', async () => {
    const error = await failure(jsonResponse(400, { error: 'unsupported_grant_type' }));
    expect(error).toMatchObject({
      code: 'TOKEN_REJECTED',
      aadstsCode: undefined,
      oauthError: 'unsupported_grant_type',
      message: `${WHERE} answered 400 (unsupported_grant_type): the token request was refused.`,
    });
  });

  it('does not carry an OAuth error value that is not a plain token', async () => {
    const error = await failure(jsonResponse(400, { error: `invalid <b>${SECRET}</b>` }));
    expect(error).toMatchObject({ code: 'TOKEN_RESPONSE_INVALID', oauthError: undefined });
  });

  it.each([500, 502, 503])('answers TOKEN_ENDPOINT_ERROR for %i', async (status) => {
    const error = await failure(new Response('Service unavailable', { status }));
    expect(error).toMatchObject({
      code: 'TOKEN_ENDPOINT_ERROR',
      status,
      message: `${WHERE} answered ${status}: server error.`,
    });
  });

  it('keeps the AADSTS number of a 5xx answer', async () => {
    const error = await failure(jsonResponse(500, { error: 'server_error', error_codes: [50000] }));
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_ERROR', aadstsCode: 50000, status: 500 });
  });

  it.each([
    [404, 'Not Found', 'text/html'],
    [400, '{"message":"bad"}', 'application/json'],
  ])('answers TOKEN_RESPONSE_INVALID for %i without an OAuth error body', async (status, text, type) => {
    const error = await failure(new Response(text, { status, headers: { 'Content-Type': type } }));
    expect(error).toMatchObject({
      code: 'TOKEN_RESPONSE_INVALID',
      status,
      message: `${WHERE} answered ${status}: not an OAuth 2.0 error answer.`,
    });
  });

  it('answers TOKEN_ENDPOINT_UNREACHABLE when fetch fails', async () => {
    const cause = new TypeError('fetch failed');
    const error = await failure(cause);
    expect(error).toMatchObject({
      code: 'TOKEN_ENDPOINT_UNREACHABLE',
      status: undefined,
      message: `${WHERE} failed: no answer from the server.`,
      cause,
    });
  });

  it('answers TOKEN_ENDPOINT_TIMEOUT when the request times out', async () => {
    const error = await failure(timeoutError());
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_TIMEOUT', message: `${WHERE} timed out.` });
  });

  it('refuses a token endpoint the egress policy does not allow, without calling it', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(200, {}));
    const error = await requestClientCredentialsToken(
      { ...request, tokenEndpoint: 'https://login.evil.example/t/oauth2/v2.0/token' },
      { fetch, now: () => NOW, env: {} },
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 'ENDPOINT_NOT_ALLOWED',
      message:
        'POST login.evil.example/t/oauth2/v2.0/token refused: The token endpoint "https://login.evil.example/t/oauth2/v2.0/token" ' +
        "is not allowed: only Microsoft's sign-in hosts are allowed (https://login.microsoftonline.com, https://login.microsoftonline.us, https://login.chinacloudapi.cn).",
    });
    expect(calls).toHaveLength(0);
  });
});
