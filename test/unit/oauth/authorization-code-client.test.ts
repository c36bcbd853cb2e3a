import {
  type CodeExchangeRequest,
  exchangeAuthorizationCode,
  refreshDelegatedToken,
  type RefreshRequest,
} from '../../../src/oauth/authorization-code-client';
import { AuthorizationError, TokenError } from '../../../src/oauth/errors';
import { jsonResponse, sequenceFetch, timeoutError } from '../support/fake-fetch';

const SECRET = 'SECRET-MARKER-abc';
const CODE = 'CODE-MARKER-0.AVYA';
const VERIFIER = 'VERIFIER-MARKER-dBjftJeZ4CVP-mB92K27uhbUJU1p1r';
const REFRESH = 'REFRESH-MARKER-old';
const MARKERS = [SECRET, CODE, VERIFIER, REFRESH, 'ACCESS-MARKER', 'REFRESH-MARKER-new'];
const ENDPOINT = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const WHERE = 'POST login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const REDIRECT = 'https://4f1c.hello.atlassian-dev.net/x1/XUBR5WnG2Hk2V52APDdGaRSDm';
const NOW = Date.parse('2026-12-07T01:00:00Z');
const SCOPE = 'Mail.Send Mail.ReadWrite User.Read offline_access';
const TRACE = '0b6c1e2a-4f3d-4a1e-9c55-7d2f1b0a9e11';
const CORRELATION = '5d3a8f1c-2b4e-4c6d-8a9f-1e2d3c4b5a60';

const client = { tokenEndpoint: ENDPOINT, clientId: '11111111-2222-3333-4444-555555555555', clientSecret: SECRET };
const exchange: CodeExchangeRequest = { ...client, code: CODE, redirectUri: REDIRECT, codeVerifier: VERIFIER };
const refresh: RefreshRequest = { ...client, refreshToken: REFRESH };

const success = (extra: Record<string, unknown> = {}) =>
  jsonResponse(200, {
    token_type: 'Bearer',
    scope: 'Mail.Send Mail.ReadWrite User.Read profile openid email',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: 'ACCESS-MARKER',
    ...extra,
  });

/** Microsoft's error answer (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow). */
const refusal = (error: string, codes: number[] = [], status = 400) =>
  jsonResponse(status, {
    error,
    error_description:
      `${codes[0] === undefined ? '' : `AADSTS${codes[0]}: `}Something about ${CODE} and ${REFRESH}.\r\n` +
      `Trace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2026-12-07 01:00:00Z`,
    error_codes: codes,
    timestamp: '2026-12-07 01:00:00Z',
    trace_id: TRACE,
    correlation_id: CORRELATION,
  });

const failed = async (promise: Promise<unknown>): Promise<Error> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected a failure');
  for (const marker of MARKERS) expect(error.message).not.toContain(marker);
  return error;
};

const form = (body: string | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(body));

describe('exchangeAuthorizationCode', () => {
  it('redeems the code with the verifier, the same redirect URI, the scopes and the client secret', async () => {
    const { fetch, calls } = sequenceFetch([success({ refresh_token: 'REFRESH-MARKER-new' })]);

    await expect(exchangeAuthorizationCode(exchange, { fetch, now: () => NOW })).resolves.toEqual({
      accessToken: 'ACCESS-MARKER',
      expiresAt: NOW + 3599 * 1000,
      grantedScopes: ['Mail.Send', 'Mail.ReadWrite', 'User.Read', 'profile', 'openid', 'email'],
      refreshToken: 'REFRESH-MARKER-new',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: ENDPOINT, method: 'POST', redirect: 'error', hasSignal: true });
    expect(calls[0]?.body).toBe(
      'client_id=11111111-2222-3333-4444-555555555555&grant_type=authorization_code' +
        `&code=CODE-MARKER-0.AVYA&redirect_uri=${encodeURIComponent(REDIRECT)}` +
        '&code_verifier=VERIFIER-MARKER-dBjftJeZ4CVP-mB92K27uhbUJU1p1r' +
        '&scope=Mail.Send+Mail.ReadWrite+User.Read+offline_access&client_secret=SECRET-MARKER-abc',
    );
  });

  it('authenticates with a client assertion as client credentials do', async () => {
    const { fetch, calls } = sequenceFetch([success({ refresh_token: 'REFRESH-MARKER-new' })]);
    const { clientSecret: _secret, ...withoutSecret } = exchange;

    await exchangeAuthorizationCode(
      { ...withoutSecret, clientAssertion: 'header.claims.signature' },
      { fetch, now: () => NOW },
    );
    expect(form(calls[0]?.body)).toEqual({
      client_id: client.clientId,
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
      scope: SCOPE,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'header.claims.signature',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no refresh_token', {}, 'response field "refresh_token" is missing (offline_access was asked for).'],
    [
      'an empty refresh_token',
      { refresh_token: '' },
      'response field "refresh_token" must be a non-empty string when present.',
    ],
    [
      'a scope that is no string',
      { refresh_token: 'r', scope: ['Mail.Send'] },
      'response field "scope" must be a string.',
    ],
    [
      'no access_token',
      { refresh_token: 'r', access_token: undefined },
      'response field "access_token" must be a non-empty string.',
    ],
  ])('refuses an answer with %s', async (_case, extra, problem) => {
    const { fetch } = sequenceFetch([success(extra)]);
    const error = await failed(exchangeAuthorizationCode(exchange, { fetch, now: () => NOW }));
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ code: 'TOKEN_RESPONSE_INVALID', message: `${WHERE} answered 200: ${problem}` });
  });
});

describe('refreshDelegatedToken', () => {
  it('refreshes with grant_type=refresh_token and returns the successor refresh token', async () => {
    const { fetch, calls } = sequenceFetch([success({ refresh_token: 'REFRESH-MARKER-new' })]);

    await expect(refreshDelegatedToken(refresh, { fetch, now: () => NOW })).resolves.toMatchObject({
      accessToken: 'ACCESS-MARKER',
      refreshToken: 'REFRESH-MARKER-new',
    });
    expect(form(calls[0]?.body)).toEqual({
      client_id: client.clientId,
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
      scope: SCOPE,
      client_secret: SECRET,
    });
  });

  it('answers no successor when Microsoft sends no refresh_token, so the old one stays', async () => {
    const { fetch } = sequenceFetch([success({ scope: undefined })]);
    await expect(refreshDelegatedToken(refresh, { fetch, now: () => NOW })).resolves.toEqual({
      accessToken: 'ACCESS-MARKER',
      expiresAt: NOW + 3599 * 1000,
      grantedScopes: [],
      refreshToken: undefined,
    });
  });
});

type Leg = 'code' | 'refresh';
const call = (leg: Leg, answer: Response): Promise<unknown> => {
  const { fetch } = sequenceFetch([answer]);
  return leg === 'code'
    ? exchangeAuthorizationCode(exchange, { fetch, now: () => NOW })
    : refreshDelegatedToken(refresh, { fetch, now: () => NOW });
};

describe('refusals of the grant', () => {
  it.each<[Leg, string, number[], string, string]>([
    ['code', 'invalid_grant', [54005], 'OAUTH_CODE_REDEEMED', 'the authorization code was already redeemed'],
    ['code', 'invalid_grant', [70008], 'OAUTH_CODE_EXPIRED', 'the authorization code expired'],
    // Another client's code, a wrong verifier or redirect URI: RFC 6749 section 5.2 says invalid_grant, no number.
    ['code', 'invalid_grant', [], 'OAUTH_CODE_INVALID', 'the authorization code was refused'],
    ['code', 'invalid_grant', [501481], 'OAUTH_CODE_INVALID', 'the authorization code was refused'],
    ['code', 'invalid_grant', [65001], 'OAUTH_CONSENT_REQUIRED', 'consent to the permissions is missing'],
    ['refresh', 'invalid_grant', [50173], 'OAUTH_GRANT_REVOKED', 'the refresh token was revoked'],
    ['refresh', 'invalid_grant', [50133], 'OAUTH_GRANT_REVOKED', 'the refresh token was revoked'],
    ['refresh', 'invalid_grant', [700082], 'OAUTH_GRANT_EXPIRED_INACTIVE', 'the refresh token expired unused'],
    ['refresh', 'invalid_grant', [70008], 'OAUTH_GRANT_EXPIRED_INACTIVE', 'the refresh token expired unused'],
    [
      'refresh',
      'invalid_grant',
      [700084],
      'OAUTH_GRANT_SPA_LIFETIME',
      "the refresh token reached a single-page app's fixed lifetime",
    ],
    [
      'refresh',
      'invalid_grant',
      [70043],
      'OAUTH_SIGN_IN_FREQUENCY',
      'Conditional Access sign-in frequency requires a new sign-in',
    ],
    ['refresh', 'invalid_grant', [50076], 'OAUTH_INTERACTION_REQUIRED', 'the user must sign in interactively'],
    ['refresh', 'invalid_grant', [50079], 'OAUTH_INTERACTION_REQUIRED', 'the user must sign in interactively'],
    ['refresh', 'invalid_grant', [65001], 'OAUTH_CONSENT_REQUIRED', 'consent to the permissions is missing'],
    ['refresh', 'invalid_grant', [54005], 'OAUTH_GRANT_INVALID', 'the refresh token was refused'],
    ['refresh', 'invalid_grant', [9999999], 'OAUTH_GRANT_INVALID', 'the refresh token was refused'],
    // The `error` decides; a number that means something else elsewhere does not override it.
    ['refresh', 'interaction_required', [50158], 'OAUTH_INTERACTION_REQUIRED', 'the user must sign in interactively'],
    ['code', 'consent_required', [], 'OAUTH_CONSENT_REQUIRED', 'consent to the permissions is missing'],
  ])('%s leg: %s %j is %s', async (leg, oauthError, codes, code, what) => {
    const error = await failed(call(leg, refusal(oauthError, codes)));
    expect(error).toBeInstanceOf(AuthorizationError);
    const label = [codes[0] === undefined ? undefined : `AADSTS${codes[0]}`, oauthError].filter(Boolean).join(' ');
    expect(error).toMatchObject({
      code,
      message: `${WHERE} answered 400 (${label}): ${what}.`,
      oauthError,
      status: 400,
      traceId: TRACE,
      correlationId: CORRELATION,
      ...(codes[0] === undefined ? {} : { aadstsCode: codes[0] }),
    });
    expect(error.cause).toBeInstanceOf(TokenError);
  });

  it.each<[Leg, string, string, Response | Error]>([
    ['code', 'a wrong secret', 'TOKEN_INVALID_CLIENT_SECRET', refusal('invalid_client', [7000215], 401)],
    ['refresh', 'an expired secret', 'TOKEN_CLIENT_SECRET_EXPIRED', refusal('invalid_client', [7000222], 401)],
    ['refresh', 'an unknown app', 'TOKEN_APP_NOT_FOUND', refusal('unauthorized_client', [700016])],
    ['refresh', 'a 503', 'TOKEN_ENDPOINT_ERROR', refusal('temporarily_unavailable', [], 503)],
    ['code', 'a timeout', 'TOKEN_ENDPOINT_TIMEOUT', timeoutError()],
  ])('%s leg: %s stays a TokenError, %s', async (leg, _case, code, answer) => {
    const { fetch } = sequenceFetch([answer]);
    const promise =
      leg === 'code'
        ? exchangeAuthorizationCode(exchange, { fetch, now: () => NOW })
        : refreshDelegatedToken(refresh, { fetch, now: () => NOW });
    const error = await failed(promise);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe(code);
  });
});
