import { MailValidationError } from '../../../src/mail/errors';
import { foldRecipients, type Recipient, recipientCount, recipientLabel } from '../../../src/mail/recipients';

const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

const fieldErrorsOf = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (error) {
    if (error instanceof MailValidationError) return { ...error.fieldErrors };
    throw error;
  }
  throw new Error('expected a MailValidationError');
};

describe('foldRecipients', () => {
  it('keeps display names and folds repeats case-insensitively into the most visible field', () => {
    const folded = foldRecipients({
      to: ['Ada Lovelace <ada@example.com>', 'grace@example.com'],
      cc: ['ADA@example.com', '"Hopper, Grace" <Grace@Example.com>', 'linus@example.com'],
      bcc: ['linus@example.com', 'ken@example.com', 'ken@example.com'],
    });
    expect(folded).toEqual({
      to: [{ address: 'ada@example.com', name: 'Ada Lovelace' }, { address: 'grace@example.com' }],
      cc: [{ address: 'linus@example.com' }],
      bcc: [{ address: 'ken@example.com' }],
    });
    expect(recipientCount(folded)).toBe(4);
  });

  it.each([
    ['to', { to: ['not-an-address'], cc: [], bcc: [] }, '"not-an-address" is not a valid email address.'],
    [
      'cc',
      { to: ['ada@example.com'], cc: ['ada@localhost'], bcc: [] },
      '"ada@localhost" is not a valid email address.',
    ],
    [
      'bcc',
      { to: ['ada@example.com'], cc: [], bcc: ['a b@example.com'] },
      '"a b@example.com" is not a valid email address.',
    ],
  ])('refuses a bad address in %s with its own message', (field, input, message) => {
    expect(fieldErrorsOf(() => foldRecipients(input))).toEqual({ [field]: message });
  });

  it('needs someone in To once repeats are folded', () => {
    expect(fieldErrorsOf(() => foldRecipients({ to: [], cc: ['ada@example.com'], bcc: [] }))).toEqual({
      to: 'Add at least one recipient.',
    });
  });

  it('accepts 500 distinct recipients across the fields and refuses 501', () => {
    expect(recipientCount(foldRecipients({ to: many('t', 300), cc: many('c', 150), bcc: many('b', 50) }))).toBe(500);
    expect(fieldErrorsOf(() => foldRecipients({ to: many('t', 300), cc: many('c', 150), bcc: many('b', 51) }))).toEqual(
      {
        to: 'A message can have at most 500 recipients in To, Cc and Bcc together.',
      },
    );
  });

  it('counts folded repeats once against the limit', () => {
    expect(recipientCount(foldRecipients({ to: many('t', 500), cc: many('t', 500), bcc: [] }))).toBe(500);
  });
});

describe('people whose address Jira hides', () => {
  const casey: Recipient = {
    address: 'casey@customer.example',
    hidden: { accountId: 'u-casey', name: 'Casey Customer' },
  };

  it('are shown by name, everyone else by address', () => {
    expect([casey, { address: 'ada@example.com', name: 'Ada' }].map(recipientLabel)).toEqual([
      'Casey Customer',
      'ada@example.com',
    ]);
  });

  it('fold with the same person only, never with a typed address, so a guess is not confirmed by the count', () => {
    const folded = foldRecipients({
      to: ['casey@customer.example', casey],
      cc: [{ ...casey }],
      bcc: ['CASEY@customer.example'],
    });
    expect(folded).toEqual({ to: [{ address: 'casey@customer.example' }, casey], cc: [], bcc: [] });
    expect(recipientCount(folded)).toBe(2);
  });
});
