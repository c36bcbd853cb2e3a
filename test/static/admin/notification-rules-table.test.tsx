/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { NotificationRuleView, ResolverResult } from '../../../src/contract';
import {
  buttonNamed,
  click,
  controlLabelled,
  mount,
  type Mounted,
  nameOf,
  paragraphsOf,
  press,
  queryButtonNamed,
  regionNamed,
  rowTexts,
  settle,
  tableNamed,
} from './support/dom';
import { backend, deferred } from './support/fake-admin-bridge';
import { answerLists, rule, stored } from './support/notification-rule-fixtures';
import { RulesHarness } from './support/rules-harness';

let mounted: Mounted | null = null;

beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});

beforeEach(() => {
  backend.reset();
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const COMMENTED: NotificationRuleView = rule('rule-1', {
  name: 'Comment watch',
  event: 'issue-commented',
  projectKeys: ['DEMO', 'OPS'],
  recipients: { addresses: ['ana@contoso.example'], roles: ['assignee', 'reporter'] },
});
const DONE: NotificationRuleView = rule('rule-2', {
  name: 'Done mail',
  enabled: false,
  event: 'issue-transitioned',
  toStatus: 'Done',
  projectKeys: ['SUP'],
  jql: 'priority = High',
  templateId: 'tpl-support',
  recipients: { addresses: ['a@contoso.example', 'b@contoso.example', 'c@contoso.example'], roles: [] },
  credentialId: 'cred-support',
});
const ANY: NotificationRuleView = rule('rule-3', {
  name: 'Any move',
  event: 'issue-transitioned',
  templateId: 'tpl-deleted',
  recipients: { addresses: [], roles: ['watchers'] },
});

const openSection = async (rules: NotificationRuleView[]) => {
  answerLists(backend, rules);
  mounted = await mount(<RulesHarness />);
  return regionNamed(mounted.container, 'Notification rules');
};

describe('notification rules table', () => {
  it('lists the rules oldest first with what each does', async () => {
    const section = await openSection([COMMENTED, DONE, ANY]);
    // One resolver call for the section and the page's template list.
    expect(backend.calls.map((call) => call.functionKey)).toEqual(['loadAdminView']);
    expect(backend.payloadsOf('loadAdminView')[0]?.parts.slice().sort()).toEqual([
      'jiraFields',
      'projects',
      'rules',
      'statuses',
      'templates',
    ]);
    const table = tableNamed(section, 'Notification rules');
    expect(Array.from(table.tHead?.rows[0]?.cells ?? []).map((cell) => cell.textContent)).toEqual([
      'Name',
      'When',
      'Projects',
      'Recipients',
      'Template',
      'Enabled',
      'Actions',
    ]);
    expect(rowTexts(table)).toEqual([
      [
        'Comment watch',
        'Issue commented',
        'DEMO, OPS',
        'Reporter, Assignee, ana@contoso.example',
        'Issue summary',
        'On',
        'EditHistoryTryDelete',
      ],
      ['Done mail', 'Transitioned to Done', 'SUP', '3 addresses', 'Support reply', 'Off', 'EditHistoryTryDelete'],
      ['Any move', 'Transitioned to any status', 'DEMO', 'Watchers', 'Unknown template', 'On', 'EditHistoryTryDelete'],
    ]);
    const toggles = ['Enable Comment watch', 'Enable Done mail', 'Enable Any move'];
    expect(toggles.map((label) => controlLabelled(section, label).checked)).toEqual([true, false, true]);
  });

  it("says under a rule's projects which ones the app's own Jira account cannot see, and what to grant", async () => {
    const warning =
      "Issue Mailer's own Jira account cannot see project SEC, so this rule sends nothing for SEC issues. Grant the atlassian-addons-project-access role Browse projects in SEC's permission scheme.";
    const section = await openSection([{ ...COMMENTED, projectKeys: ['DEMO', 'SEC'], warnings: [warning] }, DONE]);
    const table = tableNamed(section, 'Notification rules');
    expect(rowTexts(table).map((row) => row[2])).toEqual([`DEMO, SEC!${warning}`, 'SUP']);
    expect(paragraphsOf(table)).toEqual([`!${warning}`]);
    // The mark is decoration: a screen reader hears the words only.
    expect(table.querySelector('.im-rule-warning .im-status-icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows the empty state when there are no rules', async () => {
    const section = await openSection([]);
    expect(section.querySelector('table')).toBeNull();
    expect(section.querySelector('.im-empty')?.textContent).toBe(
      'No notification rules yet. Create one to email issues when they are created, commented or transitioned.',
    );
    expect(nameOf(buttonNamed(section, 'Create rule'))).toBe('Create rule');
  });

  it('shows why the rules could not be loaded, and tries again', async () => {
    answerLists(backend, []);
    backend.on('listNotificationRules', () => ({
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: 'Issue Mailer could not reach its backend. Try again in a moment.' },
    }));
    mounted = await mount(<RulesHarness />);
    const section = regionNamed(mounted.container, 'Notification rules');
    expect(paragraphsOf(section.querySelector('[role="alert"]'))).toEqual([
      'Notification rules could not be loaded',
      'Issue Mailer could not reach its backend. Try again in a moment.',
      'Try again',
    ]);
    backend.on('listNotificationRules', () => ({ ok: true, data: [COMMENTED] }));
    await click(buttonNamed(section, 'Try again'));
    expect(section.querySelector('[role="alert"]')).toBeNull();
    expect(rowTexts(tableNamed(section, 'Notification rules')).map((row) => row[0])).toEqual(['Comment watch']);
  });

  it.each([
    [COMMENTED, false, 'Comment watch is off.'],
    [DONE, true, 'Done mail is on.'],
  ])('saves %# at once with enabled flipped and nothing else changed', async (current, enabled, text) => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const section = await openSection([COMMENTED, DONE]);
    const toggle = controlLabelled(section, `Enable ${current.name}`);
    await click(toggle);
    const { createdAt: _c, updatedAt: _u, firedCount: _f, ...input } = current;
    expect(backend.payloadsOf('saveNotificationRule')).toEqual([{ ...input, enabled }]);
    expect(toggle.checked).toBe(enabled);
    expect(paragraphsOf(section.querySelector('.im-message--success'))).toEqual([text]);
  });

  it('keeps the toggle still while its save runs, and puts it back when the save is refused', async () => {
    const answer = deferred<ResolverResult<NotificationRuleView>>();
    backend.on('saveNotificationRule', () => answer.promise);
    const section = await openSection([COMMENTED, DONE]);
    const toggle = controlLabelled(section, 'Enable Comment watch');
    const other = controlLabelled(section, 'Enable Done mail');
    await click(toggle);
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('aria-disabled')).toBe('true');
    await click(other);
    expect(other.checked).toBe(false);
    expect(backend.payloadsOf('saveNotificationRule')).toHaveLength(1);
    answer.resolve({
      ok: false,
      error: { code: 'NOTIFICATION_RULE_NOT_FOUND', message: 'The rule was deleted meanwhile.' },
    });
    await settle();
    expect(toggle.checked).toBe(true);
    expect(paragraphsOf(section.querySelector('[role="alert"]'))).toEqual([
      'Comment watch was not turned off',
      'The rule was deleted meanwhile.',
    ]);
  });

  it('asks before deleting, then calls deleteNotificationRule and says so', async () => {
    backend.on('deleteNotificationRule', ({ id }) => ({ ok: true, data: { id } }));
    const section = await openSection([COMMENTED, DONE]);
    await click(buttonNamed(section, 'Delete Done mail'));
    const confirm = section.querySelector('[role="group"]') as HTMLElement;
    expect(nameOf(confirm)).toBe('Delete Done mail?');
    expect(document.activeElement).toBe(buttonNamed(confirm, 'Keep'));
    expect(backend.payloadsOf('deleteNotificationRule')).toEqual([]);
    await click(buttonNamed(confirm, 'Delete'));
    expect(backend.payloadsOf('deleteNotificationRule')).toEqual([{ id: 'rule-2' }]);
    expect(rowTexts(tableNamed(section, 'Notification rules')).map((row) => row[0])).toEqual(['Comment watch']);
    expect(paragraphsOf(section.querySelector('.im-message--success'))).toEqual(['Done mail was deleted.']);
    expect(document.activeElement?.textContent).toBe('Notification rules');
  });

  it('keeps the rule on Keep or Escape, with focus back on its Delete button', async () => {
    const section = await openSection([COMMENTED]);
    await click(buttonNamed(section, 'Delete Comment watch'));
    await click(buttonNamed(section, 'Keep'));
    expect(document.activeElement).toBe(buttonNamed(section, 'Delete Comment watch'));
    await click(buttonNamed(section, 'Delete Comment watch'));
    await press(buttonNamed(section, 'Keep'), 'Escape');
    expect(queryButtonNamed(section, 'Keep')).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(section, 'Delete Comment watch'));
    expect(backend.payloadsOf('deleteNotificationRule')).toEqual([]);
  });

  it('says why a rule was not deleted and keeps it', async () => {
    backend.on('deleteNotificationRule', () => ({
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: 'Issue Mailer could not reach its backend. Try again in a moment.' },
    }));
    const section = await openSection([COMMENTED]);
    await click(buttonNamed(section, 'Delete Comment watch'));
    await click(buttonNamed(section, 'Delete'));
    expect(paragraphsOf(section.querySelector('[role="alert"]'))).toEqual([
      'Comment watch was not deleted',
      'Issue Mailer could not reach its backend. Try again in a moment.',
    ]);
    expect(rowTexts(tableNamed(section, 'Notification rules'))).toHaveLength(1);
    expect(document.activeElement).toBe(buttonNamed(section, 'Delete Comment watch'));
  });
});
