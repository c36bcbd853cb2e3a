import type { MicrosoftEmulatorConfig } from '../../../local/microsoft';
import {
  appNamed,
  type Demo,
  demoConfig,
  getToken,
  type GraphErrorBody,
  postJson,
  sendMailUrl,
  simpleMessage,
  startDemo,
  useDemo,
} from './helpers';

const POLICY_MESSAGE =
  'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';
const SALES = 'sales@contoso.onmicrosoft.com';
const SUPPORT = 'support@contoso.onmicrosoft.com';

const get = (demo: Demo, path: string, token: string) =>
  fetch(`${demo.emulator.graphBaseUrl}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}` } });

const expectPolicyDenial = async (response: Response): Promise<void> => {
  expect(response.status).toBe(403);
  const body = (await response.json()) as GraphErrorBody;
  expect([body.error.code, body.error.message]).toEqual(['ErrorAccessDenied', POLICY_MESSAGE]);
};

describe('Microsoft emulator application access policy (demo tenant)', () => {
  const demo = useDemo();

  it.each([
    ['sendMail', (d: Demo, token: string) => postJson(sendMailUrl(d, SALES), token, simpleMessage())],
    ['a mail folder read', (d: Demo, token: string) => get(d, `/users/${SALES}/mailFolders/inbox`, token)],
    ['a message list', (d: Demo, token: string) => get(d, `/users/${SALES}/messages?$top=1`, token)],
    [
      'a read by user id',
      (d: Demo, token: string) =>
        get(d, '/users/5a7c9e1b-3d2f-4c6a-8b0e-9d1f3a5c7e24/mailFolders/sentitems/messages', token),
    ],
  ])("refuses %s on a mailbox outside the demo app's policy", async (_name, call) => {
    const before = demo.emulator.sentMessages(SALES).length;
    await expectPolicyDenial(await call(demo, demo.token));
    expect(demo.emulator.sentMessages(SALES)).toHaveLength(before);
  });

  it('still lets the demo app use the mailbox in its policy', async () => {
    expect((await postJson(sendMailUrl(demo, SUPPORT), demo.token, simpleMessage())).status).toBe(202);
    expect((await get(demo, `/users/${SUPPORT}/mailFolders/inbox`, demo.token)).status).toBe(200);
  });

  it('does not apply to directory reads: GET /users answers for a mailbox outside the policy', async () => {
    const response = await get(demo, `/users/${SALES}`, demo.token);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { mail: string }).mail).toBe(SALES);
  });

  it('answers an unknown user with 404 before the policy', async () => {
    const response = await postJson(sendMailUrl(demo, 'nobody@contoso.onmicrosoft.com'), demo.token, simpleMessage());
    expect(response.status).toBe(404);
    expect(((await response.json()) as GraphErrorBody).error.code).toBe('ErrorInvalidUser');
  });

  it('leaves apps without a policy unrestricted', async () => {
    const token = await getToken(demo, appNamed(demo, 'Issue Mailer (secret expiring soon)'));
    expect((await postJson(sendMailUrl(demo, SALES), token, simpleMessage())).status).toBe(202);
    expect((await get(demo, `/users/${SALES}/messages`, token)).status).toBe(200);
  });
});

describe('Microsoft emulator application access policy: access rights', () => {
  /** The demo tenant with the demo app's policies replaced. */
  const demoWithPolicies = async (
    policies: NonNullable<MicrosoftEmulatorConfig['tenants'][number]['applicationAccessPolicies']>,
  ): Promise<Demo> => {
    const config = demoConfig();
    const tenant = config.tenants[0];
    if (tenant === undefined) throw new Error('demo config changed');
    tenant.applicationAccessPolicies = policies;
    return startDemo(config);
  };
  const APP = '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60';

  it.each<[string, Parameters<typeof demoWithPolicies>[0], number, number]>([
    ['DenyAccess for support', [{ appId: APP, accessRight: 'DenyAccess', mailboxes: [SUPPORT] }], 403, 202],
    ['RestrictAccess to both', [{ appId: APP, accessRight: 'RestrictAccess', mailboxes: [SUPPORT, SALES] }], 202, 202],
    [
      'two RestrictAccess policies',
      [
        { appId: APP, accessRight: 'RestrictAccess', mailboxes: [SUPPORT] },
        { appId: APP, accessRight: 'RestrictAccess', mailboxes: [SALES] },
      ],
      202,
      202,
    ],
    [
      'RestrictAccess to both, DenyAccess for sales',
      [
        { appId: APP, accessRight: 'RestrictAccess', mailboxes: [SUPPORT, SALES] },
        { appId: APP, accessRight: 'DenyAccess', mailboxes: [SALES] },
      ],
      202,
      403,
    ],
    [
      'a policy for another app only',
      [{ appId: '5e7c9a1b-2d4f-4a6c-8e0b-7f9d1c3e5a72', accessRight: 'RestrictAccess', mailboxes: [SALES] }],
      202,
      202,
    ],
    ['no policies', [], 202, 202],
  ])('with %s, sendMail as support answers %i and as sales %i', async (_name, policies, supportStatus, salesStatus) => {
    const demo = await demoWithPolicies(policies);
    try {
      const token = await getToken(demo);
      expect((await postJson(sendMailUrl(demo, SUPPORT), token, simpleMessage())).status).toBe(supportStatus);
      expect((await postJson(sendMailUrl(demo, SALES), token, simpleMessage())).status).toBe(salesStatus);
    } finally {
      await demo.emulator.close();
    }
  });

  it('matches the app id and mailbox names regardless of case', async () => {
    const demo = await demoWithPolicies([
      { appId: APP.toUpperCase(), accessRight: 'RestrictAccess', mailboxes: ['SUPPORT@Contoso.onmicrosoft.com'] },
    ]);
    try {
      const token = await getToken(demo);
      expect((await postJson(sendMailUrl(demo, SUPPORT), token, simpleMessage())).status).toBe(202);
      await expectPolicyDenial(await postJson(sendMailUrl(demo, SALES), token, simpleMessage()));
    } finally {
      await demo.emulator.close();
    }
  });
});
