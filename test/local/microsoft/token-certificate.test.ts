import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { readFileSync } from 'node:fs';

import { decodeJwt, SignJWT } from 'jose';

import {
  type AadstsErrorBody,
  type Demo,
  DEMO_CERTIFICATE,
  demoConfig,
  GRAPH_SCOPE,
  postForm,
  START,
  startDemo,
  useDemo,
  validSecret,
} from './helpers';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const CERT_DOCS = 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials';
const NOW = START.getTime() / 1000;

const demoKey = (): KeyObject => createPrivateKey(readFileSync(DEMO_CERTIFICATE.privateKeyFile, 'utf8'));

interface AssertionOptions {
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Claims to leave out. */
  without?: string[];
  key?: KeyObject;
}

/** A client assertion for `clientId` as MSAL builds one: PS256, x5t#S256 of the demo certificate, 10 minutes. */
const assertion = async (demo: Demo, options: AssertionOptions = {}, clientId = demo.app.clientId): Promise<string> => {
  const claims: Record<string, unknown> = {
    aud: demo.tokenUrl,
    iss: clientId,
    sub: clientId,
    jti: randomUUID(),
    nbf: NOW,
    iat: NOW,
    exp: NOW + 600,
    ...options.claims,
  };
  for (const name of options.without ?? []) delete claims[name];
  const header = { alg: 'PS256', typ: 'JWT', 'x5t#S256': DEMO_CERTIFICATE.x5tS256, ...options.header };
  return new SignJWT(claims).setProtectedHeader(header).sign(options.key ?? demoKey());
};

const assertionForm = (
  demo: Demo,
  clientAssertion: string,
  extra: Record<string, string> = {},
  clientId = demo.app.clientId,
) => ({
  grant_type: 'client_credentials',
  client_id: clientId,
  scope: GRAPH_SCOPE,
  client_assertion_type: ASSERTION_TYPE,
  client_assertion: clientAssertion,
  ...extra,
});

const tokenError = async (
  response: Response,
): Promise<{ status: number; error: string; code: number | undefined; text: string }> => {
  const body = (await response.json()) as AadstsErrorBody;
  return {
    status: response.status,
    error: body.error,
    code: body.error_codes[0],
    text: body.error_description.split('\r\n')[0] ?? '',
  };
};

const keysHint = (appId: string) =>
  `Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. ` +
  'Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and ' +
  'https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, ' +
  `such as 'https://graph.microsoft.com/beta/applications/${appId}'`;

describe('Microsoft emulator token endpoint: certificate credentials', () => {
  const demo = useDemo();

  it('issues a token for an assertion signed with the registered certificate, marked as certificate-authenticated', async () => {
    const response = await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo)));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token_type: string; expires_in: number; access_token: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(decodeJwt(body.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      appid: demo.app.clientId,
      appidacr: '2',
      roles: ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All'],
      tid: demo.tenant.id,
    });
  });

  it('gives a token Graph accepts', async () => {
    const token = (
      (await (await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo)))).json()) as {
        access_token: string;
      }
    ).access_token;
    const response = await fetch(`${demo.emulator.graphBaseUrl}/v1.0/users/support@contoso.onmicrosoft.com`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it.each<[string, AssertionOptions]>([
    ['RS256 with the SHA-1 x5t', { header: { alg: 'RS256', 'x5t#S256': undefined, x5t: DEMO_CERTIFICATE.x5t } }],
    ['RS512 with x5t#S256', { header: { alg: 'RS512' } }],
    ['an audience naming the tenant by its domain', { claims: { aud: 'TENANT_BY_DOMAIN' } }],
    ['an expiry passed less than the clock skew ago', { claims: { nbf: NOW - 900, exp: NOW - 200 } }],
    ['a not-before less than the clock skew ahead', { claims: { nbf: NOW + 200, exp: NOW + 800 } }],
    ['no nbf', { without: ['nbf'] }],
    ['a day-long lifetime (Entra documents no limit)', { claims: { exp: NOW + 86_400 } }],
  ])('accepts %s', async (_name, options) => {
    const aud =
      options.claims?.aud === 'TENANT_BY_DOMAIN'
        ? `${demo.emulator.loginBaseUrl}/contoso.onmicrosoft.com/oauth2/v2.0/token`
        : undefined;
    const signed = await assertion(demo, {
      ...options,
      claims: { ...options.claims, ...(aud === undefined ? {} : { aud }) },
    });
    const response = await postForm(demo.tokenUrl, assertionForm(demo, signed));
    expect(response.status).toBe(200);
  });

  it('accepts an assertion addressed to the v1 endpoint at the v1 endpoint', async () => {
    const v1 = `${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/token`;
    const signed = await assertion(demo, { claims: { aud: v1 } });
    const response = await postForm(v1, { ...assertionForm(demo, signed), resource: 'https://graph.microsoft.com' });
    expect(response.status).toBe(200);
    expect(decodeJwt(((await response.json()) as { access_token: string }).access_token).appidacr).toBe('2');
  });

  it('refuses an assertion signed with another key, naming the registered certificate it claims', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const response = await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo, { key: other })));
    expect(await tokenError(response)).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 700027,
      text:
        'AADSTS700027: Client assertion contains an invalid signature. [Reason - Key was found, but use of the key to verify the signature failed., ' +
        `Thumbprint of key used by client: '${Buffer.from(DEMO_CERTIFICATE.x5tS256, 'base64url').toString('hex').toUpperCase()}', ` +
        `Found key 'Start=11/26/2026 16:33:09, End=11/23/2036 16:33:09', ${keysHint(demo.app.clientId)}]`,
    });
  });

  it('refuses an assertion whose payload was changed after signing', async () => {
    const [header, payload, signature] = (await assertion(demo)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: NOW + 86_400 * 365 })).toString('base64url');
    const response = await postForm(demo.tokenUrl, assertionForm(demo, `${header}.${forged}.${signature}`));
    expect((await tokenError(response)).code).toBe(700027);
  });

  it('refuses a certificate the app does not have, quoting its thumbprint', async () => {
    const unknown = createHash('sha256').update(randomBytes(32)).digest();
    const response = await postForm(
      demo.tokenUrl,
      assertionForm(demo, await assertion(demo, { header: { 'x5t#S256': unknown.toString('base64url') } })),
    );
    expect(await tokenError(response)).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 700027,
      text:
        `AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${unknown.toString('hex').toUpperCase()}', ` +
        `${keysHint(demo.app.clientId)}]. Alternatively, SNI may be configured on the app. Please ensure that client assertion is being sent ` +
        "with the x5c claim in the JWT header using MSAL's WithSendX5C() method so that Azure Active Directory can validate the certificate being used.",
    });
  });

  it('refuses the demo certificate for an app it is not registered on', async () => {
    const other = demo.unconsentedApp;
    const response = await postForm(
      demo.tokenUrl,
      assertionForm(demo, await assertion(demo, {}, other.clientId), {}, other.clientId),
    );
    const error = await tokenError(response);
    expect([error.status, error.code]).toEqual([401, 700027]);
    expect(error.text).toContain(
      `[Reason - The key was not found., Thumbprint of key used by client: '${Buffer.from(DEMO_CERTIFICATE.x5tS256, 'base64url').toString('hex').toUpperCase()}'`,
    );
  });

  it.each([
    ['the v1 endpoint', (d: Demo) => `${d.emulator.loginBaseUrl}/${d.tenant.id}/oauth2/token`],
    ['login.microsoftonline.com', (d: Demo) => `https://login.microsoftonline.com/${d.tenant.id}/oauth2/v2.0/token`],
    [
      'another tenant',
      (d: Demo) => `${d.emulator.loginBaseUrl}/0c8e2a64-5f1d-4b3a-9e7c-1d2f3a4b5c6d/oauth2/v2.0/token`,
    ],
    ['the common endpoint', (d: Demo) => `${d.emulator.loginBaseUrl}/common/oauth2/v2.0/token`],
    ['Microsoft Graph', () => 'https://graph.microsoft.com'],
  ])('refuses an audience naming %s with AADSTS700023', async (_name, aud) => {
    const response = await postForm(
      demo.tokenUrl,
      assertionForm(demo, await assertion(demo, { claims: { aud: aud(demo) } })),
    );
    expect(await tokenError(response)).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 700023,
      text: `AADSTS700023: Client assertion audience claim does not match Realm issuer. Review the documentation at ${CERT_DOCS} .`,
    });
  });

  it('refuses an expired assertion with AADSTS700024 and its times', async () => {
    const response = await postForm(
      demo.tokenUrl,
      assertionForm(demo, await assertion(demo, { claims: { nbf: NOW - 1200, exp: NOW - 600 } })),
    );
    expect(await tokenError(response)).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 700024,
      text:
        'AADSTS700024: Client assertion is not within its valid time range. Current time: 2030-06-01T12:00:00.0000000Z, ' +
        'assertion valid from 2030-06-01T11:40:00.0000000Z, expiry time of assertion 2030-06-01T11:50:00.0000000Z. ' +
        `Review the documentation at ${CERT_DOCS} .`,
    });
  });

  it.each<[string, AssertionOptions, string]>([
    [
      'an assertion not valid yet',
      { claims: { nbf: NOW + 600, exp: NOW + 1200 } },
      'assertion valid from 2030-06-01T12:10:00.0000000Z, expiry time of assertion 2030-06-01T12:20:00.0000000Z',
    ],
    [
      'an assertion without exp',
      { without: ['exp'] },
      'assertion valid from 2030-06-01T12:00:00.0000000Z, expiry time of assertion 1970-01-01T00:00:00.0000000Z',
    ],
  ])('refuses %s with AADSTS700024', async (_name, options, times) => {
    const error = await tokenError(await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo, options))));
    expect([error.status, error.code]).toEqual([401, 700024]);
    expect(error.text).toContain(`Current time: 2030-06-01T12:00:00.0000000Z, ${times}.`);
  });

  it.each<[string, () => Promise<string> | string, number, string, number, string]>([
    [
      'a value that is not a JWT',
      () => 'not-a-jwt',
      400,
      'invalid_request',
      50027,
      'AADSTS50027: JWT token is invalid or malformed.',
    ],
    [
      'an unsigned-looking JWT with a header that is not JSON',
      () => 'bm90LWpzb24.e30.c2ln',
      400,
      'invalid_request',
      50027,
      'AADSTS50027: JWT token is invalid or malformed.',
    ],
    [
      'an HS256 assertion',
      () =>
        new SignJWT({ iss: 'x' })
          .setProtectedHeader({ alg: 'HS256', 'x5t#S256': DEMO_CERTIFICATE.x5tS256 })
          .sign(randomBytes(32)),
      401,
      'invalid_client',
      5002738,
      "AADSTS5002738: Invalid JWT token. 'HS256' is not a supported signature algorithm. Supported signing algorithms are: 'RS256,RS384,RS512'",
    ],
  ])('refuses %s', async (_name, make, status, error, code, text) => {
    const response = await postForm(demo.tokenUrl, assertionForm(demo, await make()));
    expect(await tokenError(response)).toEqual({ status, error, code, text });
  });

  it('refuses a header naming no certificate with AADSTS5002723', async () => {
    const response = await postForm(
      demo.tokenUrl,
      assertionForm(demo, await assertion(demo, { header: { 'x5t#S256': undefined } })),
    );
    expect(await tokenError(response)).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 5002723,
      text: 'AADSTS5002723: Invalid JWT token. No certificate SHA-1 thumbprint, certificate SHA-256 thumbprint, nor keyId specified in token header.',
    });
  });

  it.each(['iss', 'aud', 'sub', 'jti'])('refuses an assertion without %s with AADSTS90014', async (claim) => {
    const response = await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo, { without: [claim] })));
    expect(await tokenError(response)).toEqual({
      status: 400,
      error: 'invalid_request',
      code: 90014,
      text: `AADSTS90014: The required field '${claim}' is missing from the credential. Ensure that you have all the necessary parameters for the login request.`,
    });
  });

  it.each([
    ['iss', { iss: '5e7c9a1b-2d4f-4a6c-8e0b-7f9d1c3e5a72' }],
    ['sub', { sub: '5e7c9a1b-2d4f-4a6c-8e0b-7f9d1c3e5a72' }],
  ])('refuses an assertion whose %s is another app with AADSTS700021', async (_claim, claims) => {
    const response = await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo, { claims })));
    expect(await tokenError(response)).toEqual({
      status: 401,
      error: 'invalid_client',
      code: 700021,
      text: `AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at ${CERT_DOCS} .`,
    });
  });

  it.each([
    ['a client secret in the body', (d: Demo) => ({ client_secret: validSecret(d.app) }), {}],
    ['HTTP Basic credentials', () => ({}), { Authorization: 'BASIC' }],
  ])('refuses an assertion sent with %s', async (_name, extra, headers) => {
    const basic = `Basic ${Buffer.from(`${demo.app.clientId}:${validSecret(demo.app)}`).toString('base64')}`;
    const response = await postForm(
      demo.tokenUrl,
      assertionForm(demo, await assertion(demo), extra(demo)),
      'Authorization' in headers ? { Authorization: basic } : {},
    );
    expect(await tokenError(response)).toEqual({
      status: 400,
      error: 'invalid_request',
      code: 90100,
      text: "AADSTS90100: The request must not contain both 'client_secret' and 'client_assertion'; send one client credential.",
    });
  });

  it.each([
    ['without client_assertion_type', { client_assertion_type: '' }],
    [
      'with another client_assertion_type',
      { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' },
    ],
  ])('refuses an assertion %s with AADSTS900144', async (_name, extra) => {
    const response = await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo), extra));
    expect(await tokenError(response)).toEqual({
      status: 400,
      error: 'invalid_request',
      code: 900144,
      text: "AADSTS900144: The request body must contain the following parameter: 'client_assertion_type'.",
    });
  });
});

describe('Microsoft emulator token endpoint: certificate validity', () => {
  /** The demo tenant with the demo certificate's key credential ending on `expiresOn`. */
  const demoWithCertificateEnding = async (expiresOn: string): Promise<Demo> => {
    const config = demoConfig();
    const certificate = config.tenants[0]?.apps[0]?.certificates?.[0];
    if (certificate === undefined) throw new Error('the demo app has no certificate');
    certificate.expiresOn = expiresOn;
    return startDemo(config);
  };

  it('refuses a certificate past its expiry with "The key used is expired."', async () => {
    const demo = await demoWithCertificateEnding('2029-01-01T00:00:00Z');
    try {
      const response = await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo)));
      expect(await tokenError(response)).toEqual({
        status: 401,
        error: 'invalid_client',
        code: 700027,
        text:
          'AADSTS700027: Client assertion contains an invalid signature. [Reason - The key used is expired., ' +
          `Thumbprint of key used by client: '${Buffer.from(DEMO_CERTIFICATE.x5tS256, 'base64url').toString('hex').toUpperCase()}', ` +
          "Found key 'Start=11/26/2026 16:33:09, End=01/01/2029 00:00:00']",
      });
    } finally {
      await demo.emulator.close();
    }
  });

  it('stops accepting a certificate the moment its expiry passes', async () => {
    const demo = await demoWithCertificateEnding('2030-06-01T12:00:30Z');
    try {
      expect((await postForm(demo.tokenUrl, assertionForm(demo, await assertion(demo)))).status).toBe(200);
      demo.clock.advanceSeconds(30);
      const response = await postForm(
        demo.tokenUrl,
        assertionForm(demo, await assertion(demo, { claims: { nbf: NOW + 30, exp: NOW + 630 } })),
      );
      expect((await tokenError(response)).text).toContain('[Reason - The key used is expired.');
    } finally {
      await demo.emulator.close();
    }
  });
});
