import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/contract/mail-settings';
import { createMailSettingsStore } from '../../../src/settings/mail-settings-store';
import { saveMailSettings } from '../../../src/settings/save-mail-settings';
import { MemoryKvStore } from '../support/memory-kv-store';

const world = () => {
  const kv = new MemoryKvStore();
  const store = createMailSettingsStore(kv);
  return {
    kv,
    store,
    deps: { store, templateIds: async () => ['tpl-1'], credentialIds: async () => ['cred-1', 'cred-2'] },
  };
};

describe('saveMailSettings: the credentials Automation rules may send from', () => {
  it('saves chosen credentials that exist, each once', async () => {
    const { store, deps } = world();
    const settings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-2', 'cred-2'] };
    await expect(saveMailSettings(settings, deps)).resolves.toEqual({
      ...DEFAULT_MAIL_SETTINGS,
      automationCredentialIds: ['cred-2'],
    });
    await expect(store.read()).resolves.toMatchObject({ automationCredentialIds: ['cred-2'] });
  });

  it('drops a credential that no longer exists (a credential deleted since), keeping the others', async () => {
    const { store, deps } = world();
    const settings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-9', 'cred-1'] };
    await expect(saveMailSettings(settings, deps)).resolves.toMatchObject({ automationCredentialIds: ['cred-1'] });
    await expect(store.read()).resolves.toMatchObject({ automationCredentialIds: ['cred-1'] });
  });
});

describe('saveMailSettings: the mailboxes people may send from per project', () => {
  it('keeps each project entry, dropping credentials that no longer exist and repeats', async () => {
    const { store, deps } = world();
    const settings: MailSettings = {
      ...DEFAULT_MAIL_SETTINGS,
      projectSenders: [
        { projectKey: 'DEMO', credentialIds: ['cred-2', 'cred-9', 'cred-2'] },
        { projectKey: 'OPS', credentialIds: [] },
      ],
    };
    const expected = [
      { projectKey: 'DEMO', credentialIds: ['cred-2'] },
      { projectKey: 'OPS', credentialIds: [] },
    ];
    await expect(saveMailSettings(settings, deps)).resolves.toMatchObject({ projectSenders: expected });
    await expect(store.read()).resolves.toMatchObject({ projectSenders: expected });
  });

  it('refuses a project named twice with a field error, saving nothing', async () => {
    const { kv, deps } = world();
    const settings: MailSettings = {
      ...DEFAULT_MAIL_SETTINGS,
      projectSenders: [
        { projectKey: 'DEMO', credentialIds: ['cred-1'] },
        { projectKey: 'DEMO', credentialIds: ['cred-2'] },
      ],
    };
    await expect(saveMailSettings(settings, deps)).rejects.toMatchObject({
      fieldErrors: { projectSenders: 'Each project can have one list of mailboxes.' },
    });
    expect(kv.plain.has('mail-settings')).toBe(false);
  });

  it('reads settings saved before per-project lists existed as having none', async () => {
    const { kv, store } = world();
    const { projectSenders: _none, ...old } = DEFAULT_MAIL_SETTINGS;
    kv.plain.set('mail-settings', old);
    await expect(store.read()).resolves.toMatchObject({ projectSenders: [] });
  });
});
