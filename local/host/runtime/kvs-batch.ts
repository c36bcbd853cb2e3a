import type { z } from 'zod';

import type { EntityDefinition } from './entity-query';
import { serializeItem } from './entity-values';
import { KvsRequestError } from './errors';
import {
  assertUniqueItems,
  idOf,
  type ItemFailure,
  itemFailure,
  type ItemId,
  type KvsAnswer,
  spaceOf,
  withMetadata,
} from './kvs-items';
import { expiryFromTtl, MAX_BATCH_ITEMS, validateKey } from './kvs-limits';
import type { batchDeleteRequest, batchGetRequest, batchSetRequest } from './kvs-schemas';
import type { KvsSqliteStore } from './kvs-sqlite';

/**
 * Batch operations: each item succeeds or fails on its own (reported in `failedKeys`), but the whole batch is
 * refused when it is empty, holds more than 25 items, names a key twice, or (set) exceeds 4 MB.
 */

const MAX_BATCH_PAYLOAD_BYTES = 4 * 1024 * 1024;

const assertBatch = (items: readonly ItemId[], path: string): void => {
  if (items.length === 0 || items.length > MAX_BATCH_ITEMS) {
    throw new KvsRequestError(
      400,
      'INVALID_BATCH_SIZE',
      `A batch must hold between 1 and ${MAX_BATCH_ITEMS} items (${items.length}) for ${path}`,
    );
  }
  assertUniqueItems(items, 'batch');
};

export const batchSet = (
  store: KvsSqliteStore,
  nowSeconds: number,
  items: z.infer<typeof batchSetRequest>,
  path: string,
  entities: readonly EntityDefinition[],
): KvsAnswer => {
  assertBatch(items, path);
  if (Buffer.byteLength(JSON.stringify(items), 'utf8') > MAX_BATCH_PAYLOAD_BYTES) {
    throw new KvsRequestError(400, 'MAX_SIZE', `The batch exceeds the ${MAX_BATCH_PAYLOAD_BYTES} bytes payload limit`);
  }
  const successfulKeys: ItemId[] = [];
  const failedKeys: ItemFailure[] = [];
  for (const item of items) {
    try {
      validateKey(item.key);
      store.put(spaceOf(item.entityName), item.key, serializeItem(entities, item.entityName, item.value), {
        expireAt: expiryFromTtl(item.options?.ttl, nowSeconds),
        policy: 'OVERRIDE',
        nowSeconds,
      });
      successfulKeys.push(idOf(item));
    } catch (error) {
      failedKeys.push(itemFailure(item, error));
    }
  }
  return { status: 200, body: { successfulKeys, failedKeys } };
};

export const batchGet = (
  store: KvsSqliteStore,
  nowSeconds: number,
  items: z.infer<typeof batchGetRequest>,
  path: string,
): KvsAnswer => {
  assertBatch(items, path);
  const successfulKeys: Array<Record<string, unknown>> = [];
  const failedKeys: ItemFailure[] = [];
  for (const item of items) {
    try {
      validateKey(item.key);
      const stored = store.get(spaceOf(item.entityName), item.key, nowSeconds);
      if (!stored) {
        throw new KvsRequestError(404, 'KEY_NOT_FOUND', 'Key does not exist');
      }
      successfulKeys.push({ ...withMetadata(stored, item.options?.metadataFields), ...idOf(item) });
    } catch (error) {
      failedKeys.push(itemFailure(item, error));
    }
  }
  return { status: 200, body: { successfulKeys, failedKeys } };
};

export const batchDelete = (
  store: KvsSqliteStore,
  nowSeconds: number,
  items: z.infer<typeof batchDeleteRequest>,
  path: string,
): KvsAnswer => {
  assertBatch(items, path);
  const successfulKeys: ItemId[] = [];
  const failedKeys: ItemFailure[] = [];
  for (const item of items) {
    try {
      validateKey(item.key);
      store.delete(spaceOf(item.entityName), item.key, nowSeconds);
      successfulKeys.push(idOf(item));
    } catch (error) {
      failedKeys.push(itemFailure(item, error));
    }
  }
  return { status: 200, body: { successfulKeys, failedKeys } };
};
