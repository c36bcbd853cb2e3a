/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { NotificationRuleView } from '../../../src/contract';
import {
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  regionNamed,
  rowTexts,
  tableNamed,
  typeInto,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';
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

const openSection = async (rules: NotificationRuleView[] = []) => {
  answerLists(backend, rules);
  mounted = await mount(<RulesHarness />);
  return regionNamed(mounted.container, 'Notification rules');
};

const formOf = (section: HTMLElement) => {
  const form = section.querySelector('form');
  if (!form) throw new Error('The rule form is not open.');
  return form;
};

const field = <T extends HTMLElement = HTMLInputElement>(section: HTMLElement, label: string) =>
  controlLabelled<T>(formOf(section), label);

const fillRule = async (section: HTMLElement, event: string) => {
  await typeInto(field(section, 'Name'), 'Watch it');
  await choose(field<HTMLSelectElement>(section, 'When'), event);
  await click(field(section, 'Demo (DEMO)'));
  await choose(field<HTMLSelectElement>(section, 'Template'), 'tpl-support');
  await click(field(section, 'Assignee'));
};

describe("the rule form's events", () => {
  it('offers every event Jira announces that a rule can answer', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    expect(
      Array.from(field<HTMLSelectElement>(section, 'When').options).map((option) => [option.value, option.text]),
    ).toEqual([
      ['issue-created', 'Issue created'],
      ['issue-commented', 'Issue commented'],
      ['issue-transitioned', 'Issue transitioned'],
      ['issue-assigned', 'Issue assigned'],
      ['issue-resolved', 'Issue resolved'],
      ['priority-changed', 'Priority changed'],
      ['field-changed', 'A chosen field changed'],
      ['attachment-added', 'Attachment added'],
    ]);
  });

  it.each(['issue-assigned', 'issue-resolved', 'priority-changed', 'attachment-added'])(
    'saves a rule for %s as it is, with no status or field',
    async (event) => {
      backend.on('saveNotificationRule', (input) => stored(input));
      const section = await openSection();
      await click(buttonNamed(section, 'Create rule'));
      await fillRule(section, event);
      expect(formOf(section).querySelector('#rule-fieldId')).toBeNull();
      await click(buttonNamed(section, 'Save rule'));
      const [sent] = backend.payloadsOf('saveNotificationRule');
      expect(sent).toEqual({
        name: 'Watch it',
        enabled: true,
        event,
        projectKeys: ['DEMO'],
        templateId: 'tpl-support',
        recipients: { addresses: [], roles: ['assignee'] },
      });
    },
  );

  it("picks the field from Jira's field list, refuses no field before sending, and names it in the table", async () => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await fillRule(section, 'field-changed');
    const picker = field<HTMLSelectElement>(section, 'Field');
    expect(Array.from(picker.options).map((option) => option.text)).toEqual([
      'Choose a field',
      'Labels',
      'Priority',
      'Story Points',
    ]);
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')).toEqual([]);
    expect(document.getElementById('rule-fieldId-error')?.textContent).toBe(
      'Choose the field whose change sends the email.',
    );
    await choose(picker, 'customfield_10016');
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')[0]).toMatchObject({
      event: 'field-changed',
      fieldId: 'customfield_10016',
    });
    expect(rowTexts(tableNamed(section, 'Notification rules'))[0]?.[1]).toBe('Story Points changed');
  });

  it('shows a stored field rule by its field name, and its id when Jira no longer lists it', async () => {
    await openSection([
      rule('rule-1', { name: 'Labels', event: 'field-changed', fieldId: 'labels' }),
      rule('rule-2', { name: 'Gone', event: 'field-changed', fieldId: 'customfield_99999' }),
    ]);
    const section = regionNamed((mounted as Mounted).container, 'Notification rules');
    expect(rowTexts(tableNamed(section, 'Notification rules')).map((row) => row[1])).toEqual([
      'Labels changed',
      'customfield_99999 changed',
    ]);
  });
});
