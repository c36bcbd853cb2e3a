import { actionOptions, type AutomationConfigDeps } from '../../../src/automation/action-options';
import type { CredentialView } from '../../../src/contract/credentials';
import { DEFAULT_MAIL_SETTINGS } from '../../../src/contract/mail-settings';
import { createAutomationConfigFunctions } from '../../../src/resolvers/automation-config';
import type { ResolverRequest } from '../../../src/resolvers/resolver-kit';
import { StorageError } from '../../../src/storage/errors';
import { credentialInput, SECRET } from '../support/credentials';
import { adminRequest, configuredWorld, silenceWarnings } from '../support/resolvers';

/** Three credentials, the last one made the default, and a template besides the built-in one. */
const optionsWorld = async () => {
  const world = await configuredWorld();
  await world.admin.saveCredential(
    adminRequest(credentialInput({ name: 'Alerts', senderMailbox: 'alerts@contoso.com' })),
  );
  await world.admin.saveCredential(
    adminRequest(credentialInput({ name: 'Sales', senderMailbox: 'sales@contoso.com' })),
  );
  await world.admin.setDefaultCredential(adminRequest({ id: 'cred-3' }));
  await world.templates.save({ name: 'Short', subject: 'Short {{ issue.key }}', body: '<p>BODY-MARKER</p>' });
  await world.settings.save({ ...(await world.settings.read()), automationCredentialIds: ['cred-1', 'cred-2'] });
  const deps: AutomationConfigDeps = {
    listTemplates: () => world.templates.list(),
    listCredentials: () => world.credentials.list(),
    readSettings: () => world.settings.read(),
  };
  return { world, deps };
};

const OPTIONS = {
  templates: [
    { id: 'built-in', name: 'Standard' },
    { id: 'tpl-1', name: 'Short' },
  ],
  mailboxes: [
    { name: 'Sales', senderMailbox: 'sales@contoso.com', isDefault: true },
    { name: 'Support mailbox', senderMailbox: 'support@contoso.com', isDefault: false },
    { name: 'Alerts', senderMailbox: 'alerts@contoso.com', isDefault: false },
  ],
};

const configRequest = (payload: unknown): ResolverRequest => ({
  payload,
  context: { accountId: 'user-5', moduleKey: 'send-issue-email-action', extension: { type: 'jira:action' } },
});

describe('Automation action options', () => {
  silenceWarnings();

  it('lists template names and mailboxes, the default credential first, and nothing else of them', async () => {
    const { world, deps } = await optionsWorld();
    const options = await actionOptions(deps);
    expect(options).toStrictEqual(OPTIONS);

    const text = JSON.stringify(options);
    for (const hidden of [
      'cred-',
      SECRET,
      credentialInput().clientId,
      'login.microsoftonline.com',
      'BODY-MARKER',
      'hasSecret',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect((await world.credentials.list()).map((credential: CredentialView) => credential.name)).toEqual([
      'Support mailbox',
      'Alerts',
      'Sales',
    ]);
  });

  it('lists only the default mailbox until the admin lets rules use others', async () => {
    const { world, deps } = await optionsWorld();
    await world.settings.save({ ...(await world.settings.read()), automationCredentialIds: [] });
    await expect(actionOptions(deps)).resolves.toStrictEqual({ ...OPTIONS, mailboxes: [OPTIONS.mailboxes[0]] });
  });

  it('moves the default first and keeps the others in their order', async () => {
    const credential = (name: string, isDefault: boolean) =>
      ({ id: name, name, senderMailbox: `${name}@contoso.com`, isDefault }) as CredentialView;
    await expect(
      actionOptions({
        listTemplates: async () => [],
        listCredentials: async () => [credential('b', false), credential('a', true), credential('c', false)],
        readSettings: async () => ({ ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['b', 'c'] }),
      }),
    ).resolves.toStrictEqual({
      templates: [],
      mailboxes: [
        { name: 'a', senderMailbox: 'a@contoso.com', isDefault: true },
        { name: 'b', senderMailbox: 'b@contoso.com', isDefault: false },
        { name: 'c', senderMailbox: 'c@contoso.com', isDefault: false },
      ],
    });
  });

  it('answers getActionOptions to any user through the resolver', async () => {
    const { deps } = await optionsWorld();
    const functions = createAutomationConfigFunctions(deps);
    await expect(functions.getActionOptions(configRequest({}))).resolves.toEqual({ ok: true, data: OPTIONS });
    await expect(functions.getActionOptions(configRequest(undefined))).resolves.toEqual({ ok: true, data: OPTIONS });
  });

  it.each<[string, AutomationConfigDeps | undefined, unknown, unknown]>([
    [
      'an unknown payload field',
      undefined,
      { credentials: true },
      {
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
      },
    ],
    [
      'storage failing',
      {
        listTemplates: async () => [],
        listCredentials: async () => {
          throw new StorageError('query', 'credential:', new Error('platform'));
        },
        readSettings: async () => DEFAULT_MAIL_SETTINGS,
      },
      {},
      {
        ok: false,
        error: { code: 'STORAGE_FAILED', message: 'Issue Mailer could not reach its storage. Try again in a moment.' },
      },
    ],
  ])('answers %s with a fixed message', async (_name, broken, payload, answer) => {
    const { deps } = await optionsWorld();
    await expect(
      createAutomationConfigFunctions(broken ?? deps).getActionOptions(configRequest(payload)),
    ).resolves.toEqual(answer);
  });
});
