import {
  recipientsText,
  ruleErrorsFrom,
  whenText,
} from '../../../static/admin/src/notification-rules/notification-rule-state';
import { splitAllRecipients as splitAddressList } from '../../../static/shared/address-split';

describe('splitAddressList', () => {
  it.each([
    ['', []],
    [' \n , ; \n', []],
    ['ana@contoso.example', ['ana@contoso.example']],
    [
      ' ana@contoso.example ,ben@contoso.example;\r\ncy@contoso.example\t',
      ['ana@contoso.example', 'ben@contoso.example', 'cy@contoso.example'],
    ],
    [
      '"Doe, Jane" <jane@contoso.example>, ana@contoso.example',
      ['"Doe, Jane" <jane@contoso.example>', 'ana@contoso.example'],
    ],
    ['Jane <jane,doe@contoso.example>', ['Jane <jane,doe@contoso.example>']],
    ['"Doe \\" , Jane" <j@contoso.example>', ['"Doe \\" , Jane" <j@contoso.example>']],
    // A line break always separates: one unbalanced quote does not swallow the rest of the list.
    [
      '"Doe, Jane <jane@contoso.example>\nana@contoso.example',
      ['"Doe, Jane <jane@contoso.example>', 'ana@contoso.example'],
    ],
  ])('splits %j into %j', (text, expected) => {
    expect(splitAddressList(text)).toEqual(expected);
  });
});

describe('rule texts', () => {
  it.each([
    [{ event: 'issue-created' }, 'Issue created'],
    [{ event: 'issue-commented' }, 'Issue commented'],
    [{ event: 'issue-transitioned' }, 'Transitioned to any status'],
    [{ event: 'issue-transitioned', toStatus: 'In Review' }, 'Transitioned to In Review'],
  ] as const)('says %j as "%s"', (rule, text) => {
    expect(whenText(rule)).toBe(text);
  });

  it.each([
    [{ roles: ['watchers', 'reporter'], addresses: [] }, 'Reporter, Watchers'],
    [{ roles: [], addresses: ['ana@contoso.example'] }, 'ana@contoso.example'],
    [{ roles: ['assignee'], addresses: ['a@contoso.example', 'b@contoso.example'] }, 'Assignee, 2 addresses'],
  ] as const)('sums up recipients %j as "%s"', (recipients, text) => {
    expect(recipientsText({ roles: [...recipients.roles], addresses: [...recipients.addresses] })).toBe(text);
  });
});

describe('ruleErrorsFrom', () => {
  it('puts each key on its field, address paths on "Other addresses", and keeps unknown keys apart', () => {
    expect(
      ruleErrorsFrom({
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: {
          'recipients.addresses.3': 'Enter valid email addresses.',
          'projectKeys[1]': 'Not a project key.',
          recipients: 'Add at least one recipient.',
          schedule: 'Schedules are not supported.',
          other: 'Check the highlighted fields.',
        },
      }),
    ).toEqual({
      fields: {
        addresses: 'Enter valid email addresses.',
        projectKeys: 'Not a project key.',
        recipients: 'Add at least one recipient.',
      },
      other: ['Schedules are not supported.'],
    });
  });
});
