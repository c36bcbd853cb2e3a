import { KvsRequestError } from './errors';

/**
 * The Key-Value Store's limits and the error codes the platform answers for them
 * (developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs and storage limits).
 */
export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_VALUE_DEPTH = 32;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 100;
export const MIN_ENTITY_NAME_LENGTH = 3;
export const MAX_ENTITY_NAME_LENGTH = 60;

// The documented pattern is /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/; `\s-#` there is whitespace, '-' and '#'.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export const validateKey = (key: string): void => {
  if (key.length === 0) {
    throw new KvsRequestError(400, 'KEY_TOO_SHORT', 'The provided key must be at least one character long');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsRequestError(
      400,
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters (${key.length})`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsRequestError(400, 'INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN.source}`);
  }
};

export const validateEntityName = (entityName: string): void => {
  if (entityName.length < MIN_ENTITY_NAME_LENGTH) {
    throw new KvsRequestError(
      400,
      'ENTITY_TYPE_TOO_SHORT',
      `The provided entity name must be at least ${MIN_ENTITY_NAME_LENGTH} characters long`,
    );
  }
  if (entityName.length > MAX_ENTITY_NAME_LENGTH) {
    throw new KvsRequestError(
      400,
      'ENTITY_TYPE_TOO_LARGE',
      `The provided entity name has exceeded the maximum ${MAX_ENTITY_NAME_LENGTH} characters`,
    );
  }
};

const depthOf = (value: unknown): number => {
  if (value === null || typeof value !== 'object') {
    return 0;
  }
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child));
  }
  return deepest + 1;
};

/** The stored form of a value: its JSON text, checked against the size and depth limits. */
export const serializeValue = (value: unknown): string => {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new KvsRequestError(400, 'BAD_REQUEST', 'Provided request body is invalid: value must be JSON');
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new KvsRequestError(
      400,
      'MAX_SIZE',
      `The provided value has exceeded the maximum size limit (${bytes} bytes, limit ${MAX_VALUE_BYTES} bytes)`,
    );
  }
  if (depthOf(value) > MAX_VALUE_DEPTH) {
    throw new KvsRequestError(
      400,
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit`,
    );
  }
  return json;
};

export const validateLimit = (limit: number | undefined): number => {
  if (limit === undefined) {
    return DEFAULT_QUERY_LIMIT;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw new KvsRequestError(
      400,
      'INVALID_LIMIT',
      `The provided limit must be an integer between 1 and ${MAX_QUERY_LIMIT} (${limit})`,
    );
  }
  return limit;
};

const TTL_UNIT_SECONDS = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 } as const;
export type TtlUnit = keyof typeof TTL_UNIT_SECONDS;

/** When an item set now with `ttl` expires, in Unix seconds. */
export const expiryFromTtl = (ttl: { value: number; unit: TtlUnit } | undefined, nowSeconds: number): number | null => {
  if (ttl === undefined) {
    return null;
  }
  if (!Number.isInteger(ttl.value) || ttl.value < 1) {
    throw new KvsRequestError(400, 'INVALID_TTL', `The provided ttl value must be a positive integer (${ttl.value})`);
  }
  return nowSeconds + ttl.value * TTL_UNIT_SECONDS[ttl.unit];
};

export const TTL_UNITS = Object.keys(TTL_UNIT_SECONDS) as [TtlUnit, ...TtlUnit[]];
