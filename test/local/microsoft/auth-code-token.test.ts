import { createPrivateKey, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { SignJWT } from 'jose';

import {
  authorizeParams,
  claimsOf,
  delegatedTokens,
  newPkce,
  redeemCode,
  refresh,
  SALES,
  signInForCode,
  startCodeDemo,
  SUPPORT,
  type TokenAnswer,
} from './auth-code-helpers';
import { type AadstsErrorBody, type Demo, DEMO_CERTIFICATE } from './helpers';

const DAY_SECONDS = 86_400;

const expectAadsts = async (response: Response, status: number, error: string, code: number, text: string) => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as AadstsErrorBody;
  expect(body.error).toBe(error);
  expect(body.error_codes).toEqual([code]);
  expect(body.error_description.split('\r\n')[0]).toBe(`AADSTS${code}: ${text}`);
  expect(body.error_description).toMatch(/\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: /);
};

const REDEEMED =
  'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.';

describe('Microsoft emulator authorization code grant at the token endpoint', () => {
  let demo: Demo;
  beforeEach(async () => {
    demo = await startCodeDemo();
  });
  afterEach(() => demo.emulator.close());

  it('redeems a code with the PKCE verifier and the client secret for a delegated access token and a refresh token', async () => {
    const pkce = newPkce();
    const { code, redirect } = await signInForCode(demo, authorizeParams(demo, pkce));
    expect(redirect.get('state')).toBe('state-123');
    expect(redirect.get('session_state')).toMatch(/^[0-9a-f-]{36}$/);

    const response = await redeemCode(demo, code, pkce);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store, no-cache');
    const body = (await response.json()) as TokenAnswer;
    expect(Object.keys(body)).toEqual([
      'token_type',
      'scope',
      'expires_in',
      'ext_expires_in',
      'access_token',
      'refresh_token',
    ]);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope:
        'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.ReadWrite offline_access',
      expires_in: 3599,
      ext_expires_in: 3599,
    });
    expect(claimsOf(body.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${demo.tenant.id}/`,
      appid: demo.app.clientId,
      appidacr: '1',
      idtyp: 'user',
      oid: '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63',
      upn: SUPPORT.upn,
      unique_name: SUPPORT.upn,
      name: 'Contoso Support',
      scp: 'User.Read Mail.Send Mail.ReadWrite',
      tid: demo.tenant.id,
      ver: '1.0',
    });
    expect(claimsOf(body.access_token)).not.toHaveProperty('roles');
    expect(demo.emulator.refreshTokens()).toEqual([
      expect.objectContaining({
        clientId: demo.app.clientId,
        userPrincipalName: SUPPORT.upn,
        scopes: ['offline_access', 'User.Read', 'Mail.Send', 'Mail.ReadWrite'],
        revoked: false,
      }),
    ]);
  });

  it('adds an id_token for openid, and gives no refresh token without offline_access', async () => {
    const tokens = await delegatedTokens(demo, SUPPORT, 'openid profile User.Read Mail.Send');
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe(
      'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.Send openid profile',
    );
    expect(claimsOf(tokens.id_token ?? '')).toMatchObject({
      aud: demo.app.clientId,
      iss: `https://login.microsoftonline.com/${demo.tenant.id}/v2.0`,
      preferred_username: SUPPORT.upn,
      oid: '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63',
      tid: demo.tenant.id,
      ver: '2.0',
    });
    expect(claimsOf(tokens.access_token).scp).toBe('openid profile User.Read Mail.Send');
  });

  it('refuses a replayed code with AADSTS54005', async () => {
    const pkce = newPkce();
    const { code } = await signInForCode(demo, authorizeParams(demo, pkce));
    expect((await redeemCode(demo, code, pkce)).status).toBe(200);
    await expectAadsts(await redeemCode(demo, code, pkce), 400, 'invalid_grant', 54005, REDEEMED);
  });

  it.each([
    [
      'a wrong PKCE verifier',
      { code_verifier: newPkce().verifier },
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    ],
    [
      'no PKCE verifier',
      { code_verifier: undefined },
      50148,
      'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
    ],
    [
      'another redirect URI',
      { redirect_uri: 'https://issue-mailer.example/x1/other' },
      50011,
      "The reply address 'https://issue-mailer.example/x1/other' does not match the reply address 'https://issue-mailer.example/x1/callback' provided when requesting Authorization code.",
    ],
    [
      'a code the emulator never issued',
      { code: '0.Anot-a-code' },
      9002313,
      'Invalid request. Request is malformed or invalid.',
    ],
  ])('refuses a code redeemed with %s (invalid_grant) and spends it', async (_what, overrides, code, text) => {
    const pkce = newPkce();
    const signedIn = await signInForCode(demo, authorizeParams(demo, pkce));
    await expectAadsts(await redeemCode(demo, signedIn.code, pkce, overrides), 400, 'invalid_grant', code, text);
    if (!('code' in overrides))
      await expectAadsts(await redeemCode(demo, signedIn.code, pkce), 400, 'invalid_grant', 54005, REDEEMED);
  });

  it('refuses a code redeemed by another client, which authenticates fine', async () => {
    const pkce = newPkce();
    const { code } = await signInForCode(demo, authorizeParams(demo, pkce));
    await expectAadsts(
      await redeemCode(demo, code, pkce, {}, demo.unconsentedApp),
      400,
      'invalid_grant',
      70000,
      'Provided grant is invalid or malformed. It was issued to another client.',
    );
  });

  it('redeems a code and refreshes with a certificate client assertion instead of the secret', async () => {
    const pkce = newPkce();
    const { code } = await signInForCode(demo, authorizeParams(demo, pkce));
    const key = createPrivateKey(readFileSync(DEMO_CERTIFICATE.privateKeyFile, 'utf8'));
    const now = Math.floor(demo.clock.now().getTime() / 1000);
    const signed = await new SignJWT({
      aud: demo.tokenUrl,
      iss: demo.app.clientId,
      sub: demo.app.clientId,
      jti: randomUUID(),
      nbf: now,
      exp: now + 600,
    })
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': DEMO_CERTIFICATE.x5tS256 })
      .sign(key);
    const byCertificate = {
      client_secret: undefined,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: signed,
    };
    const response = await redeemCode(demo, code, pkce, byCertificate);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenAnswer;
    expect(claimsOf(tokens.access_token).appidacr).toBe('2');
  });

  it('refuses a code with the wrong client secret before looking at the code', async () => {
    const pkce = newPkce();
    const { code } = await signInForCode(demo, authorizeParams(demo, pkce));
    const response = await redeemCode(demo, code, pkce, { client_secret: 'wrong' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as AadstsErrorBody).error_codes).toEqual([7000215]);
    expect((await redeemCode(demo, code, pkce)).status).toBe(200);
  });

  it('lets a code live 10 minutes (AADSTS70008 after)', async () => {
    const pkce = newPkce();
    const late = await signInForCode(demo, authorizeParams(demo, pkce));
    const inTime = await signInForCode(demo, authorizeParams(demo, pkce));
    demo.clock.advanceSeconds(600);
    expect((await redeemCode(demo, inTime.code, pkce)).status).toBe(200);
    demo.clock.advanceSeconds(1);
    await expectAadsts(
      await redeemCode(demo, late.code, pkce),
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  });

  it.each([
    ['code', { grant_type: 'authorization_code', code: undefined }],
    ['redirect_uri', { redirect_uri: undefined }],
  ])('asks for a missing %s (AADSTS900144)', async (name, overrides) => {
    await expectAadsts(
      await redeemCode(demo, 'x', newPkce(), overrides),
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    );
  });

  it('rotates refresh tokens: each refresh gives a new one, and the old one keeps working as Entra documents', async () => {
    const first = await delegatedTokens(demo);
    const answer = await refresh(demo, first.refresh_token ?? '');
    expect(answer.status).toBe(200);
    const second = (await answer.json()) as TokenAnswer;
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(claimsOf(second.access_token).scp).toBe('User.Read Mail.Send Mail.ReadWrite');
    expect((await refresh(demo, first.refresh_token ?? '')).status).toBe(200);
    expect(demo.emulator.refreshTokens()).toHaveLength(3);
  });

  it('refreshes for a subset of the scopes, refuses more (AADSTS65001) and a token of another client', async () => {
    const tokens = await delegatedTokens(demo);
    const narrower = await refresh(demo, tokens.refresh_token ?? '', demo.app, { scope: 'Mail.Send' });
    expect(narrower.status).toBe(200);
    expect(claimsOf(((await narrower.json()) as TokenAnswer).access_token).scp).toBe('Mail.Send');
    await expectAadsts(
      await refresh(demo, tokens.refresh_token ?? '', demo.app, { scope: 'Mail.Send Mail.Read' }),
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${demo.app.clientId}' named 'Issue Mailer (demo)'. Send an interactive authorization request for this user and resource.`,
    );
    await expectAadsts(
      await refresh(demo, tokens.refresh_token ?? '', demo.unconsentedApp),
      400,
      'invalid_grant',
      70000,
      'Provided grant is invalid or malformed. It was issued to another client.',
    );
  });

  it('after revokeSignInSessions every refresh token of that user fails with AADSTS50173, and signing in again fixes it', async () => {
    const support = await delegatedTokens(demo);
    const sales = await delegatedTokens(demo, SALES);
    const rotated = (await (await refresh(demo, support.refresh_token ?? '')).json()) as TokenAnswer;
    demo.clock.advanceSeconds(60);
    expect(demo.emulator.revokeSignInSessions(SUPPORT.upn)).toBe(true);
    expect(demo.emulator.revokeSignInSessions('nobody@contoso.onmicrosoft.com')).toBe(false);

    for (const token of [support.refresh_token, rotated.refresh_token]) {
      const response = await refresh(demo, token ?? '');
      expect(response.status).toBe(400);
      const body = (await response.json()) as AadstsErrorBody;
      expect(body.error).toBe('invalid_grant');
      expect(body.error_codes).toEqual([50173]);
      expect(body.error_description).toMatch(
        /^AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed\. The user might have changed or reset their password\. The grant was issued on '2030-06-01T12:00:00\.000Z' and the TokensValidFrom date \(before which tokens are not valid\) for this user is '2030-06-01T12:01:00\.000Z'\.\r\n/,
      );
    }
    expect((await refresh(demo, sales.refresh_token ?? '')).status).toBe(200);
    expect(demo.emulator.refreshTokens().map((token) => [token.userPrincipalName, token.revoked])).toEqual([
      [SUPPORT.upn, true],
      [SALES.upn, false],
      [SUPPORT.upn, true],
      [SALES.upn, false],
    ]);

    // Signing in again: the old browser session was revoked too, so this is a fresh sign-in (consent is kept).
    const again = await delegatedTokens(demo);
    expect((await refresh(demo, again.refresh_token ?? '')).status).toBe(200);
  });

  it('expires a refresh token unused for more than 90 days (AADSTS700082); using it restarts the 90 days', async () => {
    const kept = await delegatedTokens(demo);
    const idle = await delegatedTokens(demo);
    demo.clock.advanceSeconds(89 * DAY_SECONDS);
    expect((await refresh(demo, kept.refresh_token ?? '')).status).toBe(200);
    demo.clock.advanceSeconds(DAY_SECONDS + 1);
    expect((await refresh(demo, kept.refresh_token ?? '')).status).toBe(200);
    await expectAadsts(
      await refresh(demo, idle.refresh_token ?? ''),
      400,
      'invalid_grant',
      700082,
      'The refresh token has expired due to inactivity. The token was issued on 2030-06-01T12:00:00.000Z and was inactive for 90.00:00:00.',
    );
  });

  it('answers grant types it serves on v2 only as unsupported on the v1 endpoint', async () => {
    const response = await fetch(demo.tokenUrl.replace('/oauth2/v2.0/token', '/oauth2/token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'x',
        client_id: demo.app.clientId,
      }).toString(),
    });
    await expectAadsts(
      response,
      400,
      'unsupported_grant_type',
      70003,
      "The app requested an unsupported grant type 'refresh_token'.",
    );
  });
});
