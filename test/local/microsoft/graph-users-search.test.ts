import { demoConfig, getToken, type GraphErrorBody, startDemo, useDemo } from './helpers';

describe('Microsoft emulator Graph GET /users (directory search)', () => {
  const demo = useDemo();
  const list = (query: string, headers: Record<string, string> = {}, token = demo.token) =>
    fetch(`${demo.emulator.graphBaseUrl}/v1.0/users?${query}`, {
      headers: { Authorization: `Bearer ${token}`, ...headers },
    });
  const names = async (response: Response) =>
    ((await response.json()) as { value: { displayName: string }[] }).value.map((user) => user.displayName);

  it('searches display names word by word with ConsistencyLevel: eventual', async () => {
    const response = await list(`$search=${encodeURIComponent('"displayName:al"')}&$select=displayName,mail,id`, {
      ConsistencyLevel: 'eventual',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users(displayName,mail,id)`,
      value: [
        {
          displayName: 'Alex Wilber',
          mail: 'AlexW@contoso.onmicrosoft.com',
          id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
        },
        {
          displayName: 'Allan Deyoung',
          mail: 'AllanD@contoso.onmicrosoft.com',
          id: '074e56ea-0b50-4461-89e5-c67ae14a2c0b',
        },
      ],
    });
  });

  it.each([
    ['"displayName:vance" OR "displayName:bowen"', ['Adele Vance', 'Megan Bowen']],
    ['"mail:sales"', ['Contoso Sales']],
    ['"displayName:zzz"', []],
  ])('$search=%s finds %j', async (search, expected) => {
    const response = await list(`$search=${encodeURIComponent(search)}`, { ConsistencyLevel: 'eventual' });
    expect(await names(response)).toEqual(expected);
  });

  it("refuses $search without ConsistencyLevel: eventual with Graph's text", async () => {
    const response = await list(`$search=${encodeURIComponent('"displayName:al"')}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphErrorBody).error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message:
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    });
  });

  it('filters with startswith, honours $top and counts with $count', async () => {
    expect(await names(await list(`$filter=${encodeURIComponent("startswith(displayName,'al')")}`))).toEqual([
      'Alex Wilber',
      'Allan Deyoung',
    ]);
    expect(
      await names(await list(`$filter=${encodeURIComponent("startswith(displayName,'contoso')")}&$top=2`)),
    ).toEqual(['Contoso No-Reply', 'Contoso Sales']);
    const counted = await list(`$filter=${encodeURIComponent("startswith(displayName,'a')")}&$count=true&$top=1`, {
      ConsistencyLevel: 'eventual',
    });
    expect(await counted.json()).toMatchObject({ '@odata.count': 3, value: [{ displayName: 'Adele Vance' }] });
  });

  it('lists the default user properties, null mail for a user without one', async () => {
    const response = await list(`$filter=${encodeURIComponent("startswith(displayName,'guest')")}`);
    expect(await response.json()).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users`,
      value: [
        {
          businessPhones: [],
          displayName: 'Guest Without Mail',
          givenName: null,
          jobTitle: null,
          mail: null,
          mobilePhone: null,
          officeLocation: null,
          preferredLanguage: null,
          surname: null,
          userPrincipalName: 'ext.guest_fabrikam.example#EXT#@contoso.onmicrosoft.com',
          id: '9b0c2f4e-6a8d-4c1e-b3f5-7d9e1a2c4b6f',
        },
      ],
    });
  });

  it('answers a filter it does not evaluate with 501, not a wrong list', async () => {
    const response = await list(`$filter=${encodeURIComponent("endswith(mail,'.com')")}`);
    expect(response.status).toBe(501);
  });

  it('needs a directory read permission', async () => {
    const config = demoConfig();
    const app = config.tenants[0]?.apps[0];
    if (app === undefined) throw new Error('the demo tenant has no app');
    app.applicationPermissions = ['Mail.Send'];
    const other = await startDemo(config);
    try {
      const response = await fetch(`${other.emulator.graphBaseUrl}/v1.0/users`, {
        headers: { Authorization: `Bearer ${await getToken(other)}` },
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as GraphErrorBody).error).toMatchObject({
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
      });
    } finally {
      await other.emulator.close();
    }
  });
});
