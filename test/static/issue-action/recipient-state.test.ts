import { MAX_RECIPIENTS } from '../../../src/contract/email-address';
import {
  addPerson,
  addTokens,
  commitAll,
  commitText,
  emptyRecipients,
  fieldOf,
  fieldOfPerson,
  invalidCount,
  type RecipientField,
  recipientPayload,
  type RecipientsModel,
  removeChip,
  removeLastChip,
  shownRecipients,
  typeText,
  validCount,
} from '../../../static/issue-action/src/recipient-state';

const chipTexts = (model: RecipientsModel, field: RecipientField) => model.chips[field].map((chip) => chip.text);

const withTo = (...tokens: string[]) => addTokens(emptyRecipients(), 'to', tokens);

describe('typeText', () => {
  it.each([
    ['jane@example.com', [], 'jane@example.com'],
    ['jane@example.com,', ['jane@example.com'], ''],
    ['jane@example.com; al', ['jane@example.com'], 'al'],
    ['a@example.com, b@example.com, c', ['a@example.com', 'b@example.com'], 'c'],
    ['"Doe, Jane" <jane@example.com>', [], '"Doe, Jane" <jane@example.com>'],
    ['"Doe, Jane" <jane@example.com>,', ['"Doe, Jane" <jane@example.com>'], ''],
  ])('%j makes chips %j and leaves %j typed', (text, chips, rest) => {
    const model = typeText(emptyRecipients(), 'to', text);
    expect(chipTexts(model, 'to')).toEqual(chips);
    expect(model.text.to).toBe(rest);
  });
});

describe('commitText', () => {
  it('turns everything typed into chips and empties the box', () => {
    const typed = typeText(emptyRecipients(), 'cc', 'a@example.com, Jane Doe <jane@example.com>');
    const model = commitText(typed, 'cc');
    expect(chipTexts(model, 'cc')).toEqual(['a@example.com', 'Jane Doe <jane@example.com>']);
    expect(model.text.cc).toBe('');
    // The comma already made the first chip while typing.
    expect(model.announcement).toBe('Added Jane Doe to Cc.');
  });

  it('takes pasted text in place of what is typed', () => {
    const model = commitText(typeText(emptyRecipients(), 'to', 'x'), 'to', 'a@example.com\nb@example.com\n');
    expect(chipTexts(model, 'to')).toEqual(['a@example.com', 'b@example.com']);
    expect(model.text.to).toBe('');
  });

  it('leaves the model alone when nothing is typed', () => {
    const model = emptyRecipients();
    expect(commitText(model, 'to')).toBe(model);
  });

  it('empties a box holding only spaces', () => {
    expect(commitText(typeText(emptyRecipients(), 'to', '   '), 'to').text.to).toBe('');
  });
});

describe('addTokens parsing', () => {
  it.each([
    ['jane@example.com', { valid: true, address: 'jane@example.com', name: undefined }],
    ['Jane Doe <jane@example.com>', { valid: true, address: 'jane@example.com', name: 'Jane Doe' }],
    ['"Doe, Jane" <jane@example.com>', { valid: true, address: 'jane@example.com', name: 'Doe, Jane' }],
    ['  al@example.com  ', { valid: true, text: 'al@example.com', address: 'al@example.com' }],
    ['not-an-address', { valid: false, message: '"not-an-address" is not a valid email address.' }],
    ['jane@localhost', { valid: false, message: '"jane@localhost" is not a valid email address.' }],
    [
      'Jane Doe jane@example.com',
      { valid: false, message: '"Jane Doe jane@example.com" is not a valid email address.' },
    ],
  ])('%j', (token, chip) => {
    const [only, ...rest] = withTo(token).chips.to;
    expect(rest).toEqual([]);
    expect(only).toMatchObject(chip);
  });

  it('says what was added for screen readers, without the parser message the chip shows', () => {
    expect(withTo('Jane Doe <jane@example.com>').announcement).toBe('Added Jane Doe to To.');
    expect(withTo('not-an-address').announcement).toBe('Added 1 recipient to To. 1 address is not valid.');
    expect(withTo('a@example.com', 'x', 'y').announcement).toBe('Added 3 recipients to To. 2 addresses are not valid.');
  });

  it('numbers chips so they keep their identity', () => {
    const model = addTokens(withTo('a@example.com', 'b@example.com'), 'cc', ['c@example.com']);
    expect(RECIPIENT_IDS(model)).toEqual(['r1', 'r2', 'r3']);
  });
});

const RECIPIENT_IDS = (model: RecipientsModel) =>
  [...model.chips.to, ...model.chips.cc, ...model.chips.bcc].map((chip) => chip.id);

describe('addTokens folding duplicates', () => {
  it.each<[string, RecipientField, string[], RecipientField, string[], string | null, number]>([
    ['within one paste', 'to', [], 'to', ['a@example.com', 'A@EXAMPLE.COM'], 'A@EXAMPLE.COM is already in To.', 1],
    [
      'named and bare',
      'to',
      ['Jane <jane@example.com>'],
      'to',
      ['jane@example.com'],
      'jane@example.com is already in To.',
      1,
    ],
    [
      'To then Cc',
      'to',
      ['jane@example.com'],
      'cc',
      ['Jane.Doe <JANE@example.com>'],
      'JANE@example.com is already in To.',
      1,
    ],
    ['Cc then Bcc', 'cc', ['jane@example.com'], 'bcc', ['jane@example.com'], 'jane@example.com is already in Cc.', 1],
    [
      'Bcc then To',
      'bcc',
      ['jane@example.com'],
      'to',
      [' jane@example.com '],
      'jane@example.com is already in Bcc.',
      1,
    ],
    [
      'several',
      'to',
      ['a@example.com', 'b@example.com'],
      'cc',
      ['A@example.com', 'b@EXAMPLE.com', 'c@example.com'],
      '2 duplicate addresses left out.',
      3,
    ],
    ['the same bad text', 'to', ['oops'], 'to', ['OOPS'], 'OOPS is already in To.', 1],
    ['no duplicates', 'to', ['a@example.com'], 'cc', ['b@example.com'], null, 2],
  ])('%s', (_case, firstField, first, secondField, second, note, chips) => {
    const model = addTokens(addTokens(emptyRecipients(), firstField, first), secondField, second);
    expect(model.notes[secondField]).toBe(note);
    expect(validCount(model) + invalidCount(model)).toBe(chips);
  });

  it('keeps the first spelling', () => {
    const model = addTokens(withTo('Jane@Example.com'), 'cc', ['jane@example.com']);
    expect(chipTexts(model, 'to')).toEqual(['Jane@Example.com']);
    expect(chipTexts(model, 'cc')).toEqual([]);
  });
});

describe('addTokens at the recipient cap', () => {
  const many = (count: number, prefix = 'p') => Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);

  it(`takes exactly ${MAX_RECIPIENTS} without a note`, () => {
    const model = withTo(...many(MAX_RECIPIENTS));
    expect(validCount(model)).toBe(MAX_RECIPIENTS);
    expect(model.notes.to).toBeNull();
  });

  it('leaves out what goes past the cap, across fields, and says so', () => {
    const model = addTokens(withTo(...many(498)), 'bcc', many(5, 'b'));
    expect(validCount(model)).toBe(MAX_RECIPIENTS);
    expect(chipTexts(model, 'bcc')).toEqual(['b0@example.com', 'b1@example.com']);
    expect(model.notes.bcc).toBe(
      'A message can have at most 500 recipients (To, Cc and Bcc together); 3 addresses were left out.',
    );
  });

  it('says one address in the singular, and duplicates and the cap together', () => {
    const model = addTokens(withTo(...many(MAX_RECIPIENTS)), 'cc', ['p0@example.com', 'new@example.com']);
    expect(model.notes.cc).toBe(
      'p0@example.com is already in To. A message can have at most 500 recipients (To, Cc and Bcc together); 1 address was left out.',
    );
  });

  it('still shows invalid text past the cap, so it can be corrected', () => {
    const model = addTokens(withTo(...many(MAX_RECIPIENTS)), 'cc', ['oops']);
    expect(invalidCount(model)).toBe(1);
  });
});

describe('removing chips', () => {
  it('removes a chip by id and says so', () => {
    const added = withTo('a@example.com', 'Jane <jane@example.com>');
    const id = added.chips.to[1]?.id ?? '';
    const model = removeChip(added, 'to', id);
    expect(chipTexts(model, 'to')).toEqual(['a@example.com']);
    expect(model.announcement).toBe('Removed Jane from To.');
  });

  it('ignores an unknown id', () => {
    const added = withTo('a@example.com');
    expect(removeChip(added, 'to', 'r99')).toBe(added);
  });

  it('removes the last chip of the field (Backspace)', () => {
    const model = removeLastChip(addTokens(withTo('a@example.com', 'b@example.com'), 'cc', ['c@example.com']), 'to');
    expect(chipTexts(model, 'to')).toEqual(['a@example.com']);
    expect(chipTexts(model, 'cc')).toEqual(['c@example.com']);
    expect(removeLastChip(emptyRecipients(), 'bcc')).toEqual(emptyRecipients());
  });
});

describe('fieldOf', () => {
  it('finds an address case-insensitively, ignoring invalid chips', () => {
    const model = addTokens(withTo('Jane <jane@example.com>', 'oops@'), 'bcc', ['al@example.com']);
    expect(fieldOf(model, 'JANE@example.com')).toBe('to');
    expect(fieldOf(model, 'al@example.com')).toBe('bcc');
    expect(fieldOf(model, 'oops@')).toBeUndefined();
  });
});

describe('commitAll and recipientPayload', () => {
  it('sends valid chips and valid typed text as typed; bad ones only count as invalid', () => {
    let model = typeText(emptyRecipients(), 'to', 'a@example.com, Jane Doe <jane@example.com>, b@example.com');
    model = typeText(model, 'cc', 'c@example.com, nope');
    model = typeText(model, 'bcc', 'A@example.com');
    const effective = commitAll(model);
    expect(recipientPayload(effective)).toEqual({
      to: ['a@example.com', 'Jane Doe <jane@example.com>', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: [],
    });
    expect(invalidCount(effective)).toBe(1);
    expect(model.text.to).toBe('b@example.com');
  });
});

describe('a person whose address Jira hides', () => {
  const casey = { accountId: 'u-casey', name: 'Casey Customer' };

  it('becomes a chip of their name, sent by account id and shown by name', () => {
    const model = addPerson(withTo('ada@example.com'), 'to', casey);
    expect(model.chips.to[1]).toMatchObject({
      valid: true,
      address: null,
      text: 'Casey Customer',
      accountId: 'u-casey',
    });
    expect(model.announcement).toBe('Added Casey Customer to To.');
    expect(fieldOfPerson(model, 'u-casey')).toBe('to');
    expect(recipientPayload(model)).toEqual({ to: ['ada@example.com', { accountId: 'u-casey' }], cc: [], bcc: [] });
    expect(shownRecipients(model)).toEqual({ to: ['ada@example.com', 'Casey Customer'], cc: [], bcc: [] });
    expect(validCount(model)).toBe(2);
  });

  it('is added once, with a note in the field it was picked for', () => {
    const once = addPerson(emptyRecipients(), 'to', casey);
    const twice = addPerson(once, 'cc', casey);
    expect(twice.chips).toEqual(once.chips);
    expect(twice.notes.cc).toBe('Casey Customer is already in To.');
  });

  it('stays apart from a typed address, whatever it is', () => {
    const model = addTokens(addPerson(emptyRecipients(), 'to', casey), 'cc', ['casey@customer.example']);
    expect(recipientPayload(model)).toEqual({
      to: [{ accountId: 'u-casey' }],
      cc: ['casey@customer.example'],
      bcc: [],
    });
    expect(fieldOf(model, 'casey@customer.example')).toBe('cc');
  });

  it('counts against the recipient cap like an address', () => {
    const full = addTokens(
      emptyRecipients(),
      'to',
      Array.from({ length: MAX_RECIPIENTS }, (_, index) => `p${index}@example.com`),
    );
    const model = addPerson(full, 'to', casey);
    expect(model.chips.to).toHaveLength(MAX_RECIPIENTS);
    expect(model.notes.to).toBe(
      `A message can have at most ${MAX_RECIPIENTS} recipients (To, Cc and Bcc together); Casey Customer was left out.`,
    );
  });

  it('is removed like any chip', () => {
    const model = addPerson(emptyRecipients(), 'to', casey);
    const removed = removeChip(model, 'to', model.chips.to[0]?.id ?? '');
    expect(removed.chips.to).toEqual([]);
    expect(removed.announcement).toBe('Removed Casey Customer from To.');
  });
});
