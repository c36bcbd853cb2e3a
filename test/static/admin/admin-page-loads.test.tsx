/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { DEFAULT_MAIL_SETTINGS, type LoadAdminViewInput } from '../../../src/contract';
import { AdminPage } from '../../../static/admin/src/admin-page';
import { click, mount, type Mounted, settle, textOf } from './support/dom';
import { page, summary } from './support/email-log-fixtures';
import { backend } from './support/fake-admin-bridge';
import { answerLists, CREDENTIALS, PROJECTS, rule } from './support/notification-rule-fixtures';

// Vite bundles the page's stylesheet; here it is nothing.
jest.mock('../../../static/admin/src/admin-tabs.css', () => ({}));

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
  backend.on('listWarnings', () => ({ ok: true, data: { warnings: [] } }));
  backend.on('listCredentials', () => ({
    ok: true,
    data: CREDENTIALS.state === 'loaded' ? CREDENTIALS.data : [],
  }));
  answerLists(backend, [rule('rule-1')]);
  backend.on('getMailSettings', () => ({ ok: true, data: DEFAULT_MAIL_SETTINGS }));
  backend.on('listProjectRoles', () => ({ ok: true, data: [] }));
  backend.on('listProjects', () => ({ ok: true, data: PROJECTS }));
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
  backend.on('listEmailLog', () => page([summary(1)]));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

/** The page first asks the bridge for its history (refused here), then renders the tab and loads it. */
const open = async () => {
  const page = await mount(<AdminPage />);
  for (let turn = 0; turn < 5; turn += 1) await settle();
  return page;
};

/** The parts of each bridge call since the last look, sorted; then forgets them. */
const callsSinceLastLook = () => {
  const calls = backend.calls.map((call) =>
    call.functionKey === 'loadAdminView'
      ? (call.payload as LoadAdminViewInput).parts.slice().sort()
      : [call.functionKey],
  );
  backend.calls.length = 0;
  return calls;
};

const openTab = async (name: string) => {
  const tab = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find(
    (candidate) => textOf(candidate) === name,
  );
  if (!tab) throw new Error(`No tab "${name}".`);
  await click(tab);
  for (let turn = 0; turn < 5; turn += 1) await settle();
};

describe('what the admin page asks its resolver', () => {
  it('opens with one call (warnings and credentials), then one call per tab, the first time it is shown', async () => {
    mounted = await open();
    expect(callsSinceLastLook()).toEqual([['credentials', 'warnings']]);
    expect(textOf(mounted.container)).toContain('Main');

    await openTab('Sending settings');
    expect(callsSinceLastLook()).toEqual([['mailSettings', 'projectRoles', 'projects', 'templates']]);
    await openTab('Notification rules');
    expect(callsSinceLastLook()).toEqual([['jiraFields', 'projects', 'rules', 'statuses']]);
    await openTab('Email log');
    expect(callsSinceLastLook()).toEqual([['emailLog', 'emailLogSettings']]);
    expect(textOf(mounted.container)).toContain('Keep emails for');

    // Shown before: their data is still there.
    await openTab('Email templates');
    await openTab('Credentials');
    await openTab('Notification rules');
    expect(callsSinceLastLook()).toEqual([]);
  });

  it('says "You don\'t have access" when the admin check refuses the opening call', async () => {
    backend.on('loadAdminView', () => ({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
    }));
    mounted = await open();
    expect(callsSinceLastLook()).toEqual([['credentials', 'warnings']]);
    expect(textOf(mounted.container)).toContain(
      "You don't have accessOnly Jira administrators can change Issue Mailer settings.",
    );
  });
});
