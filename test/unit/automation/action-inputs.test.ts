import { type ActionInputs, parseActionInputs } from '../../../src/automation/action-inputs';
import { ActionInputError } from '../../../src/automation/errors';

const EMPTY_ISSUE = '"Issue" is empty: set it to {{issue.key}} so the action emails the rule\'s issue.';
const EMPTY_RECIPIENTS = '"Recipients" is empty: add email addresses, or reporter, assignee or watchers.';
const notAKey = (shown: string) =>
  `"Issue" must be an issue key such as DEMO-12 (usually {{issue.key}}), not "${shown}".`;
const notARecipient = (shown: string) =>
  `"${shown}" in "Recipients" is neither an email address nor reporter, assignee or watchers.`;

const inputs = (overrides: Partial<ActionInputs> = {}): ActionInputs => ({
  issueKey: 'DEMO-1',
  addresses: ['ada@example.com'],
  roles: [],
  template: undefined,
  mailbox: undefined,
  message: '',
  ...overrides,
});

const thrown = (payload: unknown): unknown => {
  try {
    parseActionInputs(payload);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parseActionInputs', () => {
  it.each<[string, Record<string, unknown>, ActionInputs]>([
    ['a key and an address', { issueKey: 'DEMO-1', recipients: 'ada@example.com' }, inputs()],
    ['a lower-case key with spaces, as upper case', { issueKey: '  demo-1 ', recipients: 'ada@example.com' }, inputs()],
    [
      'a key with digits and an underscore',
      { issueKey: 'AB_2-99', recipients: 'ada@example.com' },
      inputs({ issueKey: 'AB_2-99' }),
    ],
    [
      'roles in any case, each once, in their first order',
      { issueKey: 'DEMO-1', recipients: 'Watchers, REPORTER;\nwatchers\nreporter' },
      inputs({ addresses: [], roles: ['watchers', 'reporter'] }),
    ],
    [
      'the three roles',
      { issueKey: 'DEMO-1', recipients: 'reporter,assignee,watchers' },
      inputs({ addresses: [], roles: ['reporter', 'assignee', 'watchers'] }),
    ],
    [
      'addresses, each once whatever its case (the first spelling kept)',
      { issueKey: 'DEMO-1', recipients: 'Ada@Example.com, ada@example.com; bob@example.com\nADA@EXAMPLE.COM' },
      inputs({ addresses: ['Ada@Example.com', 'bob@example.com'] }),
    ],
    ['a named address, as its address', { issueKey: 'DEMO-1', recipients: 'Ada Lovelace <ada@example.com>' }, inputs()],
    ['separators with nothing between them', { issueKey: 'DEMO-1', recipients: ' ,ada@example.com;; \n ,' }, inputs()],
    [
      'addresses and roles mixed',
      { issueKey: 'DEMO-1', recipients: 'assignee, ada@example.com' },
      inputs({ roles: ['assignee'] }),
    ],
    [
      'an empty template and mailbox, as none',
      { issueKey: 'DEMO-1', recipients: 'ada@example.com', template: '  ', mailbox: '' },
      inputs(),
    ],
    [
      'null template, mailbox and message, as none',
      { issueKey: 'DEMO-1', recipients: 'ada@example.com', template: null, mailbox: null, message: null },
      inputs(),
    ],
    [
      'a template and a mailbox, trimmed',
      { issueKey: 'DEMO-1', recipients: 'ada@example.com', template: ' Short ', mailbox: ' Alerts ' },
      inputs({ template: 'Short', mailbox: 'Alerts' }),
    ],
    [
      'a message, as given',
      { issueKey: 'DEMO-1', recipients: 'ada@example.com', message: '  Please look\n' },
      inputs({ message: '  Please look\n' }),
    ],
    [
      'a long message, cut at 20,000 characters',
      { issueKey: 'DEMO-1', recipients: 'ada@example.com', message: 'x'.repeat(20_001) },
      inputs({ message: 'x'.repeat(20_000) }),
    ],
    ['inputs it does not read', { issueKey: 'DEMO-1', recipients: 'ada@example.com', cc: 'bob@example.com' }, inputs()],
  ])('reads %s', (_name, payload, expected) => {
    expect(parseActionInputs(payload)).toStrictEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['no issue key', { recipients: 'ada@example.com' }, EMPTY_ISSUE],
    ['a null issue key', { issueKey: null, recipients: 'ada@example.com' }, EMPTY_ISSUE],
    ['an empty issue key', { issueKey: '', recipients: 'ada@example.com' }, EMPTY_ISSUE],
    [
      'a blank issue key (a smart value that resolved to nothing)',
      { issueKey: '   ', recipients: 'ada@example.com' },
      EMPTY_ISSUE,
    ],
    ['a project key, quoted as typed', { issueKey: 'demo', recipients: 'ada@example.com' }, notAKey('demo')],
    [
      'an unresolved smart value, quoted as typed',
      { issueKey: '{{issue.key}}', recipients: 'ada@example.com' },
      notAKey('{{issue.key}}'),
    ],
    ['issue number 0', { issueKey: 'DEMO-0', recipients: 'ada@example.com' }, notAKey('DEMO-0')],
    [
      'a long value, cut with …',
      { issueKey: 'x'.repeat(80), recipients: 'ada@example.com' },
      notAKey(`${'x'.repeat(59)}…`),
    ],
    [
      'a value of 60 characters, in full',
      { issueKey: 'x'.repeat(60), recipients: 'ada@example.com' },
      notAKey('x'.repeat(60)),
    ],
    ['no recipients', { issueKey: 'DEMO-1' }, EMPTY_RECIPIENTS],
    ['empty recipients', { issueKey: 'DEMO-1', recipients: '' }, EMPTY_RECIPIENTS],
    ['recipients of separators only', { issueKey: 'DEMO-1', recipients: ' , ;\n ' }, EMPTY_RECIPIENTS],
    [
      'a word that is no role',
      { issueKey: 'DEMO-1', recipients: 'ada@example.com, manager' },
      notARecipient('manager'),
    ],
    ['a role in the plural it is not', { issueKey: 'DEMO-1', recipients: 'reporters' }, notARecipient('reporters')],
    [
      'an address without a dot in its domain',
      { issueKey: 'DEMO-1', recipients: 'ada@localhost' },
      notARecipient('ada@localhost'),
    ],
    [
      'a long token, cut with …',
      { issueKey: 'DEMO-1', recipients: 'y'.repeat(100) },
      notARecipient(`${'y'.repeat(59)}…`),
    ],
    [
      'an issue key that is not text',
      { issueKey: 12, recipients: 'ada@example.com' },
      'The action received inputs it does not know. Open the action in the rule and save it again.',
    ],
    [
      'a payload that is no object',
      'DEMO-1',
      'The action received inputs it does not know. Open the action in the rule and save it again.',
    ],
    [
      'no payload',
      undefined,
      'The action received inputs it does not know. Open the action in the rule and save it again.',
    ],
  ])('refuses %s with ActionInputError', (_name, payload, message) => {
    const error = thrown(payload);
    expect(error).toBeInstanceOf(ActionInputError);
    expect(error).toMatchObject({ name: 'ActionInputError', code: 'AUTOMATION_INPUT_INVALID', message });
  });

  it('checks the issue key before the recipients', () => {
    expect(thrown({ issueKey: 'nope', recipients: '' })).toMatchObject({ message: notAKey('nope') });
  });
});
