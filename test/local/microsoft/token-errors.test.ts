import {
  type AadstsErrorBody,
  clientCredentials,
  type Demo,
  GRAPH_SCOPE,
  postForm,
  startDemo,
  validSecret,
} from './helpers';

const UNKNOWN_TENANT = '0c8e2a64-5f1d-4b3a-9e7c-1d2f3a4b5c6d';
const UNKNOWN_APP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

interface ErrorCase {
  name: string;
  /** Builds the request against the demo tenant. */
  request: (demo: Demo) => { url: string; init: RequestInit };
  status: number;
  error: string;
  code: number;
}

const form = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) => ({
  url,
  init: {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  },
});
const v2 = (demo: Demo, tenant: string) => `${demo.emulator.loginBaseUrl}/${tenant}/oauth2/v2.0/token`;
const without = (params: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));

const cases: ErrorCase[] = [
  {
    name: 'no grant_type',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'grant_type')),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'a JSON body (parameters are read from form bodies only)',
    request: (d) => ({
      url: d.tokenUrl,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(clientCredentials(d.app)),
      },
    }),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'the password grant',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { grant_type: 'password' })),
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
  },
  {
    name: 'no client_id',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'client_id')),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'no scope',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'scope')),
    status: 400,
    error: 'invalid_request',
    code: 900144,
  },
  {
    name: 'the common tenant',
    request: (d) => form(v2(d, 'common'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 50059,
  },
  {
    name: 'the organizations tenant',
    request: (d) => form(v2(d, 'organizations'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 50059,
  },
  {
    name: 'the consumers tenant',
    request: (d) => form(v2(d, 'consumers'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 50059,
  },
  {
    name: 'a tenant that is neither GUID nor domain',
    request: (d) => form(v2(d, 'contoso'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_request',
    code: 900023,
  },
  {
    name: 'an unknown tenant ID',
    request: (d) => form(v2(d, UNKNOWN_TENANT), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
  },
  {
    name: 'an unknown domain',
    request: (d) => form(v2(d, 'fabrikam.onmicrosoft.com'), clientCredentials(d.app)),
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
  },
  {
    name: 'an app not in the tenant',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_id: UNKNOWN_APP })),
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
  },
  {
    name: 'no client secret',
    request: (d) => form(d.tokenUrl, without(clientCredentials(d.app), 'client_secret')),
    status: 401,
    error: 'invalid_client',
    code: 7000218,
  },
  {
    name: 'an empty client secret',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: '' })),
    status: 401,
    error: 'invalid_client',
    code: 7000218,
  },
  {
    name: 'a wrong client secret',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: 'Wr08Q~not-the-secret' })),
    status: 401,
    error: 'invalid_client',
    code: 7000215,
  },
  {
    name: 'the Secret ID instead of its value',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: d.app.secrets[0]?.id ?? '' })),
    status: 401,
    error: 'invalid_client',
    code: 7000215,
  },
  {
    name: "another app's secret",
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: validSecret(d.unconsentedApp) })),
    status: 401,
    error: 'invalid_client',
    code: 7000215,
  },
  {
    name: 'an expired client secret',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { client_secret: d.app.secrets[1]?.value ?? '' })),
    status: 401,
    error: 'invalid_client',
    code: 7000222,
  },
  {
    name: 'a client assertion naming no certificate',
    request: (d) =>
      form(d.tokenUrl, {
        ...without(clientCredentials(d.app), 'client_secret'),
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'eyJhbGciOiJQUzI1NiJ9.e30.c2ln',
      }),
    status: 401,
    error: 'invalid_client',
    code: 5002723,
  },
  {
    name: 'a delegated-style scope',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: 'https://graph.microsoft.com/Mail.Send' })),
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
  },
  {
    name: 'a bare permission as scope',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: 'Mail.Send' })),
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
  },
  {
    name: '.default without a resource',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: '.default' })),
    status: 400,
    error: 'invalid_scope',
    code: 70011,
  },
  {
    name: 'two resources in one scope',
    request: (d) =>
      form(d.tokenUrl, clientCredentials(d.app, { scope: `${GRAPH_SCOPE} https://outlook.office365.com/.default` })),
    status: 400,
    error: 'invalid_scope',
    code: 70011,
  },
  {
    name: 'an unknown resource',
    request: (d) => form(d.tokenUrl, clientCredentials(d.app, { scope: 'https://graph.microsoft.co/.default' })),
    status: 400,
    error: 'invalid_resource',
    code: 500011,
  },
  {
    name: 'an unknown v1 resource',
    request: (d) =>
      form(
        `${d.emulator.loginBaseUrl}/${d.tenant.id}/oauth2/token`,
        clientCredentials(d.app, { resource: 'https://graph.microsoft.com/.default' }),
      ),
    status: 400,
    error: 'invalid_resource',
    code: 500011,
  },
  {
    name: 'a GET request',
    request: (d) => ({ url: d.tokenUrl, init: { method: 'GET' } }),
    status: 400,
    error: 'invalid_request',
    code: 900561,
  },
];

describe('Microsoft emulator token endpoint: errors', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo.emulator.close());

  it.each(cases)('answers $name with $status $error AADSTS$code', async ({ request, status, error, code }) => {
    const { url, init } = request(demo);
    const response = await fetch(url, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as AadstsErrorBody;
    expect(Object.keys(body)).toEqual([
      'error',
      'error_description',
      'error_codes',
      'timestamp',
      'trace_id',
      'correlation_id',
      'error_uri',
    ]);
    expect(body.error).toBe(error);
    expect(body.error_codes).toEqual([code]);
    expect(body.error_description.startsWith(`AADSTS${code}: `)).toBe(true);
    expect(
      body.error_description.endsWith(
        `\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${body.correlation_id}\r\nTimestamp: 2030-06-01 12:00:00Z`,
      ),
    ).toBe(true);
    expect(body.timestamp).toBe('2030-06-01 12:00:00Z');
    expect(body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${code}`);
    expect(response.headers.get('x-ms-request-id')).toBe(body.trace_id);
  });

  it.each([
    [
      'no grant_type',
      (d: Demo) => without(clientCredentials(d.app), 'grant_type'),
      "AADSTS900144: The request body must contain the following parameter: 'grant_type'.",
    ],
    [
      'no client_id',
      (d: Demo) => without(clientCredentials(d.app), 'client_id'),
      "AADSTS900144: The request body must contain the following parameter: 'client_id'.",
    ],
    [
      'no scope',
      (d: Demo) => without(clientCredentials(d.app), 'scope'),
      "AADSTS900144: The request body must contain the following parameter: 'scope'.",
    ],
    [
      'the Secret ID instead of its value',
      (d: Demo) => clientCredentials(d.app, { client_secret: d.app.secrets[0]?.id ?? '' }),
      `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60'.`,
    ],
    [
      'an expired secret',
      (d: Demo) => clientCredentials(d.app, { client_secret: d.app.secrets[1]?.value ?? '' }),
      "AADSTS7000222: The provided client secret keys for app '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
    ],
    [
      'an app not in the tenant',
      (d: Demo) => clientCredentials(d.app, { client_id: UNKNOWN_APP }),
      `AADSTS700016: Application with identifier '${UNKNOWN_APP}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ],
    [
      'a delegated-style scope',
      (d: Demo) => clientCredentials(d.app, { scope: 'https://graph.microsoft.com/Mail.Send' }),
      'AADSTS1002012: The provided value for scope https://graph.microsoft.com/Mail.Send is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    ],
    [
      'an unknown resource',
      (d: Demo) => clientCredentials(d.app, { scope: 'https://graph.microsoft.co/.default' }),
      'AADSTS500011: The resource principal named https://graph.microsoft.co was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
    ],
  ])('writes the AADSTS text for %s', async (_name, params, text) => {
    const body = (await (await postForm(demo.tokenUrl, params(demo))).json()) as AadstsErrorBody;
    expect(body.error_description.split('\r\n')[0]).toBe(text);
  });

  it('names the tenant as sent when it is not found', async () => {
    const body = (await (
      await postForm(v2(demo, UNKNOWN_TENANT), clientCredentials(demo.app))
    ).json()) as AadstsErrorBody;
    expect(body.error_description.split('\r\n')[0]).toBe(
      `AADSTS90002: Tenant '${UNKNOWN_TENANT}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    );
  });

  it('uses the client-request-id header as the correlation id', async () => {
    const clientRequestId = '5b8f0e6a-3c2d-4e1f-a0b9-c8d7e6f5a4b3';
    const response = await postForm(demo.tokenUrl, clientCredentials(demo.app, { client_secret: 'wrong' }), {
      'client-request-id': clientRequestId,
    });
    const body = (await response.json()) as AadstsErrorBody;
    expect(body.correlation_id).toBe(clientRequestId);
    expect(body.error_description).toContain(`\r\nCorrelation ID: ${clientRequestId}\r\n`);
    expect(response.headers.get('client-request-id')).toBe(clientRequestId);
  });

  it('checks the client secret before the scope', async () => {
    const body = (await (
      await postForm(demo.tokenUrl, clientCredentials(demo.app, { client_secret: 'wrong', scope: 'Mail.Send' }))
    ).json()) as AadstsErrorBody;
    expect(body.error_codes).toEqual([7000215]);
  });

  it('rejects a wrong secret sent with HTTP Basic authentication', async () => {
    const basic = Buffer.from(`${demo.app.clientId}:wrong`).toString('base64');
    const response = await postForm(
      demo.tokenUrl,
      { grant_type: 'client_credentials', scope: GRAPH_SCOPE },
      { Authorization: `Basic ${basic}` },
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as AadstsErrorBody).error_codes).toEqual([7000215]);
  });

  it("answers an expired secret as Microsoft does: its documented fields, and no date of the secret's expiry", async () => {
    const expired = demo.app.secrets.find((secret) => secret.description === 'Old secret (expired)');
    if (expired === undefined) throw new Error('no expired secret in the demo tenant');
    const response = await postForm(demo.tokenUrl, clientCredentials(demo.app, { client_secret: expired.value }));
    expect(response.status).toBe(401);
    const body = (await response.json()) as AadstsErrorBody;
    expect(Object.keys(body).sort()).toEqual([
      'correlation_id',
      'error',
      'error_codes',
      'error_description',
      'error_uri',
      'timestamp',
      'trace_id',
    ]);
    expect([body.error, body.error_codes, body.error_uri]).toEqual([
      'invalid_client',
      [7000222],
      'https://login.microsoftonline.com/error?code=7000222',
    ]);
    expect(JSON.stringify(body)).not.toContain(expired.expiresOn.slice(0, 10));
  });

  it('expires a secret when the clock passes its expiresOn', async () => {
    const config = demo.emulator.config;
    const tenant = config.tenants[0];
    if (tenant === undefined) throw new Error('no tenant');
    const shortLived = {
      ...tenant,
      apps: [
        {
          ...demo.app,
          secrets: [
            {
              id: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f',
              value: 'Sh08Q~short-lived',
              description: 'short',
              expiresOn: '2030-06-01T12:00:30Z',
            },
          ],
        },
      ],
    };
    const other = await startDemo({ tenants: [shortLived] });
    try {
      const params = clientCredentials(other.app, { client_secret: 'Sh08Q~short-lived' });
      expect((await postForm(other.tokenUrl, params)).status).toBe(200);
      other.clock.advanceSeconds(30);
      const response = await postForm(other.tokenUrl, params);
      expect(response.status).toBe(401);
      expect(((await response.json()) as AadstsErrorBody).error_codes).toEqual([7000222]);
    } finally {
      await other.emulator.close();
    }
  });
});
