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
  paragraphsOf,
  regionNamed,
  rowTexts,
  submit,
  tableNamed,
  textOf,
  typeInto,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';
import { answerLists, rule, stored } from './support/notification-rule-fixtures';
import { RulesHarness } from './support/rules-harness';

let mounted: Mounted | null = null;

beforeAll(() => {
  // jsdom lays nothing out, so it has no scrolling.
  Element.prototype.scrollIntoView = () => undefined;
});

beforeEach(() => {
  backend.reset();
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const ESCALATION: NotificationRuleView = rule('rule-7', {
  name: 'Escalations',
  enabled: false,
  event: 'issue-transitioned',
  toStatus: 'In Progress',
  projectKeys: ['OPS', 'SUP'],
  jql: 'priority = High',
  templateId: 'tpl-support',
  recipients: { addresses: ['ana@contoso.example', 'Ben Ode <ben@contoso.example>'], roles: ['assignee', 'watchers'] },
  credentialId: 'cred-support',
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

/** What a control's aria-describedby points at, in order. */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => textOf(document.getElementById(id) as HTMLElement));

const fillNewRule = async (section: HTMLElement) => {
  await typeInto(field(section, 'Name'), '  Escalations ');
  await choose(field<HTMLSelectElement>(section, 'When'), 'issue-transitioned');
  await choose(field<HTMLSelectElement>(section, 'To status'), 'Done');
  await click(field(section, 'Support (SUP)'));
  await click(field(section, 'Demo (DEMO)'));
  await typeInto(field(section, 'JQL'), ' priority = High ');
  await choose(field<HTMLSelectElement>(section, 'Template'), 'tpl-support');
  await click(field(section, 'Watchers'));
  await click(field(section, 'Reporter'));
  await typeInto(field(section, 'Other addresses'), ' ana@contoso.example,\n\n"Ode, Ben" <ben@contoso.example> ;\n');
};

describe('notification rule form', () => {
  it('opens empty from "Create rule" with focus on its heading and the default choices', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    const form = formOf(section);
    expect(document.activeElement?.textContent).toBe('Create notification rule');
    expect(field(section, 'Name').value).toBe('');
    expect(field<HTMLSelectElement>(section, 'When').value).toBe('issue-created');
    expect(form.querySelector('#rule-toStatus')).toBeNull();
    expect(Array.from(field<HTMLSelectElement>(section, 'From').options).map((option) => option.text)).toEqual([
      'Default credential',
      'Main (jira@contoso.example)',
      'Support desk (support@contoso.example)',
    ]);
    expect(describedBy(field(section, 'From'))).toEqual([
      'The default credential sends from jira@contoso.example (Main).',
    ]);
    expect(field(section, 'Enabled').checked).toBe(true);
    expect(describedBy(field(section, 'JQL'))).toEqual(['Only issues this JQL matches, e.g. priority = High']);
  });

  it('offers "Any status" and then Jira\'s statuses for transitions only', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await choose(field<HTMLSelectElement>(section, 'When'), 'issue-transitioned');
    expect(Array.from(field<HTMLSelectElement>(section, 'To status').options).map((option) => option.text)).toEqual([
      'Any status',
      'Done',
      'In Progress',
      'Open',
    ]);
    await choose(field<HTMLSelectElement>(section, 'When'), 'issue-commented');
    expect(formOf(section).querySelector('#rule-toStatus')).toBeNull();
  });

  it('creates a rule with the exact payload: trimmed, roles in order, addresses split, default sender', async () => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await fillNewRule(section);
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')).toEqual([
      {
        name: 'Escalations',
        enabled: true,
        event: 'issue-transitioned',
        toStatus: 'Done',
        projectKeys: ['DEMO', 'SUP'],
        jql: 'priority = High',
        templateId: 'tpl-support',
        recipients: {
          addresses: ['ana@contoso.example', '"Ode, Ben" <ben@contoso.example>'],
          roles: ['reporter', 'watchers'],
        },
      },
    ]);
    expect(paragraphsOf(section.querySelector('.im-message--success'))).toEqual([
      'Rule saved',
      '“Escalations” is saved and emails issues from now on.',
    ]);
    expect(rowTexts(tableNamed(section, 'Notification rules'))).toEqual([
      [
        'Escalations',
        'Transitioned to Done',
        'DEMO, SUP',
        'Reporter, Watchers, 2 addresses',
        'Support reply',
        'On',
        'EditHistoryTryDelete',
      ],
    ]);
  });

  it.each([
    ['issue-created', {}],
    ['issue-commented', {}],
    ['issue-transitioned', { toStatus: 'Done' }],
  ] as const)('sends toStatus for %s only when it is a transition', async (event, expected) => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await fillNewRule(section);
    await choose(field<HTMLSelectElement>(section, 'When'), event);
    await click(buttonNamed(section, 'Save rule'));
    const [sent] = backend.payloadsOf('saveNotificationRule');
    expect(sent?.event).toBe(event);
    expect({ ...(sent?.toStatus === undefined ? {} : { toStatus: sent.toStatus }) }).toEqual(expected);
  });

  it('sends "Any status" as no toStatus, an empty JQL as none, and a chosen credential by id', async () => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await fillNewRule(section);
    await choose(field<HTMLSelectElement>(section, 'To status'), '');
    await typeInto(field(section, 'JQL'), '   ');
    await choose(field<HTMLSelectElement>(section, 'From'), 'cred-support');
    await click(field(section, 'Enabled'));
    await click(buttonNamed(section, 'Save rule'));
    const [sent] = backend.payloadsOf('saveNotificationRule');
    expect(sent).toEqual({
      name: 'Escalations',
      enabled: false,
      event: 'issue-transitioned',
      projectKeys: ['DEMO', 'SUP'],
      templateId: 'tpl-support',
      recipients: {
        addresses: ['ana@contoso.example', '"Ode, Ben" <ben@contoso.example>'],
        roles: ['reporter', 'watchers'],
      },
      credentialId: 'cred-support',
    });
    expect(paragraphsOf(section.querySelector('.im-message--success'))).toEqual([
      'Rule saved',
      '“Escalations” is saved. It is off until you enable it.',
    ]);
  });

  it('pre-fills a rule for editing and saves it under its id', async () => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const section = await openSection([ESCALATION]);
    await click(buttonNamed(section, 'Edit Escalations'));
    expect(document.activeElement?.textContent).toBe('Edit rule: Escalations');
    expect(field(section, 'Name').value).toBe('Escalations');
    expect(field<HTMLSelectElement>(section, 'When').value).toBe('issue-transitioned');
    expect(field<HTMLSelectElement>(section, 'To status').value).toBe('In Progress');
    expect(['Demo (DEMO)', 'Operations (OPS)', 'Support (SUP)'].map((label) => field(section, label).checked)).toEqual([
      false,
      true,
      true,
    ]);
    expect(field(section, 'JQL').value).toBe('priority = High');
    expect(field<HTMLSelectElement>(section, 'Template').value).toBe('tpl-support');
    expect(['Reporter', 'Assignee', 'Watchers'].map((label) => field(section, label).checked)).toEqual([
      false,
      true,
      true,
    ]);
    expect(field(section, 'Other addresses').value).toBe('ana@contoso.example\nBen Ode <ben@contoso.example>');
    expect(field<HTMLSelectElement>(section, 'From').value).toBe('cred-support');
    expect(field(section, 'Enabled').checked).toBe(false);

    await typeInto(field(section, 'Name'), 'Escalations to ops');
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')).toEqual([
      {
        id: 'rule-7',
        name: 'Escalations to ops',
        enabled: false,
        event: 'issue-transitioned',
        toStatus: 'In Progress',
        projectKeys: ['OPS', 'SUP'],
        jql: 'priority = High',
        templateId: 'tpl-support',
        recipients: {
          addresses: ['ana@contoso.example', 'Ben Ode <ben@contoso.example>'],
          roles: ['assignee', 'watchers'],
        },
        credentialId: 'cred-support',
      },
    ]);
    expect(rowTexts(tableNamed(section, 'Notification rules'))[0]?.[0]).toBe('Escalations to ops');
  });

  it('keeps a stored project, status, template or credential the lists no longer hold', async () => {
    backend.on('saveNotificationRule', (input) => stored(input));
    const gone = rule('rule-8', {
      name: 'Old',
      event: 'issue-transitioned',
      toStatus: 'Archived',
      projectKeys: ['LEGACY'],
      templateId: 'tpl-gone',
      credentialId: 'cred-gone',
    });
    const section = await openSection([gone]);
    await click(buttonNamed(section, 'Edit Old'));
    expect(field(section, 'LEGACY').checked).toBe(true);
    expect(field<HTMLSelectElement>(section, 'To status').value).toBe('Archived');
    expect(field<HTMLSelectElement>(section, 'Template').selectedOptions[0]?.text).toBe('Unknown template (tpl-gone)');
    expect(field<HTMLSelectElement>(section, 'From').selectedOptions[0]?.text).toBe('Unknown credential (cred-gone)');
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')[0]).toMatchObject({
      toStatus: 'Archived',
      projectKeys: ['LEGACY'],
      templateId: 'tpl-gone',
      credentialId: 'cred-gone',
    });
  });

  it('refuses a bad address before sending, with the parser\'s message on "Other addresses"', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await fillNewRule(section);
    const addresses = field(section, 'Other addresses');
    await typeInto(addresses, 'ana@contoso.example, bob@\njane@localhost');
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')).toEqual([]);
    expect(addresses.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(addresses)[0]).toBe('"bob@" is not a valid email address.');
    expect(document.activeElement).toBe(addresses);
    await typeInto(addresses, 'ana@contoso.example');
    expect(addresses.getAttribute('aria-invalid')).toBeNull();
  });

  it('names every missing field before sending and focuses the first', async () => {
    const section = await openSection();
    await click(buttonNamed(section, 'Create rule'));
    await submit(formOf(section));
    expect(backend.payloadsOf('saveNotificationRule')).toEqual([]);
    const errors = Array.from(formOf(section).querySelectorAll('.im-field__error')).map((element) => [
      element.id,
      textOf(element),
    ]);
    expect(errors).toEqual([
      ['rule-name-error', 'Name the rule.'],
      ['rule-projectKeys-error', 'Choose at least one project.'],
      ['rule-templateId-error', 'Choose a template.'],
      ['rule-recipients-error', 'Add at least one recipient: an address, the reporter, the assignee or the watchers.'],
    ]);
    expect(document.activeElement).toBe(field(section, 'Name'));
  });

  const FIELD_ERRORS = [
    ['name', 'Name', 'A rule with this name exists.'],
    ['event', 'When', 'Choose when the rule sends.'],
    ['toStatus', 'To status', 'Jira has no status Archived.'],
    ['projectKeys', 'Demo (DEMO)', 'You cannot see project OPS.'],
    ['jql', 'JQL', "Jira could not read this JQL. Check it in Jira's issue search."],
    ['templateId', 'Template', 'That template no longer exists. Choose another.'],
    ['recipients', 'Reporter', 'Add at least one recipient: an address, the reporter, the assignee or the watchers.'],
    ['credentialId', 'From', 'That credential no longer exists. Choose another mailbox.'],
  ] as const;

  it.each(FIELD_ERRORS)('shows fieldErrors.%s under its field and focuses it', async (key, label, message) => {
    backend.on('saveNotificationRule', () => ({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors: { [key]: message } },
    }));
    const section = await openSection([ESCALATION]);
    await click(buttonNamed(section, 'Edit Escalations'));
    await click(buttonNamed(section, 'Save rule'));
    expect(backend.payloadsOf('saveNotificationRule')).toHaveLength(1);
    const error = document.getElementById(`rule-${key}-error`);
    expect(error && textOf(error)).toBe(message);
    // The control (or the group of boxes) names the message as its description.
    const described = document.getElementById(`rule-${key}`) as HTMLElement;
    expect(described.getAttribute('aria-describedby')?.split(' ')).toContain(`rule-${key}-error`);
    expect(document.activeElement).toBe(field(section, label));
    expect(paragraphsOf(formOf(section).querySelector('[role="alert"]'))).toEqual([
      'The rule was not saved',
      'Check the highlighted fields.',
    ]);
  });

  it('shows several resolver messages at once, dotted keys on their field, unknown keys under the form', async () => {
    backend.on('saveNotificationRule', () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: {
          templateId: 'That template no longer exists. Choose another.',
          'recipients.addresses.1': 'Enter valid email addresses.',
          schedule: 'Schedules are not supported.',
        },
      },
    }));
    const section = await openSection([ESCALATION]);
    await click(buttonNamed(section, 'Edit Escalations'));
    await click(buttonNamed(section, 'Save rule'));
    expect(describedBy(field(section, 'Template'))[0]).toBe('That template no longer exists. Choose another.');
    expect(describedBy(field(section, 'Other addresses'))[0]).toBe('Enter valid email addresses.');
    expect(paragraphsOf(formOf(section).querySelector('[role="alert"]'))).toEqual([
      'The rule was not saved',
      'Check the highlighted fields.',
      'Schedules are not supported.',
    ]);
    expect(document.activeElement).toBe(field(section, 'Template'));
  });

  it('closes on Cancel and gives focus back to what opened it', async () => {
    const section = await openSection([ESCALATION]);
    const edit = buttonNamed(section, 'Edit Escalations');
    await click(edit);
    await click(buttonNamed(section, 'Cancel'));
    expect(section.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(edit);
    await click(buttonNamed(section, 'Create rule'));
    await click(buttonNamed(section, 'Cancel'));
    expect(document.activeElement).toBe(buttonNamed(section, 'Create rule'));
  });
});
