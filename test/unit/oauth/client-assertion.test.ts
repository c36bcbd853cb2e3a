import { createHash, X509Certificate } from 'node:crypto';

import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';

import { ASSERTION_LIFETIME_SECONDS, signClientAssertion } from '../../../src/oauth/client-assertion';
import { TokenError } from '../../../src/oauth/errors';
import { APP_CERTIFICATE, APP_KEY, APP_RSA_KEY, EC_KEY, OTHER_KEY } from '../support/certificates';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const ENDPOINT = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const THUMBPRINT_S256 = createHash('sha256').update(new X509Certificate(APP_CERTIFICATE).raw).digest('base64url');

const sign = (privateKeyPem = APP_KEY) =>
  signClientAssertion(
    { clientId: CLIENT_ID, tokenEndpoint: ENDPOINT, privateKeyPem, thumbprintSha256: THUMBPRINT_S256 },
    { now: () => NOW + 999, newId: () => 'jti-1' },
  );

describe('signClientAssertion', () => {
  it.each([
    ['PKCS#8', APP_KEY],
    ['PKCS#1', APP_RSA_KEY],
  ])('signs a PS256 assertion the certificate verifies (%s key)', async (_form, key) => {
    const assertion = await sign(key);

    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'PS256', typ: 'JWT', 'x5t#S256': THUMBPRINT_S256 });
    const { payload } = await jwtVerify(assertion, await importX509(APP_CERTIFICATE, 'PS256'), {
      algorithms: ['PS256'],
      audience: ENDPOINT,
      issuer: CLIENT_ID,
      subject: CLIENT_ID,
      currentDate: new Date(NOW),
    });
    const now = NOW / 1000;
    expect(payload).toEqual({
      aud: ENDPOINT,
      iss: CLIENT_ID,
      sub: CLIENT_ID,
      jti: 'jti-1',
      nbf: now,
      iat: now,
      exp: now + 600,
    });
    expect(ASSERTION_LIFETIME_SECONDS).toBe(600);
  });

  it('gives every assertion its own jti by default', async () => {
    const input = {
      clientId: CLIENT_ID,
      tokenEndpoint: ENDPOINT,
      privateKeyPem: APP_KEY,
      thumbprintSha256: THUMBPRINT_S256,
    };
    const [a, b] = await Promise.all([
      signClientAssertion(input, { now: () => NOW }),
      signClientAssertion(input, { now: () => NOW }),
    ]);
    const jti = (jwt: string) =>
      (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { jti: string }).jti;
    expect(jti(a)).toMatch(/^[0-9a-f-]{36}$/);
    expect(jti(a)).not.toBe(jti(b));
  });

  it('an assertion signed with another key fails verification against the certificate', async () => {
    const assertion = await sign(OTHER_KEY);
    await expect(
      jwtVerify(assertion, await importX509(APP_CERTIFICATE, 'PS256'), { currentDate: new Date(NOW) }),
    ).rejects.toThrow('signature verification failed');
  });

  it.each([
    [
      'an unreadable key',
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
      'Signing the client assertion failed: the stored private key could not be read.',
    ],
    ['an EC key', EC_KEY, 'Signing the client assertion failed: the private key is ec, not RSA.'],
  ])('refuses %s with TOKEN_CLIENT_ASSERTION_FAILED, never quoting the key', async (_label, key, message) => {
    const error = await sign(key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ code: 'TOKEN_CLIENT_ASSERTION_FAILED', message });
  });
});
