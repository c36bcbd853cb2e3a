import { type AadstsErrorBody, clientCredentials, type Demo, GRAPH_SCOPE, postForm, startDemo } from './helpers';

describe('Microsoft emulator token endpoint: errors', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo.emulator.close());

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
