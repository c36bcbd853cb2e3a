import { demoConfig, getToken, type GraphErrorBody, startDemo, useDemo } from './helpers';

describe('Microsoft emulator Graph GET /users/{id}', () => {
  const demo = useDemo();

  const getUser = (user: string, bearer: string, query = '') =>
    fetch(`${demo.emulator.graphBaseUrl}/v1.0/users/${encodeURIComponent(user)}${query}`, {
      headers: { Authorization: `Bearer ${bearer}` },
    });

  it.each([
    'support@contoso.onmicrosoft.com',
    'Support@Contoso.onmicrosoft.com',
    '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63',
  ])('returns the default user properties for %s', async (user) => {
    const response = await getUser(user, demo.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    );
    expect(await response.json()).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users/$entity`,
      businessPhones: [],
      displayName: 'Contoso Support',
      givenName: null,
      jobTitle: null,
      mail: 'support@contoso.onmicrosoft.com',
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: null,
      userPrincipalName: 'support@contoso.onmicrosoft.com',
      id: '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63',
    });
  });

  it('honours $select, answering only the named properties', async () => {
    const response = await getUser(
      'support@contoso.onmicrosoft.com',
      demo.token,
      '?$select=id,displayName,userPrincipalName,mail,proxyAddresses',
    );
    expect(await response.json()).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users(id,displayName,userPrincipalName,mail,proxyAddresses)/$entity`,
      id: '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63',
      displayName: 'Contoso Support',
      userPrincipalName: 'support@contoso.onmicrosoft.com',
      mail: 'support@contoso.onmicrosoft.com',
      proxyAddresses: ['SMTP:support@contoso.onmicrosoft.com'],
    });
  });

  it('answers a $select of a property users do not have as Graph does', async () => {
    const response = await getUser('support@contoso.onmicrosoft.com', demo.token, '?$select=displayName,colour');
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphErrorBody;
    expect([body.error.code, body.error.message]).toEqual([
      'RequestBroker--ParseUri',
      "Could not find a property named 'colour' on type 'microsoft.graph.user'.",
    ]);
  });

  it('returns a user without an Exchange mailbox with mail null', async () => {
    const body = (await (await getUser('noreply@contoso.onmicrosoft.com', demo.token)).json()) as Record<
      string,
      unknown
    >;
    expect(body.mail).toBeNull();
    expect(body.userPrincipalName).toBe('noreply@contoso.onmicrosoft.com');
  });

  it('answers an unknown user with 404 Request_ResourceNotFound', async () => {
    const response = await getUser('ghost@contoso.onmicrosoft.com', demo.token);
    expect(response.status).toBe(404);
    const body = (await response.json()) as GraphErrorBody;
    expect([body.error.code, body.error.message]).toEqual([
      'Request_ResourceNotFound',
      "Resource 'ghost@contoso.onmicrosoft.com' does not exist or one of its queried reference-property objects are not present.",
    ]);
  });

  it('answers a token without any role with 401 NoPermissionsInAccessToken', async () => {
    const response = await getUser('support@contoso.onmicrosoft.com', await getToken(demo, demo.unconsentedApp));
    expect(response.status).toBe(401);
    const body = (await response.json()) as GraphErrorBody;
    expect([body.error.code, body.error.message]).toEqual([
      'NoPermissionsInAccessToken',
      'The token contains no permissions, or permissions can not be understood.',
    ]);
  });

  it('answers a token with roles but no user read permission with 403 Authorization_RequestDenied', async () => {
    const config = demoConfig();
    const tenant = config.tenants[0];
    const app = tenant?.apps[0];
    if (tenant === undefined || app === undefined) throw new Error('demo config changed');
    const sendOnly = await startDemo({
      tenants: [{ ...tenant, apps: [{ ...app, applicationPermissions: ['Mail.Send'] }] }],
    });
    try {
      const response = await fetch(`${sendOnly.emulator.graphBaseUrl}/v1.0/users/support@contoso.onmicrosoft.com`, {
        headers: { Authorization: `Bearer ${await getToken(sendOnly)}` },
      });
      expect(response.status).toBe(403);
      const body = (await response.json()) as GraphErrorBody;
      expect([body.error.code, body.error.message]).toEqual([
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      ]);
    } finally {
      await sendOnly.emulator.close();
    }
  });
});
