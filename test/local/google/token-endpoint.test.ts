import { generateKeyPairSync } from 'node:crypto';

import { importPKCS8, SignJWT } from 'jose';

import { GoogleTokenErrorCode } from '../../../src/providers/google/errors';
import { JWT_BEARER_GRANT_TYPE } from '../../../src/providers/google/google-token-client';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../src/providers/google/scopes';
import { DEMO_CLIENT_ID, DEMO_KEY, type GoogleWorld, START, startGoogleWorld, SUPPORT } from './helpers';

const GOOGLE_AUD = 'https://oauth2.googleapis.com/token';
const NOT_SHORT_LIVED =
  "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your 'iat' and " +
  "'exp' values and use a clock with skew to account for clock differences between systems.";

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

/** An assertion signed by hand, for what the app's client never sends. */
const handSigned = async (
  claims: { aud?: string; iat?: number; exp?: number; sub?: string; scope?: string },
  header: { kid?: string } = { kid: DEMO_KEY.publicPart.privateKeyId },
  privateKeyPem = DEMO_KEY.privateKeyPem,
): Promise<string> => {
  const iat = claims.iat ?? START.getTime() / 1000;
  return new SignJWT({
    scope: claims.scope ?? GMAIL_SEND_SCOPE,
    ...(claims.sub === undefined ? {} : { sub: claims.sub }),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...header })
    .setIssuer(DEMO_KEY.publicPart.clientEmail)
    .setAudience(claims.aud ?? GOOGLE_AUD)
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp ?? iat + 3600)
    .sign(await importPKCS8(privateKeyPem.trim(), 'RS256'));
};

const grant = (assertion: string) => world.post({ grant_type: JWT_BEARER_GRANT_TYPE, assertion });

describe("Google emulator POST /token with the app's token client", () => {
  it('issues a one-hour opaque token for the demo service account acting as a delegated mailbox', async () => {
    const token = await world.token({ scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] });

    expect(token.expiresAt).toBe(START.getTime() + 3599 * 1000);
    expect(token.accessToken).toMatch(/^ya29\.emulator-[A-Za-z0-9_-]{43}$/);
    expect(world.emulator.lookupAccessToken(token.accessToken)).toEqual({
      clientEmail: 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com',
      clientId: DEMO_CLIENT_ID,
      subject: SUPPORT,
      scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE],
      expiresAt: START.getTime() + 3599 * 1000,
    });
    expect(world.emulator.requestCounts()).toEqual({ token: 1 });

    world.clock.advanceSeconds(3599);
    expect(world.emulator.lookupAccessToken(token.accessToken)).toBeUndefined();
  });

  it.each<[string, (w: GoogleWorld) => void, string[], string]>([
    [
      'a scope the Admin console does not allow',
      (w) => w.emulator.setDelegation(DEMO_CLIENT_ID, [GMAIL_SEND_SCOPE]),
      [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE],
      'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    ],
    [
      'a client missing from domain-wide delegation',
      (w) => w.emulator.setDelegation(DEMO_CLIENT_ID, undefined),
      [GMAIL_SEND_SCOPE],
      'Unauthorized client or scope in request.',
    ],
  ])('refuses %s with unauthorized_client', async (_name, change, scopes, description) => {
    change(world);
    const error = await world.tokenError({ scopes });
    expect({
      code: error.code,
      status: error.status,
      oauthError: error.oauthError,
      description: error.description,
    }).toEqual({
      code: GoogleTokenErrorCode.DelegationMissing,
      status: 401,
      oauthError: 'unauthorized_client',
      description,
    });
  });

  it.each<[string, string, ((w: GoogleWorld) => void) | undefined]>([
    ['an unknown user', 'nobody@example-google.test', undefined],
    ['a user outside the domain', 'someone@gmail.com', undefined],
    ['a suspended user (config)', 'former.agent@example-google.test', undefined],
    [
      'a user suspended in the Admin console',
      'helpdesk@example-google.test',
      (w) => w.emulator.setUserSuspended('helpdesk@example-google.test', true),
    ],
  ])('refuses %s with invalid_grant "Invalid email or User ID"', async (_name, subject, change) => {
    change?.(world);
    const error = await world.tokenError({ subject });
    expect([error.code, error.oauthError, error.description]).toEqual([
      GoogleTokenErrorCode.UserUnknown,
      'invalid_grant',
      'Invalid email or User ID',
    ]);
  });

  it('refuses a key that is not the service account\'s with "Invalid JWT Signature."', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const error = await world.tokenError({
      privateKeyPem: stranger.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    expect([error.code, error.oauthError, error.description]).toEqual([
      GoogleTokenErrorCode.KeyInvalid,
      'invalid_grant',
      'Invalid JWT Signature.',
    ]);
  });

  it('refuses a deleted or disabled key and accepts its rotated successor', async () => {
    const clientEmail = DEMO_KEY.publicPart.clientEmail;
    world.emulator.setServiceAccountKeyDisabled(clientEmail, DEMO_KEY.publicPart.privateKeyId, true);
    expect((await world.tokenError()).description).toBe('Invalid JWT Signature.');

    const fresh = world.emulator.createServiceAccountKey(clientEmail);
    world.emulator.deleteServiceAccountKey(clientEmail, DEMO_KEY.publicPart.privateKeyId);
    expect((await world.tokenError()).code).toBe(GoogleTokenErrorCode.KeyInvalid);
    await expect(
      world.token({ privateKeyId: fresh.private_key_id, privateKeyPem: fresh.private_key }),
    ).resolves.toMatchObject({ expiresAt: START.getTime() + 3599 * 1000 });
  });

  it('refuses a disabled service account with disabled_client', async () => {
    world.emulator.setServiceAccountDisabled(DEMO_KEY.publicPart.clientEmail, true);
    const error = await world.tokenError();
    expect([error.code, error.oauthError, error.description]).toEqual([
      GoogleTokenErrorCode.ClientDisabled,
      'disabled_client',
      'The OAuth client was disabled.',
    ]);
  });

  it('refuses an unknown service account', async () => {
    const error = await world.tokenError({ clientEmail: 'ghost@issue-mailer-demo.iam.gserviceaccount.com' });
    expect([error.code, error.description]).toEqual([
      GoogleTokenErrorCode.ServiceAccountNotFound,
      'Invalid grant: account not found',
    ]);
  });

  it.each([
    ['ten minutes ahead', 10 * 60 * 1000],
    ['two hours behind', -2 * 60 * 60 * 1000],
  ])('refuses an app clock %s as not short-lived, and accepts four minutes of skew', async (_name, offset) => {
    const error = await world.tokenError({}, offset);
    expect([error.code, error.oauthError, error.description]).toEqual([
      GoogleTokenErrorCode.ClockSkew,
      'invalid_grant',
      NOT_SHORT_LIVED,
    ]);
    await expect(world.token({}, Math.sign(offset) * 4 * 60 * 1000)).resolves.toBeDefined();
  });
});

describe('Google emulator POST /token, raw protocol', () => {
  const iat = START.getTime() / 1000;

  it("answers success with exactly Google's three fields", async () => {
    const answer = await grant(await handSigned({ sub: SUPPORT }));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(Object.keys(answer.body as object)).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(answer.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
  });

  it.each<[string, () => Promise<string>, number, { error: string; error_description: string }]>([
    [
      'an assertion for another audience',
      () => handSigned({ sub: SUPPORT, aud: 'https://example.test/token' }),
      400,
      { error: 'invalid_grant', error_description: 'Invalid JWT: Failed audience check.' },
    ],
    [
      'exp two hours after iat',
      () => handSigned({ sub: SUPPORT, exp: iat + 7200 }),
      400,
      { error: 'invalid_grant', error_description: NOT_SHORT_LIVED },
    ],
    [
      'exp before iat',
      () => handSigned({ sub: SUPPORT, exp: iat - 1 }),
      400,
      { error: 'invalid_grant', error_description: NOT_SHORT_LIVED },
    ],
    [
      'iat an hour in the future',
      () => handSigned({ sub: SUPPORT, iat: iat + 3600 }),
      400,
      { error: 'invalid_grant', error_description: NOT_SHORT_LIVED },
    ],
    [
      'no scope',
      () => handSigned({ sub: SUPPORT, scope: '' }),
      400,
      { error: 'invalid_scope', error_description: 'Invalid OAuth scope or ID token audience provided.' },
    ],
    [
      'comma-separated scopes',
      () => handSigned({ sub: SUPPORT, scope: `${GMAIL_SEND_SCOPE},${GMAIL_MODIFY_SCOPE}` }),
      400,
      { error: 'invalid_scope', error_description: 'Invalid OAuth scope or ID token audience provided.' },
    ],
    [
      'an unknown kid',
      () => handSigned({ sub: SUPPORT }, { kid: 'f'.repeat(40) }),
      400,
      { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    ],
    [
      'a token that is not a JWT',
      async () => 'not-a-jwt',
      400,
      { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    ],
  ])('refuses %s', async (_name, assertion, status, body) => {
    const answer = await grant(await assertion());
    expect({ status: answer.status, body: answer.body }).toEqual({ status, body });
  });

  it("takes an assertion without kid when one of the account's keys verifies it, and the emulator's own URL as aud", async () => {
    expect((await grant(await handSigned({ sub: SUPPORT }, {}))).status).toBe(200);
    expect((await grant(await handSigned({ sub: SUPPORT, aud: world.emulator.tokenUrl }))).status).toBe(200);
  });

  it('issues a token for the service account itself when there is no sub', async () => {
    const answer = await grant(await handSigned({}));
    const token = (answer.body as { access_token: string }).access_token;
    expect(world.emulator.lookupAccessToken(token)).toMatchObject({ subject: undefined, scopes: [GMAIL_SEND_SCOPE] });
  });

  it.each([
    [
      { grant_type: 'client_credentials' },
      { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: client_credentials' },
    ],
    [{}, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' }],
    [
      { grant_type: JWT_BEARER_GRANT_TYPE },
      { error: 'invalid_request', error_description: 'Missing required parameter: assertion' },
    ],
  ])('refuses the form %j', async (form, body) => {
    expect(await world.post(form)).toEqual({ status: 400, body, contentType: 'application/json; charset=utf-8' });
  });

  it('answers GET with 405 and other paths with 404', async () => {
    const get = await fetch(world.emulator.tokenUrl);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await fetch(`${world.emulator.url}/oauth2/v4/token`, { method: 'POST' })).status).toBe(404);
  });
});
