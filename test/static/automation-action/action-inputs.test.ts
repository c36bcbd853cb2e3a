import {
  defaultMailbox,
  initialInputs,
  inputProblems,
  invalidInputMessages,
  mailboxChoices,
  readActionContext,
  templateChoices,
} from '../../../static/automation-action/src/action-inputs';

const OPTIONS = {
  templates: [
    { id: 'a', name: 'Issue summary' },
    { id: 'b', name: 'Issue summary' },
  ],
  mailboxes: [
    { name: 'Support desk', senderMailbox: 'support@contoso.example', isDefault: false },
    { name: 'Main', senderMailbox: 'jira@contoso.example', isDefault: true },
  ],
};

describe('action inputs', () => {
  it.each([
    [undefined, { issueKey: '{{issue.key}}', recipients: '', template: '', mailbox: '', message: '' }],
    [[], { issueKey: '{{issue.key}}', recipients: '', template: '', mailbox: '', message: '' }],
    [{ issueKey: '' }, { issueKey: '', recipients: '', template: '', mailbox: '', message: '' }],
    [
      { issueKey: 'DEMO-1', recipients: 'reporter', template: 7, mailbox: true, message: null, other: 'dropped' },
      { issueKey: 'DEMO-1', recipients: 'reporter', template: '7', mailbox: 'true', message: '' },
    ],
  ])('reads stored inputs %j', (stored, expected) => {
    expect(initialInputs(stored)).toEqual(expected);
  });

  it('reads invalidInputs messages of its own fields only', () => {
    expect(
      invalidInputMessages({
        issueKey: { message: 'Issue is required' },
        mailbox: { message: ' ' },
        template: 'x',
        extra: { message: 'no' },
      }),
    ).toEqual({ issueKey: 'Issue is required' });
    expect(invalidInputMessages(null)).toEqual({});
  });

  it('reads the context Automation gives the form', () => {
    expect(
      readActionContext({
        extension: {
          type: 'action',
          data: { inputs: { recipients: 'assignee' } },
          errors: { invalidInputs: { recipients: { message: 'Bad' } } },
        },
      }),
    ).toEqual({
      inputs: { issueKey: '{{issue.key}}', recipients: 'assignee', template: '', mailbox: '', message: '' },
      invalid: { recipients: 'Bad' },
      // Issue was never set: the form shows {{issue.key}}, which Automation does not hold yet.
      stored: false,
    });
    expect(readActionContext({}).invalid).toEqual({});
  });

  it('says whether what the form shows is what Automation holds', () => {
    const full = { issueKey: '{{issue.key}}', recipients: 'reporter', template: '', mailbox: '', message: '' };
    expect(readActionContext({ extension: { data: { inputs: full } } }).stored).toBe(true);
    expect(readActionContext({ extension: { data: { inputs: { ...full, issueKey: undefined } } } }).stored).toBe(false);
    expect(readActionContext({ extension: { data: { inputs: {} } } }).stored).toBe(false);
  });

  it.each([
    ['reporter, ana@contoso.example; Watchers\nassignee', {}],
    ['{{issue.reporter.emailAddress}}, ana@contoso.example', {}],
    ['', {}],
    [
      'nobody-at-all',
      { recipients: '"nobody-at-all" in "Recipients" is neither an email address nor reporter, assignee or watchers.' },
    ],
    [
      'reporter, a@127.0.0.1',
      { recipients: '"a@127.0.0.1" in "Recipients" is neither an email address nor reporter, assignee or watchers.' },
    ],
    [
      'manager',
      { recipients: '"manager" in "Recipients" is neither an email address nor reporter, assignee or watchers.' },
    ],
  ])('judges the recipients %j as the run does', (recipients, expected) => {
    expect(inputProblems({ issueKey: '{{issue.key}}', recipients, template: '', mailbox: '', message: '' })).toEqual(
      expected,
    );
  });

  it('offers each template name once, and a stored name only while the options are unknown or it is missing', () => {
    expect(templateChoices(OPTIONS, '')).toEqual([
      { value: '', label: 'Project default' },
      { value: 'Issue summary', label: 'Issue summary' },
    ]);
    expect(templateChoices(undefined, 'Gone').at(-1)).toEqual({ value: 'Gone', label: 'Gone' });
    expect(templateChoices(OPTIONS, 'Gone').at(-1)).toEqual({ value: 'Gone', label: 'Gone (not found)' });
  });

  it('offers credentials by name and keeps a stored sender address', () => {
    expect(mailboxChoices(OPTIONS, 'JIRA@contoso.example')).toEqual([
      { value: '', label: 'Default credential' },
      { value: 'Support desk', label: 'Support desk (support@contoso.example)' },
      { value: 'Main', label: 'Main (jira@contoso.example)' },
      { value: 'JIRA@contoso.example', label: 'JIRA@contoso.example' },
    ]);
    expect(defaultMailbox(OPTIONS)).toBe('Main (jira@contoso.example)');
    expect(defaultMailbox({ templates: [], mailboxes: [] })).toBeUndefined();
  });
});
