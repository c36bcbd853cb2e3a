import { locales } from 'zod';
import * as z from 'zod/mini';

import { englishSchemaProblemMessage, IN_ENGLISH } from '../../../src/shared/schema-problem-messages';

type RawIssue = Parameters<typeof englishSchemaProblemMessage>[0];
const raw = (issue: Record<string, unknown>) => ({ path: [], ...issue }) as unknown as RawIssue;

class Widget {}
const INPUTS: unknown[] = [
  undefined,
  null,
  42,
  NaN,
  Infinity,
  'text',
  true,
  10n,
  () => 1,
  [],
  {},
  Object.create(null),
  new Widget(),
  new Date(0),
];

describe('englishSchemaProblemMessage', () => {
  it.each([
    [
      'a missing value',
      { code: 'invalid_type', expected: 'string', input: undefined },
      'Invalid input: expected string, received undefined',
    ],
    [
      'null',
      { code: 'invalid_type', expected: 'object', input: null },
      'Invalid input: expected object, received null',
    ],
    [
      'an array',
      { code: 'invalid_type', expected: 'string', input: [1] },
      'Invalid input: expected string, received array',
    ],
    ['NaN', { code: 'invalid_type', expected: 'number', input: NaN }, 'Invalid input: expected number, received NaN'],
    [
      '-Infinity',
      { code: 'invalid_type', expected: 'string', input: -Infinity },
      'Invalid input: expected string, received -Infinity',
    ],
    [
      'a class instance',
      { code: 'invalid_type', expected: 'object', input: new Widget() },
      'Invalid input: expected object, received Widget',
    ],
    ['a literal number', { code: 'invalid_value', values: [1] }, 'Invalid input: expected 1'],
    ['a literal string', { code: 'invalid_value', values: ['microsoft365'] }, 'Invalid input: expected "microsoft365"'],
    ['an enum', { code: 'invalid_value', values: ['a', 'b'] }, 'Invalid option: expected one of "a"|"b"'],
    [
      'a long string',
      { code: 'too_big', origin: 'string', maximum: 80, inclusive: true },
      'Too big: expected string to have <=80 characters',
    ],
    [
      'a long array',
      { code: 'too_big', origin: 'array', maximum: 500, inclusive: true },
      'Too big: expected array to have <=500 items',
    ],
    [
      'a short string',
      { code: 'too_small', origin: 'string', minimum: 1, inclusive: true },
      'Too small: expected string to have >=1 characters',
    ],
    [
      'a number bound',
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
      'Too small: expected number to be >0',
    ],
    [
      'a pattern',
      { code: 'invalid_format', format: 'regex', pattern: '/^[a-z]$/i' },
      'Invalid string: must match pattern /^[a-z]$/i',
    ],
    ['an email', { code: 'invalid_format', format: 'email' }, 'Invalid email address'],
    ['a URL', { code: 'invalid_format', format: 'url' }, 'Invalid URL'],
    ['an unknown key', { code: 'unrecognized_keys', keys: ['extra'] }, 'Unrecognized key: "extra"'],
    ['unknown keys', { code: 'unrecognized_keys', keys: ['a', 'b'] }, 'Unrecognized keys: "a", "b"'],
    ['a union', { code: 'invalid_union', errors: [] }, 'Invalid input'],
  ])('words %s', (_case, issue, message) => {
    expect(englishSchemaProblemMessage(raw(issue))).toBe(message);
  });

  const english = locales.en().localeError;
  const matrix: Array<Record<string, unknown>> = [
    ...['string', 'number', 'boolean', 'object', 'array', 'nan'].flatMap((expected) =>
      INPUTS.map((input) => ({ code: 'invalid_type', expected, input })),
    ),
    ...[[1], ['x'], [true], [null], [10n], ['x', 2, null]].map((values) => ({ code: 'invalid_value', values })),
    ...['string', 'array', 'number', undefined].flatMap((origin) =>
      [true, false].flatMap((inclusive) => [
        { code: 'too_big', origin, inclusive, maximum: 5 },
        { code: 'too_big', origin, inclusive, maximum: 5, exact: true },
        ...(origin === undefined ? [] : [{ code: 'too_small', origin, inclusive, minimum: 1 }]),
      ]),
    ),
    ...['regex', 'email', 'url'].map((format) => ({ code: 'invalid_format', format, pattern: '/^x$/' })),
  ];

  it(`says what zod's English locale says, for all ${matrix.length} issues in the matrix`, () => {
    const differing = matrix.filter((issue) => englishSchemaProblemMessage(raw(issue)) !== english(raw(issue)));
    expect(differing).toEqual([]);
  });

  it('is what a zod/mini parse says with IN_ENGLISH, while a schema or check message still wins', () => {
    const schema = z.strictObject({
      name: z.string().check(z.maxLength(3), z.minLength(1, 'Enter a name.')),
      count: z.number({ error: 'Enter a number.' }),
    });
    const messages = (value: unknown, options?: typeof IN_ENGLISH) => {
      const result = schema.safeParse(value, options);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };

    expect(messages({ name: 'abcd', count: 'x', extra: 1 }, IN_ENGLISH)).toEqual([
      'name: Too big: expected string to have <=3 characters',
      'count: Enter a number.',
      ': Unrecognized key: "extra"',
    ]);
    expect(messages({ name: '', count: 1 }, IN_ENGLISH)).toEqual(['name: Enter a name.']);
    expect(messages({ count: 1 }, IN_ENGLISH)).toEqual(['name: Invalid input: expected string, received undefined']);
  });
});
