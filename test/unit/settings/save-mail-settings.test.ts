import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/contract/mail-settings';
import { createMailSettingsStore } from '../../../src/settings/mail-settings-store';
import { saveMailSettings } from '../../../src/settings/save-mail-settings';
import { MemoryKvStore } from '../support/memory-kv-store';

const world = () => {
  const kv = new MemoryKvStore();
  const store = createMailSettingsStore(kv);
  return { kv, store, deps: { store, templateIds: async () => ['tpl-1'], credentialIds: async () => ['cred-1', 'cred-2'] } };
};

describe('saveMailSettings: the credentials Automation rules may send from', () => {
  it('saves chosen credentials that exist, each once', async () => {
    const { store, deps } = world();
    const settings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-2', 'cred-2'] };
    await expect(saveMailSettings(settings, deps)).resolves.toEqual({ ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-2'] });
    await expect(store.read()).resolves.toMatchObject({ automationCredentialIds: ['cred-2'] });
  });

  it('refuses a credential that no longer exists, on its field, and saves nothing', async () => {
    const { kv, deps } = world();
    const settings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-9'] };
    await expect(saveMailSettings(settings, deps)).rejects.toMatchObject({
      code: 'MAIL_INVALID',
      fieldErrors: { automationCredentialIds: 'A chosen credential no longer exists. Reload the page and choose again.' },
    });
    expect(kv.count('set')).toBe(0);
  });
});
