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

  it('drops a credential that no longer exists (a credential deleted since), keeping the others', async () => {
    const { store, deps } = world();
    const settings: MailSettings = { ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-9', 'cred-1'] };
    await expect(saveMailSettings(settings, deps)).resolves.toMatchObject({ automationCredentialIds: ['cred-1'] });
    await expect(store.read()).resolves.toMatchObject({ automationCredentialIds: ['cred-1'] });
  });
});
