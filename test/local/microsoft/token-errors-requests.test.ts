import { type AadstsErrorBody, clientCredentials, type Demo, postForm, startDemo } from './helpers';
import { cases, UNKNOWN_APP, UNKNOWN_TENANT, v2, without } from './token-errors-fixtures';

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
});
