import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';

import {
  clientCredentials,
  type Demo,
  demoConfig,
  GRAPH_SCOPE,
  postForm,
  START,
  startDemo,
  validSecret,
} from './helpers';

describe('Microsoft emulator token endpoint: success', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo.emulator.close());

  it('issues an RS256 app token with the claims of a real Graph app token', async () => {
    const response = await postForm(demo.tokenUrl, clientCredentials(demo.app));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store, no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'ext_expires_in', 'access_token']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });

    const token = body.access_token as string;
    const header = decodeProtectedHeader(token);
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    expect(header.kid).toBe(header.x5t);

    const iat = START.getTime() / 1000;
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${demo.tenant.id}/`,
      idp: `https://sts.windows.net/${demo.tenant.id}/`,
      iat,
      nbf: iat,
      exp: iat + 3599,
      app_displayname: 'Issue Mailer (demo)',
      appid: demo.app.clientId,
      appidacr: '1',
      azp: demo.app.clientId,
      idtyp: 'app',
      tid: demo.tenant.id,
      ver: '1.0',
      roles: ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All'],
    });
    expect(claims.sub).toBe(claims.oid);
    expect(claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('signs with the key published in the tenant JWKS', async () => {
    const token = (
      (await (await postForm(demo.tokenUrl, clientCredentials(demo.app))).json()) as { access_token: string }
    ).access_token;
    const jwks = (await (
      await fetch(`${demo.emulator.loginBaseUrl}/${demo.tenant.id}/discovery/v2.0/keys`)
    ).json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({
      kty: 'RSA',
      use: 'sig',
      kid: decodeProtectedHeader(token).kid,
      issuer: `${demo.emulator.loginBaseUrl}/${demo.tenant.id}/v2.0`,
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: `https://sts.windows.net/${demo.tenant.id}/`,
      audience: 'https://graph.microsoft.com',
      currentDate: START,
    });
    expect(payload.appid).toBe(demo.app.clientId);
  });

  it('leaves the roles claim out when admin consent was not granted', async () => {
    const response = await postForm(demo.tokenUrl, clientCredentials(demo.unconsentedApp));
    expect(response.status).toBe(200);
    const claims = decodeJwt(((await response.json()) as { access_token: string }).access_token);
    expect(claims.appid).toBe(demo.unconsentedApp.clientId);
    expect('roles' in claims).toBe(false);
  });

  it.each([
    ['the tenant ID', (d: Demo) => d.tenant.id],
    ['the tenant ID in upper case', (d: Demo) => d.tenant.id.toUpperCase()],
    ['a verified domain', () => 'contoso.onmicrosoft.com'],
    ['a verified domain in mixed case', () => 'Contoso.OnMicrosoft.com'],
  ])('accepts %s as the tenant in the URL', async (_name, tenant) => {
    const response = await postForm(
      `${demo.emulator.loginBaseUrl}/${tenant(demo)}/oauth2/v2.0/token`,
      clientCredentials(demo.app),
    );
    expect(response.status).toBe(200);
    expect(decodeJwt(((await response.json()) as { access_token: string }).access_token).tid).toBe(demo.tenant.id);
  });

  it.each([GRAPH_SCOPE, 'https://graph.microsoft.com//.default', '00000003-0000-0000-c000-000000000000/.default'])(
    'accepts the Graph scope %s',
    async (scope) => {
      const response = await postForm(demo.tokenUrl, clientCredentials(demo.app, { scope }));
      expect(response.status).toBe(200);
      expect(decodeJwt(((await response.json()) as { access_token: string }).access_token).aud).toBe(
        'https://graph.microsoft.com',
      );
    },
  );

  it('accepts HTTP Basic client authentication instead of body credentials', async () => {
    const basic = Buffer.from(
      `${encodeURIComponent(demo.app.clientId)}:${encodeURIComponent(validSecret(demo.app))}`,
    ).toString('base64');
    const response = await postForm(
      demo.tokenUrl,
      { grant_type: 'client_credentials', scope: GRAPH_SCOPE },
      { Authorization: `Basic ${basic}` },
    );
    expect(response.status).toBe(200);
    expect(decodeJwt(((await response.json()) as { access_token: string }).access_token).appid).toBe(demo.app.clientId);
  });

  it('echoes client-request-id and answers with a fresh x-ms-request-id', async () => {
    const clientRequestId = '0f2d7c1e-5a4b-4c3d-9e8f-7a6b5c4d3e2f';
    const response = await postForm(demo.tokenUrl, clientCredentials(demo.app), {
      'client-request-id': clientRequestId,
    });
    expect(response.headers.get('client-request-id')).toBe(clientRequestId);
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers the v1 endpoint with string numbers and the resource echoed', async () => {
    const response = await postForm(`${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/token`, {
      grant_type: 'client_credentials',
      client_id: demo.app.clientId,
      client_secret: validSecret(demo.app),
      resource: 'https://graph.microsoft.com',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const iat = START.getTime() / 1000;
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: '3599',
      ext_expires_in: '3599',
      expires_on: String(iat + 3599),
      not_before: String(iat),
      resource: 'https://graph.microsoft.com',
      access_token: body.access_token,
    });
    expect(decodeJwt(body.access_token as string)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      roles: ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All'],
    });
  });

  it('issues an Azure AD Graph token, without roles, when a v1 request has no resource', async () => {
    const response = await postForm(
      `${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/token`,
      clientCredentials(demo.app),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body.resource).toBe('00000002-0000-0000-c000-000000000000');
    const claims = decodeJwt(body.access_token as string);
    expect(claims.aud).toBe('00000002-0000-0000-c000-000000000000');
    expect('roles' in claims).toBe(false);
  });

  it('publishes OpenID Connect metadata naming the tenant by id, even when asked by domain', async () => {
    const response = await fetch(
      `${demo.emulator.loginBaseUrl}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: `${demo.emulator.loginBaseUrl}/${demo.tenant.id}/v2.0`,
      token_endpoint: demo.tokenUrl,
      jwks_uri: `${demo.emulator.loginBaseUrl}/${demo.tenant.id}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    });
  });

  it('answers metadata for an unknown tenant with AADSTS90002', async () => {
    const response = await fetch(
      `${demo.emulator.loginBaseUrl}/fabrikam.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error_codes: number[] }).error_codes).toEqual([90002]);
  });
});

describe('Microsoft emulator token endpoint: configured lifetime', () => {
  it('uses tokenLifetimeSeconds for expires_in and exp', async () => {
    const demo = await startDemo({ ...demoConfig(), tokenLifetimeSeconds: 60 });
    try {
      const body = (await (await postForm(demo.tokenUrl, clientCredentials(demo.app))).json()) as {
        expires_in: number;
        ext_expires_in: number;
        access_token: string;
      };
      expect([body.expires_in, body.ext_expires_in]).toEqual([60, 60]);
      expect(decodeJwt(body.access_token).exp).toBe(START.getTime() / 1000 + 60);
    } finally {
      await demo.emulator.close();
    }
  });
});
