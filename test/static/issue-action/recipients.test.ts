import {
  formatMailbox,
  isRecipientList,
  splitAllRecipients,
  splitRecipientText,
} from '../../../static/issue-action/src/recipients';

describe('splitRecipientText', () => {
  it.each([
    ['', [], ''],
    ['jane@example.com', [], 'jane@example.com'],
    ['jane@example.com,', ['jane@example.com'], ''],
    ['jane@example.com, ', ['jane@example.com'], ''],
    ['jane@example.com, al', ['jane@example.com'], 'al'],
    ['a@example.com;b@example.com; c', ['a@example.com', 'b@example.com'], 'c'],
    ['a@example.com,,;, b@example.com,', ['a@example.com', 'b@example.com'], ''],
    ['a@example.com\nb@example.com\r\nc@example.com', ['a@example.com', 'b@example.com'], 'c@example.com'],
    ['a@example.com\tb@example.com\t', ['a@example.com', 'b@example.com'], ''],
    ['Jane Doe <jane@example.com>, Al', ['Jane Doe <jane@example.com>'], 'Al'],
    ['"Doe, Jane" <jane@example.com>, ', ['"Doe, Jane" <jane@example.com>'], ''],
    ['"Doe; Jane" <jane@example.com>;x', ['"Doe; Jane" <jane@example.com>'], 'x'],
    ['"Doe, Jane', [], '"Doe, Jane'],
    ['"Jane \\"JD, Doe" <jd@example.com>,', ['"Jane \\"JD, Doe" <jd@example.com>'], ''],
    ['Jane <jane,doe@example.com>,', ['Jane <jane,doe@example.com>'], ''],
    ['"unclosed, quote\nnext@example.com,', ['"unclosed, quote', 'next@example.com'], ''],
    ['Doe, Jane <jane@example.com>', ['Doe'], 'Jane <jane@example.com>'],
  ])('%j → %j and rest %j', (text, complete, rest) => {
    expect(splitRecipientText(text)).toEqual({ complete, rest });
  });
});

describe('splitAllRecipients', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['jane@example.com', ['jane@example.com']],
    [' jane@example.com , al@example.com ', ['jane@example.com', 'al@example.com']],
    ['"Doe, Jane" <jane@example.com>; al@example.com', ['"Doe, Jane" <jane@example.com>', 'al@example.com']],
  ])('%j → %j', (text, tokens) => {
    expect(splitAllRecipients(text)).toEqual(tokens);
  });
});

describe('isRecipientList', () => {
  it.each([
    ['jane@example.com', false],
    ['Jane Doe <jane@example.com>', false],
    ['"Doe, Jane" <jane@example.com>', false],
    ['a@example.com, b@example.com', true],
    ['a@example.com\n', true],
    ['a@example.com;', true],
  ])('%j is a list: %s', (text, list) => {
    expect(isRecipientList(text)).toBe(list);
  });
});

describe('formatMailbox', () => {
  it.each([
    [undefined, 'jane@example.com', 'jane@example.com'],
    ['', 'jane@example.com', 'jane@example.com'],
    ['  ', 'jane@example.com', 'jane@example.com'],
    ['Jane Doe', 'jane@example.com', 'Jane Doe <jane@example.com>'],
    ['  Jane   Doe ', 'jane@example.com', 'Jane Doe <jane@example.com>'],
    ["Seán O'Brien", 'sean@example.com', "Seán O'Brien <sean@example.com>"],
    ['Zoë Ünal', 'zoe@example.com', 'Zoë Ünal <zoe@example.com>'],
    ['Doe, Jane', 'jane@example.com', '"Doe, Jane" <jane@example.com>'],
    ['J. Doe', 'j@example.com', '"J. Doe" <j@example.com>'],
    ['Jane "JD" Doe', 'jd@example.com', '"Jane \\"JD\\" Doe" <jd@example.com>'],
    ['Ops (EMEA)', 'ops@example.com', '"Ops (EMEA)" <ops@example.com>'],
  ])('%j and %s → %s', (name, address, mailbox) => {
    expect(formatMailbox(name, address)).toBe(mailbox);
  });
});
