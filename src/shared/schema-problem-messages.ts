import type * as z from 'zod/mini';

/** Sized origins name their unit; anything else (a number) is compared as a value. */
const UNITS: Record<string, string> = { string: 'characters', array: 'items' };
const FORMATS: Record<string, string> = { email: 'email address', url: 'URL' };

/*
 * zod's own helpers for these (`z.util.*`) would pull its whole util namespace into the bundle, about 9 KiB, so the
 * three used here are restated, to the letter of zod's.
 */

/** What zod calls the type of a value: `array`, `null` and `nan` apart, class instances by constructor name. */
const parsedType = (value: unknown): string => {
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : 'number';
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const { constructor } = value as { constructor?: { name: string } };
  const instance = Object.getPrototypeOf(value) !== Object.prototype && 'constructor' in value && constructor;
  return instance ? constructor.name : 'object';
};

const stringifyPrimitive = (value: unknown): string =>
  typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `"${value}"` : String(value);

const joinValues = (values: readonly unknown[], separator: string): string =>
  values.map(stringifyPrimitive).join(separator);

/** zod's name for a type, with the special numbers spelt out as zod spells them. */
const typeName = (type: string, input?: unknown): string => {
  if (type === 'nan') return 'NaN';
  return type === 'number' && typeof input === 'number' && !Number.isFinite(input) ? String(input) : type;
};

export const limit = (verb: string, origin: string, bound: string): string => {
  const unit = UNITS[origin];
  return unit === undefined
    ? `${verb}: expected ${origin} to be ${bound}`
    : `${verb}: expected ${origin} to have ${bound} ${unit}`;
};

/** zod's message for a value of the wrong type (`expected` in zod's words: `int`, `string`, ...). */
export const invalidTypeMessage = (expected: string, input: unknown): string =>
  `Invalid input: expected ${typeName(expected)}, received ${typeName(parsedType(input), input)}`;

/** zod's message for a value outside an enum or literal's values. */
export const invalidValueMessage = (values: readonly unknown[]): string =>
  values.length === 1
    ? `Invalid input: expected ${stringifyPrimitive(values[0])}`
    : `Invalid option: expected one of ${joinValues(values, '|')}`;

/** zod's message for keys a strict object does not know. */
export const unrecognizedKeysMessage = (keys: readonly string[]): string =>
  `Unrecognized key${keys.length > 1 ? 's' : ''}: ${joinValues(keys, ', ')}`;

/**
 * The English messages zod's classic build gives the issues this app's schemas raise, word for word. zod/mini
 * carries no locale (that is what keeps the bundle small) and says only "Invalid input" by itself; messages that
 * depend on the input, such as "expected string, received number", cannot be written into a schema, so parses
 * whose messages are shown or logged pass this map. A message a schema or check sets itself still wins.
 */
export const englishSchemaProblemMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return invalidTypeMessage(issue.expected, issue.input);
    case 'invalid_value':
      return invalidValueMessage(issue.values);
    case 'too_big': {
      const adjective = issue.exact ? 'exactly ' : issue.inclusive ? '<=' : '<';
      return limit('Too big', issue.origin ?? 'value', `${adjective}${issue.maximum.toString()}`);
    }
    case 'too_small': {
      const adjective = issue.exact ? 'exactly ' : issue.inclusive ? '>=' : '>';
      return limit('Too small', issue.origin, `${adjective}${issue.minimum.toString()}`);
    }
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Invalid string: must match pattern ${String(issue.pattern)}`
        : `Invalid ${FORMATS[issue.format] ?? issue.format}`;
    case 'unrecognized_keys':
      return unrecognizedKeysMessage(issue.keys);
    default:
      return 'Invalid input';
  }
};

/** Parse options for a parse whose messages someone reads: `schema.safeParse(value, IN_ENGLISH)`. */
export const IN_ENGLISH = { error: englishSchemaProblemMessage } as const;
