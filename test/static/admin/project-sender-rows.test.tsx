/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/contract';
import { SendingSettingsSection } from '../../../static/admin/src/sending-settings/sending-settings-section';
import { useTemplateList } from '../../../static/admin/src/templates/use-template-list';
import {
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  nameOf,
  regionNamed,
  submit,
  textOf,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';
import { CREDENTIALS, PROJECTS, TEMPLATES } from './support/notification-rule-fixtures';

let mounted: Mounted | null = null;

const SettingsHarness = () => {
  const list = useTemplateList();
  return <SendingSettingsSection list={list} credentials={CREDENTIALS} />;
};

const SUPPORT_DESK = 'Support desk (support@contoso.example)';

const openSettings = async (stored: MailSettings = DEFAULT_MAIL_SETTINGS) => {
  backend.on('getMailSettings', () => ({ ok: true, data: stored }));
  backend.on('listProjectRoles', () => ({ ok: true, data: [] }));
  backend.on('listProjects', () => ({ ok: true, data: PROJECTS }));
  backend.on('listTemplates', () => ({ ok: true, data: TEMPLATES }));
  mounted = await mount(<SettingsHarness />);
  const section = regionNamed(mounted.container, 'Sending settings');
  const fieldset = Array.from(section.querySelectorAll('fieldset')).find((candidate) =>
    textOf(candidate.querySelector('legend') ?? candidate).startsWith('Other mailboxes for a project'),
  );
  if (fieldset === undefined) throw new Error('No "Other mailboxes for a project" field.');
  return { section, fieldset, form: section.querySelector('form') as HTMLFormElement };
};

const savedSettings = () => {
  const saved: MailSettings[] = [];
  backend.on('saveMailSettings', (settings) => {
    saved.push(settings);
    return { ok: true, data: settings };
  });
  return saved;
};

beforeEach(() => backend.reset());
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('Sending settings: other mailboxes for a project (issue 12, item 20)', () => {
  it('comes right after "Mailboxes people may send from" and starts with no project', async () => {
    const { section, fieldset } = await openSettings();
    const legends = Array.from(section.querySelectorAll('legend')).map((legend) => textOf(legend));
    expect(legends.indexOf('Other mailboxes for a project')).toBe(
      legends.indexOf('Mailboxes people may send from') + 1,
    );
    expect(textOf(fieldset)).toContain('Every project offers the mailboxes above.');
  });

  it('adds a row with focus on its project, offers only credentials besides the default, and saves the project entry', async () => {
    const saved = savedSettings();
    const { fieldset, form } = await openSettings();
    await click(buttonNamed(fieldset, 'Add a project'));
    const project = controlLabelled<HTMLSelectElement>(fieldset, 'Project with its own mailboxes, row 1');
    expect(document.activeElement).toBe(project);
    await choose(project, 'OPS');
    const group = fieldset.querySelector('[role="group"]') as HTMLElement;
    expect(nameOf(group)).toBe('Mailboxes for Operations');
    expect(Array.from(group.querySelectorAll('input')).map((input) => nameOf(input))).toEqual([SUPPORT_DESK]);
    await click(controlLabelled(group, SUPPORT_DESK));
    await submit(form);
    expect(saved.map((settings) => settings.projectSenders)).toEqual([
      [{ projectKey: 'OPS', credentialIds: ['cred-support'] }],
    ]);
  });

  it('shows what was saved, and Remove takes the project out with focus on "Add a project"', async () => {
    const saved = savedSettings();
    const { fieldset, form } = await openSettings({
      ...DEFAULT_MAIL_SETTINGS,
      projectSenders: [{ projectKey: 'DEMO', credentialIds: ['cred-support'] }],
    });
    expect(controlLabelled<HTMLSelectElement>(fieldset, 'Project with its own mailboxes, row 1').value).toBe('DEMO');
    expect(controlLabelled(fieldset, SUPPORT_DESK).checked).toBe(true);
    await click(buttonNamed(fieldset, 'Remove Demo from other mailboxes'));
    expect(document.activeElement).toBe(buttonNamed(fieldset, 'Add a project'));
    await submit(form);
    expect(saved.map((settings) => settings.projectSenders)).toEqual([[]]);
  });

  it('refuses a row with mailboxes but no project, under its select, without saving', async () => {
    const saved = savedSettings();
    const { fieldset, form } = await openSettings();
    await click(buttonNamed(fieldset, 'Add a project'));
    await click(controlLabelled(fieldset, SUPPORT_DESK));
    await submit(form);
    const project = controlLabelled<HTMLSelectElement>(fieldset, 'Project with its own mailboxes, row 1');
    expect(project.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(project.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Choose a project.',
    );
    expect(document.activeElement).toBe(project);
    expect(saved).toEqual([]);
  });

  it("puts the backend's message for the list under it", async () => {
    const { fieldset, form } = await openSettings({
      ...DEFAULT_MAIL_SETTINGS,
      projectSenders: [{ projectKey: 'DEMO', credentialIds: [] }],
    });
    backend.on('saveMailSettings', () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { projectSenders: 'Each project can have one list of mailboxes.' },
      },
    }));
    await click(controlLabelled(fieldset, SUPPORT_DESK));
    await submit(form);
    expect(fieldset.querySelector('#settings-projectSenders-error')?.textContent).toBe(
      'Each project can have one list of mailboxes.',
    );
    expect(document.activeElement).toBe(buttonNamed(fieldset, 'Add a project'));
  });
});
