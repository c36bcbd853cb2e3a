import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/contract/mail-settings';
import { createMailSettingsStore, MailSettingsUnreadableError } from '../../../src/settings/mail-settings-store';
import { MemoryKvStore } from '../support/memory-kv-store';

const RESTRICTED: MailSettings = {
  commentAfterSend: false,
  whoMaySend: {
    mode: 'restricted',
    groups: [{ id: 'g-1', name: 'support-agents' }],
    projectRoles: [{ id: 10003, name: 'Service Desk Team' }],
  },
  projectTemplates: [{ projectKey: 'DEMO', templateId: 'tpl-1' }],
  automationCredentialIds: ['cred-2'],
  projectSenders: [{ projectKey: 'DEMO', credentialIds: ['cred-2'] }],
};

describe('mail settings store', () => {
  it('answers the defaults when nothing was saved, as a copy callers may change', async () => {
    const kv = new MemoryKvStore();
    const store = createMailSettingsStore(kv);
    const settings = await store.read();
    expect(settings).toEqual({
      commentAfterSend: true,
      whoMaySend: { mode: 'everyone' },
      projectTemplates: [],
      automationCredentialIds: [],
      projectSenders: [],
    });
    settings.projectTemplates.push({ projectKey: 'X', templateId: 't' });
    expect(DEFAULT_MAIL_SETTINGS.projectTemplates).toEqual([]);
    expect(kv.operations).toEqual([{ operation: 'get', key: 'mail-settings' }]);
  });

  it('saves under mail-settings and reads back what it saved', async () => {
    const kv = new MemoryKvStore();
    const store = createMailSettingsStore(kv);
    await expect(store.save(RESTRICTED)).resolves.toEqual(RESTRICTED);
    expect(kv.plain.get('mail-settings')).toEqual(RESTRICTED);
    await expect(store.read()).resolves.toEqual(RESTRICTED);
  });

  it('reads settings saved before rules could send from chosen credentials as "the default credential only"', async () => {
    const kv = new MemoryKvStore();
    const { automationCredentialIds: _left, ...older } = RESTRICTED;
    kv.plain.set('mail-settings', older);
    await expect(createMailSettingsStore(kv).read()).resolves.toEqual({ ...older, automationCredentialIds: [] });
  });

  it('refuses to save settings that do not fit, and writes nothing', async () => {
    const kv = new MemoryKvStore();
    const bad = { ...RESTRICTED, projectTemplates: [{ projectKey: 'demo', templateId: 'tpl-1' }] };
    await expect(createMailSettingsStore(kv).save(bad)).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: 'Not a project key.', path: ['projectTemplates', 0, 'projectKey'] })],
    });
    expect(kv.count('set')).toBe(0);
  });

  it.each([
    [{ ...RESTRICTED, commentAfterSend: 'yes' }, 'commentAfterSend: Invalid input: expected boolean, received string'],
    [{ ...RESTRICTED, whoMaySend: { mode: 'admins' } }, 'whoMaySend.mode: Invalid input'],
    [{ ...RESTRICTED, extra: 1 }, '(root): Unrecognized key: "extra"'],
  ])('does not read unreadable settings as the defaults: %j', async (stored, problem) => {
    const kv = new MemoryKvStore();
    kv.plain.set('mail-settings', stored);
    const error = await createMailSettingsStore(kv)
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSettingsUnreadableError);
    expect(error).toMatchObject({
      code: 'MAIL_SETTINGS_UNREADABLE',
      message: `The stored mail settings cannot be read (${problem}). Save them again on the Issue Mailer admin page.`,
    });
  });

  it('passes storage failures on', async () => {
    const kv = new MemoryKvStore();
    const failure = new Error('rate limited');
    kv.failNext('get', failure);
    await expect(createMailSettingsStore(kv).read()).rejects.toBe(failure);
  });
});
