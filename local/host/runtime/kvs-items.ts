import type { z } from 'zod';

import { KvsRequestError } from './errors';
import { validateEntityName } from './kvs-limits';
import type { MetadataField } from './kvs-schemas';
import type { KvsSpace, StoredItem } from './kvs-sqlite';

/** What the kvs service answers: a status and, unless 204, a JSON body. */
export interface KvsAnswer {
  status: number;
  body?: unknown;
}

export const NO_CONTENT: KvsAnswer = { status: 204 };

export interface ItemId {
  key: string;
  entityName?: string;
}

export type ItemFailure = ItemId & { error: { code: string; message: string } };

export const parse = <T>(schema: z.ZodType<T>, body: unknown, path: string): T => {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new KvsRequestError(
      400,
      'BAD_REQUEST',
      `Provided request body is invalid for ${path}: ${field}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
};

const isoSeconds = (unixSeconds: number): string =>
  new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An item as the platform answers it: key, value, and the metadata fields asked for. */
export const withMetadata = (
  item: StoredItem,
  fields: readonly MetadataField[] | undefined,
): Record<string, unknown> => {
  const answer: Record<string, unknown> = { key: item.key, value: JSON.parse(item.json) as unknown };
  if (fields?.includes('CREATED_AT')) {
    answer.createdAt = item.createdAt;
  }
  if (fields?.includes('UPDATED_AT')) {
    answer.updatedAt = item.updatedAt;
  }
  if (fields?.includes('EXPIRE_TIME') && item.expireAt !== null) {
    answer.expireTime = isoSeconds(item.expireAt);
  }
  return answer;
};

export const spaceOf = (entityName: string | undefined): KvsSpace => {
  if (entityName === undefined) {
    return { kind: 'kv' };
  }
  validateEntityName(entityName);
  return { kind: 'entity', entityName };
};

export const idOf = (item: ItemId): ItemId =>
  item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };

export const assertUniqueItems = (items: readonly ItemId[], what: string): void => {
  const seen = new Set<string>();
  for (const item of items) {
    const id = JSON.stringify([item.entityName ?? null, item.key]);
    if (seen.has(id)) {
      throw new KvsRequestError(400, 'DUPLICATE_KEYS', `The ${what} names the key '${item.key}' more than once`);
    }
    seen.add(id);
  }
};

/** A per-item failure of a batch; anything but a refused request is a real fault and propagates. */
export const itemFailure = (item: ItemId, error: unknown): ItemFailure => {
  if (error instanceof KvsRequestError) {
    return { ...idOf(item), error: { code: error.code, message: error.message } };
  }
  throw error;
};
