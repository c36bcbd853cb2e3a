/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-action-bridge';

import type { AutomationActionOptions, ResolverResult } from '../../../src/contract';
import { ActionConfigForm } from '../../../static/automation-action/src/action-config-form';
import {
  blur,
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  paragraphsOf,
  settle,
  textOf,
  typeInto,
} from '../admin/support/dom';
import { automation, deferred } from './support/fake-action-bridge';

let mounted: Mounted | null = null;

const OPTIONS: AutomationActionOptions = {
  templates: [
    { id: 'built-in', name: 'Issue summary' },
    { id: 'tpl-support', name: 'Support reply' },
  ],
  mailboxes: [
    { name: 'Main', senderMailbox: 'jira@contoso.example', isDefault: true },
    { name: 'Support desk', senderMailbox: 'support@contoso.example', isDefault: false },
  ],
};

const STORED = {
  issueKey: 'DEMO-7',
  recipients: 'reporter, ana@contoso.example',
  template: 'Support reply',
  mailbox: 'Support desk',
  message: 'Escalated: {{issue.summary}}',
};

const openedWith = (inputs: Record<string, unknown>, invalidInputs: Record<string, { message: string }> = {}) => {
  automation.context = { extension: { type: 'action', data: { inputs }, errors: { invalidInputs } } };
};

beforeEach(() => {
  automation.reset();
  automation.options = () => ({ ok: true, data: OPTIONS });
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const open = async () => {
  mounted = await mount(<ActionConfigForm />);
  // The context comes first, then the options: two rounds of bridge calls.
  await settle();
  const container = mounted.container;
  return {
    container,
    issue: controlLabelled(container, 'Issue'),
    recipients: controlLabelled(container, 'Recipients'),
    template: controlLabelled<HTMLSelectElement>(container, 'Template'),
    mailbox: controlLabelled<HTMLSelectElement>(container, 'Sender mailbox'),
    message: controlLabelled<HTMLTextAreaElement>(container, 'Message'),
  };
};

const values = (form: Awaited<ReturnType<typeof open>>) => ({
  issueKey: form.issue.value,
  recipients: form.recipients.value,
  template: form.template.value,
  mailbox: form.mailbox.value,
  message: form.message.value,
});

const optionsOf = (select: HTMLSelectElement) =>
  Array.from(select.options).map((option) => [option.value, option.text]);

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => textOf(document.getElementById(id) as HTMLElement));

describe('the "Send issue email" configuration form', () => {
  it('starts from the inputs Automation kept for the rule, without submitting anything', async () => {
    openedWith(STORED);
    const form = await open();
    expect(values(form)).toEqual(STORED);
    expect(automation.submits).toEqual([]);
    expect(automation.invokes).toEqual([{ functionKey: 'getActionOptions', payload: {} }]);
  });

  it('starts a new rule at {{issue.key}} with the project default template and the default credential', async () => {
    openedWith({});
    const form = await open();
    expect(values(form)).toEqual({ issueKey: '{{issue.key}}', recipients: '', template: '', mailbox: '', message: '' });
    expect(form.template.selectedOptions[0]?.text).toBe('Project default');
    expect(form.mailbox.selectedOptions[0]?.text).toBe('Default credential');
  });

  it('labels each field, marks Issue and Recipients required and explains them', async () => {
    const form = await open();
    expect(form.issue.getAttribute('aria-required')).toBe('true');
    expect(form.recipients.getAttribute('aria-required')).toBe('true');
    expect(form.template.getAttribute('aria-required')).toBeNull();
    expect(describedBy(form.issue)).toEqual(['A smart value: {{issue.key}} emails the issue the rule runs on.']);
    expect(describedBy(form.recipients)).toEqual([
      'Addresses, and reporter, assignee or watchers, separated by commas',
    ]);
    expect(describedBy(form.mailbox)).toEqual([
      'The mailbox the email is sent from. Default credential: Main (jira@contoso.example).',
    ]);
  });

  it('offers the templates and credentials by name, the defaults first', async () => {
    const form = await open();
    expect(optionsOf(form.template)).toEqual([
      ['', 'Project default'],
      ['Issue summary', 'Issue summary'],
      ['Support reply', 'Support reply'],
    ]);
    expect(optionsOf(form.mailbox)).toEqual([
      ['', 'Default credential'],
      ['Main', 'Main (jira@contoso.example)'],
      ['Support desk', 'Support desk (support@contoso.example)'],
    ]);
  });

  it('keeps a template or credential the options no longer hold, and says so', async () => {
    openedWith({ ...STORED, template: 'Old layout', mailbox: 'support@contoso.example' });
    const form = await open();
    expect(form.template.value).toBe('Old layout');
    expect(optionsOf(form.template).at(-1)).toEqual(['Old layout', 'Old layout (not found)']);
    // A sender address is what the action also accepts: not "not found".
    expect(optionsOf(form.mailbox).at(-1)).toEqual(['support@contoso.example', 'support@contoso.example']);
  });

  it.each([
    ['Issue', 'DEMO-12', { issueKey: 'DEMO-12' }],
    ['Recipients', 'watchers, ben@contoso.example', { recipients: 'watchers, ben@contoso.example' }],
    ['Message', 'Please look at this', { message: 'Please look at this' }],
  ])('submits all five inputs as strings when %s changes', async (label, typed, changed) => {
    openedWith(STORED);
    const form = await open();
    await typeInto(controlLabelled(form.container, label), typed);
    expect(automation.submits).toEqual([{ ...STORED, ...changed }]);
  });

  it('submits the chosen template and mailbox by name, and the defaults as empty strings', async () => {
    openedWith({});
    const form = await open();
    await choose(form.template, 'Support reply');
    await choose(form.mailbox, 'Main');
    await choose(form.template, '');
    const blank = { issueKey: '{{issue.key}}', recipients: '', message: '' };
    expect(automation.submits).toEqual([
      { ...blank, template: '', mailbox: '' },
      { ...blank, template: 'Support reply', mailbox: '' },
      { ...blank, template: 'Support reply', mailbox: 'Main' },
      { ...blank, template: '', mailbox: 'Main' },
    ]);
  });

  it("answers Automation's AUTOMATION_ACTION_SUBMIT with the inputs typed last, and stops listening when closed", async () => {
    openedWith(STORED);
    const form = await open();
    await typeInto(form.recipients, 'assignee');
    automation.emit('AUTOMATION_ACTION_SUBMIT');
    await settle();
    expect(automation.submits).toEqual([
      { ...STORED, recipients: 'assignee' },
      { ...STORED, recipients: 'assignee' },
    ]);
    await mounted?.unmount();
    mounted = null;
    automation.emit('AUTOMATION_ACTION_SUBMIT');
    await settle();
    expect(automation.submits).toHaveLength(2);
    expect(automation.subscriptions.map((subscription) => [subscription.event, subscription.active])).toEqual([
      ['AUTOMATION_ACTION_SUBMIT', false],
    ]);
  });

  it("hands a new rule's {{issue.key}} to Automation when it opens, so what is shown is what is saved", async () => {
    openedWith({ recipients: 'reporter' });
    const form = await open();
    expect(form.issue.value).toBe('{{issue.key}}');
    expect(automation.submits).toEqual([
      { issueKey: '{{issue.key}}', recipients: 'reporter', template: '', mailbox: '', message: '' },
    ]);
  });

  it('refuses recipients the run would refuse: the reason under the field, nothing handed to Automation', async () => {
    openedWith(STORED);
    const form = await open();
    await typeInto(form.recipients, 'nobody-at-all');
    expect(automation.submits).toEqual([]);
    const reason = '"nobody-at-all" in "Recipients" is neither an email address nor reporter, assignee or watchers.';

    await blur(form.recipients);
    expect(form.recipients.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(form.recipients)[0]).toBe(reason);

    await typeInto(form.recipients, 'reporter, nobody-at-all');
    expect(form.recipients.getAttribute('aria-invalid')).toBeNull();
    automation.emit('AUTOMATION_ACTION_SUBMIT');
    await settle();
    expect(automation.submits).toEqual([]);
    expect(describedBy(form.recipients)[0]).toBe(reason);

    // A smart value is Automation's to resolve when the rule runs; roles and addresses are what the run takes.
    await typeInto(form.recipients, '{{issue.reporter.emailAddress}}, watchers, ana@contoso.example');
    automation.emit('AUTOMATION_ACTION_SUBMIT');
    await settle();
    const accepted = { ...STORED, recipients: '{{issue.reporter.emailAddress}}, watchers, ana@contoso.example' };
    expect(automation.submits).toEqual([accepted, accepted]);
    expect(form.recipients.getAttribute('aria-invalid')).toBeNull();
  });

  it('submits on Enter in a text field', async () => {
    openedWith(STORED);
    const form = await open();
    const element = form.container.querySelector('form') as HTMLFormElement;
    element.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(automation.submits).toEqual([STORED]);
  });

  it("shows Automation's invalidInputs under their fields until the field is edited", async () => {
    openedWith(
      { issueKey: '', recipients: '' },
      {
        issueKey: { message: 'Issue is required' },
        recipients: { message: 'Recipients is required' },
        unknown: { message: 'ignored' },
      },
    );
    const form = await open();
    expect(form.issue.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(form.issue)).toEqual([
      'Issue is required',
      'A smart value: {{issue.key}} emails the issue the rule runs on.',
    ]);
    expect(describedBy(form.recipients)[0]).toBe('Recipients is required');
    expect(form.template.getAttribute('aria-invalid')).toBeNull();

    await typeInto(form.issue, '{{issue.key}}');
    expect(form.issue.getAttribute('aria-invalid')).toBeNull();
    expect(describedBy(form.issue)).toEqual(['A smart value: {{issue.key}} emails the issue the rule runs on.']);
    expect(describedBy(form.recipients)[0]).toBe('Recipients is required');
  });

  it('says so while the options load, and keeps the stored choices selectable', async () => {
    const pending = deferred<ResolverResult<AutomationActionOptions>>();
    automation.options = () => pending.promise;
    openedWith(STORED);
    const form = await open();
    expect(describedBy(form.template)).toEqual(['Loading templates…']);
    expect(describedBy(form.mailbox)).toEqual(['Loading credentials…']);
    expect(form.template.value).toBe('Support reply');
    pending.resolve({ ok: true, data: OPTIONS });
    await settle();
    expect(describedBy(form.template)).toEqual([
      "The email's subject and body. Project default uses the template chosen for the issue's project.",
    ]);
  });

  it('explains a failed options load and loads them again on "Try again"', async () => {
    automation.options = () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You may not configure this action.' },
    });
    const form = await open();
    const alert = form.container.querySelector('[role="alert"]');
    expect(paragraphsOf(alert)).toEqual([
      'Templates and credentials could not be loaded',
      'You may not configure this action.',
      'Try again',
    ]);
    expect(optionsOf(form.template)).toEqual([['', 'Project default']]);

    automation.options = () => ({ ok: true, data: OPTIONS });
    await click(buttonNamed(form.container, 'Try again'));
    expect(form.container.querySelector('[role="alert"]')).toBeNull();
    expect(optionsOf(form.template)).toHaveLength(3);
    expect(automation.invokes).toHaveLength(2);
  });

  it('says the configuration could not be loaded when Automation gives no context', async () => {
    automation.contextFails = true;
    mounted = await mount(<ActionConfigForm />);
    expect(paragraphsOf(mounted.container.querySelector('[role="alert"]'))).toEqual([
      'The configuration could not be loaded',
      'Close the action and open it again.',
    ]);
    expect(mounted.container.querySelector('form')).toBeNull();
  });
});
