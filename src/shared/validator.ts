import type { ErrorObject } from 'ajv';

import { invalidTypeMessage, invalidValueMessage, limit, unrecognizedKeysMessage } from './schema-problem-messages';

/**
 * A validator generated from a zod schema (local/tools/generate-validators.ts): the same verdict as the schema's
 * `safeParse`, and for a bad value the line `describeFirstSchemaProblem` would give, e.g.
 * `events.0.status: Invalid option: expected one of "queued"|"sent"`. Functions that start often (the email
 * worker) validate with these so that they load no zod: building zod's schemas and loading zod cost ~11 ms of each
 * cold start.
 */
export type Validator<T> = (value: unknown) => { ok: true; value: T } | { ok: false; problem: string };

/**
 * What ajv's standalone code exports (https://ajv.js.org/standalone.html), with the JSON Schema it was compiled
 * from as `schema` (the generator adds it: the adapter words messages from it, which ajv's `verbose` errors would
 * otherwise carry, at a third more code).
 */
export interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
  schema: unknown;
}

/** A check zod makes that JSON Schema cannot (a `.check(z.refine(...))`): its message and path, or undefined. */
export type ExtraCheck<T> = (value: T) => { path: readonly string[]; message: string } | undefined;

type JsonSchema = Record<string, unknown>;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const problemPath = (segments: readonly string[]): string => (segments.length === 0 ? '(root)' : segments.join('.'));

const instanceSegments = (instancePath: string): string[] =>
  instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));

/** zod names `integer` `int`, but says `number` for anything that is not a finite number at all. */
const expectedType = (schema: JsonSchema, input: unknown): string => {
  // A nullable type is `[type, 'null']`: zod names the inner type.
  const type: unknown = Array.isArray(schema.type) ? schema.type.find((name) => name !== 'null') : schema.type;
  if (type === 'integer') return typeof input === 'number' && Number.isFinite(input) ? 'int' : 'number';
  return typeof type === 'string' ? type : 'unknown';
};

/** What zod says of a field that is missing (zod sees `undefined` and checks it like any value). */
const missingMessage = (schema: JsonSchema | undefined): string => {
  if (schema === undefined) return 'Invalid input';
  if (Array.isArray(schema.enum)) return invalidValueMessage(schema.enum);
  if ('const' in schema) return invalidValueMessage([schema.const]);
  return typeof schema.type === 'string'
    ? invalidTypeMessage(expectedType(schema, undefined), undefined)
    : 'Invalid input';
};

/** zod reports the safe-integer bounds of an int as the int's own (`expected int to be <=...`). */
const numberOrigin = (error: ErrorObject, bound: number): string =>
  error.parentSchema?.type === 'integer' && Math.abs(bound) === MAX_SAFE ? 'int' : 'number';

const sizeOrigin = (keyword: string): string => (keyword.endsWith('Length') ? 'string' : 'array');

/** zod's English (schema-problem-messages.ts) for an ajv error, and the field it is about. */
const describeError = (error: ErrorObject): { path: string[]; message: string } => {
  const path = instanceSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'type':
      return { path, message: invalidTypeMessage(expectedType(parent, error.data), error.data) };
    case 'required': {
      const missing = String(params.missingProperty);
      const properties = (parent.properties ?? {}) as Record<string, JsonSchema | undefined>;
      return { path: [...path, missing], message: missingMessage(properties[missing]) };
    }
    case 'enum':
      return { path, message: invalidValueMessage(params.allowedValues as unknown[]) };
    case 'const':
      return { path, message: invalidValueMessage([params.allowedValue]) };
    case 'minimum':
    case 'exclusiveMinimum': {
      const bound = Number(params.limit);
      const adjective = error.keyword === 'minimum' ? '>=' : '>';
      return { path, message: limit('Too small', numberOrigin(error, bound), `${adjective}${bound}`) };
    }
    case 'maximum':
    case 'exclusiveMaximum': {
      const bound = Number(params.limit);
      const adjective = error.keyword === 'maximum' ? '<=' : '<';
      return { path, message: limit('Too big', numberOrigin(error, bound), `${adjective}${bound}`) };
    }
    case 'minLength':
    case 'minItems':
      return { path, message: limit('Too small', sizeOrigin(error.keyword), `>=${Number(params.limit)}`) };
    case 'maxLength':
    case 'maxItems':
    case 'additionalItems':
      return { path, message: limit('Too big', sizeOrigin(error.keyword), `<=${Number(params.limit)}`) };
    case 'pattern':
      return { path, message: `Invalid string: must match pattern /${String(params.pattern)}/` };
    case 'additionalProperties':
      return { path, message: unrecognizedKeysMessage([String(params.additionalProperty)]) };
    default:
      return { path, message: 'Invalid input' };
  }
};

/**
 * A copy for the validator to fill defaults into and strip unknown keys from (zod returns a new value too, and
 * strips them): object properties holding `undefined` are left out, as zod lets an optional field be `undefined`
 * and a required one fails the same whether missing or `undefined`.
 */
const copyOf = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) copy[key] = copyOf(field);
  return copy;
};

/** The first segment of `instancePath` below `parent` (both JSON pointers), or undefined outside it. */
const childKey = (parent: string, instancePath: string): string | undefined => {
  if (!instancePath.startsWith(`${parent}/`)) return undefined;
  const [key] = instanceSegments(instancePath.slice(parent.length));
  return key;
};

/**
 * The error zod would report first. ajv (allErrors) lists an object's missing fields before its fields' own
 * errors, zod goes field by field in the schema's order; otherwise their orders agree (fields in schema order,
 * items by index, depth first). So a missing field gives way to an error of a field before it, in that field's
 * subtree, itself judged the same way.
 */
const firstInZodOrder = (errors: readonly ErrorObject[]): ErrorObject | undefined => {
  let first = errors[0];
  while (first?.keyword === 'required') {
    const { instancePath } = first;
    const properties: unknown = first.parentSchema?.properties;
    const keys = Object.keys(typeof properties === 'object' && properties !== null ? properties : {});
    const missingAt = keys.indexOf(String((first.params as Record<string, unknown>).missingProperty));
    const earlier = errors.find((error) => {
      const key = childKey(instancePath, error.instancePath);
      const at = key === undefined ? -1 : keys.indexOf(key);
      return at >= 0 && at < missingAt;
    });
    if (earlier === undefined) return first;
    first = earlier;
  }
  return first;
};

/** What lies at these segments of a path into `root`. */
const at = (root: unknown, segments: readonly string[]): unknown =>
  segments.reduce<unknown>(
    (node, segment) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined,
    root,
  );

/** A schema path as ajv writes it (`#/properties/a/type`: a JSON pointer, URI-escaped) without its keyword. */
const schemaSegments = (schemaPath: string): string[] =>
  instanceSegments(schemaPath.slice(1, schemaPath.lastIndexOf('/'))).map((segment) => decodeURIComponent(segment));

/** An error as ajv's `verbose` option gives it: with the value and the schema object the keyword is in. */
const withContext = (error: ErrorObject, schema: unknown, value: unknown): ErrorObject => ({
  ...error,
  parentSchema: at(schema, schemaSegments(error.schemaPath)) as ErrorObject['parentSchema'],
  data: at(value, instanceSegments(error.instancePath)),
});

/** A Validator over ajv standalone code, with the checks JSON Schema cannot state run after it. */
export const standaloneValidator =
  <T>(validate: StandaloneValidate, extraCheck?: ExtraCheck<T>): Validator<T> =>
  (input) => {
    const value = copyOf(input);
    if (!validate(value)) {
      // A union's branches' own errors come before the union's; zod reports the union alone ("Invalid input").
      const errors = (validate.errors ?? [])
        .filter((error) => !/\/(anyOf|oneOf)\//.test(error.schemaPath))
        .map((error) => withContext(error, validate.schema, value));
      const error = firstInZodOrder(errors);
      if (error === undefined) return { ok: false, problem: '(no details)' };
      const { path, message } = describeError(error);
      return { ok: false, problem: `${problemPath(path)}: ${message}` };
    }
    const problem = extraCheck?.(value as T);
    return problem === undefined
      ? { ok: true, value: value as T }
      : { ok: false, problem: `${problemPath(problem.path)}: ${problem.message}` };
  };
