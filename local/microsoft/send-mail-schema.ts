import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';

import schema from './schemas/graph-send-mail.schema.json';

/*
 * The sendMail body schema (a trimmed copy of Graph's metadata, see schemas/graph-send-mail.schema.json) and the
 * OData-style texts Graph answers when a body does not fit it.
 */

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const validateBody: ValidateFunction = ajv.compile(schema);
const validateFileAttachment = ajv.getSchema(`${schema.$id}#/$defs/microsoft.graph.fileAttachment`);
if (validateFileAttachment === undefined)
  throw new Error('graph-send-mail.schema.json lacks microsoft.graph.fileAttachment');

// Graph matches enum members case-insensitively (the docs send "HTML"); stored messages use the CSDL names.
const ENUMS: { path: string[]; members: string[] }[] = [
  { path: ['body', 'contentType'], members: ['text', 'html'] },
  { path: ['uniqueBody', 'contentType'], members: ['text', 'html'] },
  { path: ['importance'], members: ['low', 'normal', 'high'] },
  { path: ['inferenceClassification'], members: ['focused', 'other'] },
  { path: ['flag', 'flagStatus'], members: ['notFlagged', 'complete', 'flagged'] },
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Rewrites enum members to their CSDL spelling when they match case-insensitively (in place). */
export const normaliseEnums = (message: Json): void => {
  for (const { path, members } of ENUMS) {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1] as string;
    let parent: unknown = message;
    for (const segment of parentPath) parent = isObject(parent) ? parent[segment] : undefined;
    if (!isObject(parent) || typeof parent[key] !== 'string') continue;
    const value = parent[key].toLowerCase();
    const member = members.find((candidate) => candidate.toLowerCase() === value);
    if (member !== undefined) parent[key] = member;
  }
};

export type SchemaCheck = { ok: true } | { ok: false; message: string };

export const checkSendMailBody = (body: Json): SchemaCheck => {
  if (validateBody(body)) return { ok: true };
  return { ok: false, message: describeErrors(validateBody.errors ?? [], body) };
};

export const checkFileAttachment = (attachment: Json, pointer: string): SchemaCheck => {
  const validate = validateFileAttachment as ValidateFunction;
  if (validate(attachment)) return { ok: true };
  const errors = (validate.errors ?? []).map((error) => ({
    ...error,
    instancePath: `${pointer}${error.instancePath}`,
  }));
  return { ok: false, message: describeErrors(errors, attachment, pointer) };
};

const EDM: Record<string, string> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  integer: 'Edm.Int32',
  number: 'Edm.Double',
};
const NODE = (value: unknown) =>
  Array.isArray(value) ? 'StartArray' : isObject(value) ? 'StartObject' : 'PrimitiveValue';
const EXPECTED_NODE: Record<string, string> = { object: 'StartObject', array: 'StartArray' };

const valueAt = (root: unknown, pointer: string): unknown => {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return node;
};

/** A value as OData quotes it in an error, cut short. */
export const literal = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
};

const describeErrors = (errors: ErrorObject[], data: unknown, rootPointer = ''): string => {
  const typesOf = (error: ErrorObject) => String((error.params as { type?: string | string[] }).type ?? '').split(',');
  const relevant =
    errors.find(
      (error) =>
        error.keyword !== 'anyOf' &&
        error.keyword !== 'allOf' &&
        !(error.keyword === 'type' && typesOf(error).every((t) => t === 'null')),
    ) ?? errors[0];
  if (relevant === undefined) return 'The request body is not valid.';
  const value = valueAt(data, relevant.instancePath.slice(rootPointer.length));
  switch (relevant.keyword) {
    case 'type': {
      const expected = typesOf(relevant).find((t) => t !== 'null') ?? 'object';
      const expectedNode = EXPECTED_NODE[expected] ?? 'PrimitiveValue';
      const actualNode = NODE(value);
      if (expectedNode !== actualNode || expectedNode !== 'PrimitiveValue') {
        return `An unexpected '${actualNode}' node was found when reading from the JSON reader. A '${expectedNode}' node was expected.`;
      }
      return `Cannot convert the literal '${literal(value)}' to the expected type '${EDM[expected] ?? expected}'.`;
    }
    case 'enum':
      return `Requested value '${literal(value)}' was not found.`;
    case 'pattern':
      return `Cannot convert the literal '${literal(value)}' to the expected type 'Edm.DateTimeOffset'.`;
    case 'minimum':
    case 'maximum':
      return `Cannot convert the literal '${literal(value)}' to the expected type 'Edm.Int32'.`;
    case 'required': {
      const missing = (relevant.params as { missingProperty?: string }).missingProperty;
      if (missing === '@odata.type' && isObject(value) && 'contentBytes' in value) {
        // What Graph says when an attachment lacks "@odata.type": it reads it as the abstract base type.
        return "The property 'contentBytes' does not exist on type 'Microsoft.OutlookServices.Attachment'. Make sure to only use property names that are defined by the type or mark the type as open type.";
      }
      return `The required property '${missing ?? ''}' is missing at '${relevant.instancePath || '/'}'.`;
    }
    default:
      return `Invalid value at '${relevant.instancePath || '/'}': ${relevant.message ?? 'not valid'}.`;
  }
};
