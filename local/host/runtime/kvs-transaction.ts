import type { EntityDefinition } from './entity-query';
import { serializeItem } from './entity-values';
import { KvsRequestError } from './errors';
import { type Filters, matchesFilters } from './kvs-conditions';
import { assertUniqueItems, type KvsAnswer, NO_CONTENT, spaceOf } from './kvs-items';
import { expiryFromTtl, MAX_TRANSACTION_OPERATIONS, validateKey } from './kvs-limits';
import type { TransactionRequest } from './kvs-schemas';
import type { KvsSpace, KvsSqliteStore } from './kvs-sqlite';

/**
 * `kvs.transact()`: every set, delete and check commits together or not at all. Conditions are evaluated against
 * the current value inside the same SQLite write transaction, so no other process can change it in between.
 */
export const transact = (
  store: KvsSqliteStore,
  nowSeconds: number,
  request: TransactionRequest,
  path: string,
  entities: readonly EntityDefinition[],
): KvsAnswer => {
  const sets = request.set ?? [];
  const deletes = request.delete ?? [];
  const checks = request.check ?? [];
  const count = sets.length + deletes.length + checks.length;
  if (count === 0 || count > MAX_TRANSACTION_OPERATIONS) {
    throw new KvsRequestError(
      400,
      'INVALID_TRANSACTION_SIZE',
      `A transaction must hold between 1 and ${MAX_TRANSACTION_OPERATIONS} operations (${count}) for ${path}`,
    );
  }
  assertUniqueItems([...sets, ...deletes, ...checks], 'transaction');
  const writes = sets.map((item) => {
    validateKey(item.key);
    return {
      space: spaceOf(item.entityName),
      key: item.key,
      json: serializeItem(entities, item.entityName, item.value),
      expireAt: expiryFromTtl(item.options?.ttl, nowSeconds),
      conditions: item.conditions,
    };
  });
  const removals = deletes.map((item) => {
    validateKey(item.key);
    return { space: spaceOf(item.entityName), key: item.key, conditions: item.conditions };
  });
  const guards = checks.map((item) => {
    validateKey(item.key);
    return { space: spaceOf(item.entityName), key: item.key, conditions: item.conditions };
  });

  const assertConditions = (space: KvsSpace, key: string, conditions: Filters | undefined): void => {
    if (!conditions) {
      return;
    }
    const current = store.get(space, key, nowSeconds);
    const value: unknown = current ? JSON.parse(current.json) : undefined;
    if (!matchesFilters(value, conditions)) {
      throw new KvsRequestError(
        409,
        'CONDITION_CHECK_FAILED',
        `The transaction's conditions on key '${key}' are not met`,
      );
    }
  };

  store.transaction(() => {
    for (const operation of [...guards, ...removals, ...writes]) {
      assertConditions(operation.space, operation.key, operation.conditions);
    }
    for (const removal of removals) {
      store.delete(removal.space, removal.key, nowSeconds);
    }
    for (const write of writes) {
      store.put(write.space, write.key, write.json, { expireAt: write.expireAt, policy: 'OVERRIDE', nowSeconds });
    }
  });
  return NO_CONTENT;
};
