/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { type CredentialView, DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/contract';
import { SendingSettingsSection } from '../../../static/admin/src/sending-settings/sending-settings-section';
import { useTemplateList } from '../../../static/admin/src/templates/use-template-list';
import type { Loadable } from '../../../static/shared/loadable';
import { click, controlLabelled, mount, type Mounted, regionNamed, submit, textOf } from './support/dom';
import { backend } from './support/fake-admin-bridge';
import { CREDENTIALS, PROJECTS, TEMPLATES } from './support/notification-rule-fixtures';

let mounted: Mounted | null = null;

const SettingsHarness = ({ credentials = CREDENTIALS }: { credentials?: Loadable<CredentialView[]> }) => {
  const list = useTemplateList();
  return <SendingSettingsSection list={list} credentials={credentials} />;
};

const MAIN = 'Main (jira@contoso.example) · default, always allowed';
const SUPPORT_DESK = 'Support desk (support@contoso.example)';

const openSettings = async (stored: MailSettings = DEFAULT_MAIL_SETTINGS) => {
  backend.on('getMailSettings', () => ({ ok: true, data: stored }));
  backend.on('listProjectRoles', () => ({ ok: true, data: [] }));
  backend.on('listProjects', () => ({ ok: true, data: PROJECTS }));
  backend.on('listTemplates', () => ({ ok: true, data: TEMPLATES }));
  mounted = await mount(<SettingsHarness />);
  const section = regionNamed(mounted.container, 'Sending settings');
  const fieldset = Array.from(section.querySelectorAll('fieldset')).find((candidate) =>
    textOf(candidate.querySelector('legend') ?? candidate).startsWith('Mailboxes Automation rules may send from'),
  );
  if (fieldset === undefined) throw new Error('No "Mailboxes Automation rules may send from" field.');
  return { section, fieldset, form: section.querySelector('form') as HTMLFormElement };
};

beforeEach(() => backend.reset());
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('Sending settings: the mailboxes Automation rules may send from', () => {
  it('shows the default credential allowed and fixed, and every other one not allowed until the admin ticks it', async () => {
    const { fieldset } = await openSettings();
    const main = controlLabelled(fieldset, MAIN);
    const support = controlLabelled(fieldset, SUPPORT_DESK);
    expect([main.type, main.checked, main.disabled]).toEqual(['checkbox', true, true]);
    expect([support.type, support.checked, support.disabled]).toEqual(['checkbox', false, false]);
    // Native, focusable checkboxes: Tab reaches them and Space toggles them, as everywhere on the page.
    expect(support.tabIndex).toBe(0);
    expect(textOf(fieldset)).toContain(
      'A rule\'s "Sender mailbox" may name only these. Rule authors are not shown the others.',
    );
  });

  it('saves the ticked credential, and saves it unticked again', async () => {
    const saved: MailSettings[] = [];
    const { fieldset, form } = await openSettings();
    backend.on('saveMailSettings', (settings) => {
      saved.push(settings);
      return { ok: true, data: settings };
    });
    await click(controlLabelled(fieldset, SUPPORT_DESK));
    await submit(form);
    expect(saved.map((settings) => settings.automationCredentialIds)).toEqual([['cred-support']]);

    await click(controlLabelled(fieldset, SUPPORT_DESK));
    await submit(form);
    expect(saved.map((settings) => settings.automationCredentialIds)).toEqual([['cred-support'], []]);
  });

  it('shows what was saved before ticked', async () => {
    const { fieldset } = await openSettings({ ...DEFAULT_MAIL_SETTINGS, automationCredentialIds: ['cred-support'] });
    expect(controlLabelled(fieldset, SUPPORT_DESK).checked).toBe(true);
  });

  it("puts the backend's message for the field under it and moves focus there", async () => {
    const { fieldset, form } = await openSettings();
    backend.on('saveMailSettings', () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { automationCredentialIds: 'Choose at most 50 credentials.' },
      },
    }));
    await click(controlLabelled(fieldset, SUPPORT_DESK));
    await submit(form);
    expect(fieldset.querySelector('.im-field__error')?.textContent).toBe('Choose at most 50 credentials.');
    expect(fieldset.getAttribute('aria-describedby')).toBe(
      'settings-automationCredentialIds-hint settings-automationCredentialIds-error',
    );
    expect(document.activeElement).toBe(fieldset);
  });
});
