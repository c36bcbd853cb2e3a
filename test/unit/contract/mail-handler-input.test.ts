import {
  DOMAIN_MESSAGE,
  PATTERN_BACKREFERENCE_MESSAGE,
  PATTERN_EMPTY_MATCH_MESSAGE,
  PATTERN_GROUP_MESSAGE,
  PATTERN_INVALID_MESSAGE,
  PATTERN_NESTED_MESSAGE,
  PATTERN_TOO_LONG_MESSAGE,
  subjectKeyPatternProblem,
} from '../../../src/contract/mail-handler-rules';
import {
  DEFAULT_PROCESSED_FOLDER,
  DEFAULT_SUBJECT_KEY_PATTERN,
  DOMAINS_REQUIRED_MESSAGE,
  ISSUE_TYPE_REQUIRED_MESSAGE,
  issueKeyInSubject,
  type MailHandlerInput,
  mailHandlerInputSchema,
  PROJECT_REQUIRED_MESSAGE,
  REPORTER_REQUIRED_MESSAGE,
  SAME_FOLDER_MESSAGE,
} from '../../../src/contract/mail-handlers';
import { fieldErrorsOf } from '../../../src/resolvers/resolver-kit';
import { handlerInput } from '../support/mail-handlers';

const errorsOf = (input: unknown): Record<string, string> => {
  const parsed = mailHandlerInputSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe('mail handler input schema', () => {
  it('fills the defaults: Inbox, the processed folder, the key pattern, from now on, 20 an hour', () => {
    const parsed = mailHandlerInputSchema.parse(handlerInput());
    expect(parsed).toMatchObject({
      folder: 'Inbox',
      processedFolder: DEFAULT_PROCESSED_FOLDER,
      subjectKeyPattern: DEFAULT_SUBJECT_KEY_PATTERN,
      backfillDays: 0,
      senderHourlyLimit: 20,
      allowedDomains: [],
    });
  });

  it.each<[string, Partial<MailHandlerInput> | Record<string, unknown>, Record<string, string>]>([
    ['a blank name', { name: '  ' }, { name: 'Enter a name, for example "Support inbox".' }],
    ['a long name', { name: 'x'.repeat(81) }, { name: 'Keep the name under 80 characters.' }],
    ['no credential', { credentialId: '' }, { credentialId: 'Choose the credential that reads the mailbox.' }],
    [
      'a mailbox with a name',
      { mailbox: 'Help <help@contoso.com>' },
      { mailbox: 'Enter the mailbox address, for example help@contoso.com.' },
    ],
    [
      'a mailbox that is no address',
      { mailbox: 'help' },
      { mailbox: 'Enter the mailbox address, for example help@contoso.com.' },
    ],
    ['an empty folder', { folder: ' ' }, { folder: 'Enter the folder to read, usually Inbox.' }],
    [
      'a folder path',
      { folder: 'Inbox/Support' },
      { folder: 'Enter a folder name of at most 255 characters, without / or \\.' },
    ],
    ['an unknown mode', { mode: 'everything' }, { mode: 'Choose what the handler does with new mail.' }],
    ['no project for new issues', { projectKey: undefined }, { projectKey: PROJECT_REQUIRED_MESSAGE }],
    ['no issue type for new issues', { issueTypeId: undefined }, { issueTypeId: ISSUE_TYPE_REQUIRED_MESSAGE }],
    [
      'no default reporter for new issues',
      { defaultReporter: undefined },
      { defaultReporter: REPORTER_REQUIRED_MESSAGE },
    ],
    ['a project key in lower case', { projectKey: 'demo' }, { projectKey: 'Choose a project.' }],
    ['domains without any', { senders: 'domains' }, { allowedDomains: DOMAINS_REQUIRED_MESSAGE }],
    [
      'a domain with a space',
      { senders: 'domains', allowedDomains: ['contoso .com'] },
      { allowedDomains: DOMAIN_MESSAGE },
    ],
    [
      'a domain without a dot',
      { senders: 'domains', allowedDomains: ['localhost'] },
      { allowedDomains: DOMAIN_MESSAGE },
    ],
    [
      'moving into the folder read',
      { folder: 'Support', processedFolder: 'support' },
      { processedFolder: SAME_FOLDER_MESSAGE },
    ],
    ['an unsafe pattern', { subjectKeyPattern: '(a+)+([A-Z]+-[0-9]+)' }, { subjectKeyPattern: PATTERN_NESTED_MESSAGE }],
    ['31 days back', { backfillDays: 31 }, { backfillDays: 'Enter a number of days from 0 (from now on) to 30.' }],
    [
      'a fraction of a day',
      { backfillDays: 1.5 },
      { backfillDays: 'Enter a number of days from 0 (from now on) to 30.' },
    ],
    ['no sender limit', { senderHourlyLimit: 0 }, { senderHourlyLimit: 'Enter a number of messages from 1 to 1000.' }],
  ])('refuses %s on its field', (_name, overrides, expected) => {
    expect(errorsOf({ ...handlerInput(), ...overrides })).toEqual(expected);
  });

  it('needs no project, issue type or reporter for comments only', () => {
    const input = handlerInput({
      mode: 'comments-only',
      projectKey: undefined,
      issueTypeId: undefined,
      defaultReporter: undefined,
    });
    expect(errorsOf(input)).toEqual({});
  });

  it('shows every field message at once', () => {
    expect(
      Object.keys(errorsOf({ ...handlerInput(), name: '', projectKey: undefined, backfillDays: -1 })).sort(),
    ).toEqual(['backfillDays', 'name', 'projectKey']);
  });

  it('keeps domains as typed with @ and capitals, lower-cased', () => {
    const parsed = mailHandlerInputSchema.parse(
      handlerInput({ senders: 'domains', allowedDomains: ['@Contoso.COM', 'fabrikam.co.uk'] }),
    );
    expect(parsed.allowedDomains).toEqual(['contoso.com', 'fabrikam.co.uk']);
  });

  it('refuses unknown fields', () => {
    expect(mailHandlerInputSchema.safeParse({ ...handlerInput(), script: 'x' }).success).toBe(false);
  });
});

describe('issue-key pattern', () => {
  it.each([
    ['Re: [DEMO-12] Printer', 'DEMO-12'],
    ['AW: DEMO-3 and HELP-4', 'DEMO-3'],
    ['Printer (DEMO-7)', 'DEMO-7'],
    ['no key here', undefined],
    ['DEMO-0 is no issue', undefined],
    ['DEMO-12a', undefined],
    ['xDEMO-12', undefined],
    ['TOOLONGPROJECTKEY-1', undefined],
  ])('the default finds the leftmost key in %j', (subject, key) => {
    expect(issueKeyInSubject(subject, DEFAULT_SUBJECT_KEY_PATTERN)).toBe(key);
  });

  it.each([
    [DEFAULT_SUBJECT_KEY_PATTERN, undefined],
    [String.raw`Ticket #(\w{1,10}-\d{1,10})`, undefined],
    ['x'.repeat(201), PATTERN_TOO_LONG_MESSAGE],
    ['([A-Z]+', PATTERN_INVALID_MESSAGE],
    ['[A-Z]+-[0-9]+', PATTERN_GROUP_MESSAGE],
    [String.raw`(\w+)-\1`, PATTERN_BACKREFERENCE_MESSAGE],
    [String.raw`(?<k>\w+)\k<k>`, PATTERN_BACKREFERENCE_MESSAGE],
    ['(a+)+', PATTERN_NESTED_MESSAGE],
    ['(a|aa)*(b)', PATTERN_NESTED_MESSAGE],
    [String.raw`((\d)*)+`, PATTERN_NESTED_MESSAGE],
    ['(x?)', PATTERN_EMPTY_MATCH_MESSAGE],
  ])('judges %j', (pattern, problem) => {
    expect(subjectKeyPatternProblem(pattern)).toBe(problem);
  });
});
