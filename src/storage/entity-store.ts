import { Filter, FilterConditions, kvs as forgeKvs, Sort, WhereConditions } from '@forge/kvs';

import { storageCall } from './errors';
import type { KvEntry } from './kv-store';

/** A value whose every write is conditional on the version it was read at. */
export interface Versioned {
  version: number;
}

/** A range on an index's range attribute (numbers here: ms timestamps). */
export interface IndexRange {
  /** Inclusive. */
  from?: number;
  /** Exclusive. */
  to?: number;
}

export interface IndexQuery {
  index: string;
  /** Values of the index's partition attributes, in the manifest's order. */
  partition?: Array<string | number>;
  range?: IndexRange;
  /** Attribute equalities the results must also meet (filtered after the index). */
  equals?: Record<string, string | number | boolean>;
  order: 'newest' | 'oldest';
  limit: number;
  cursor?: string;
}

export interface EntityPage {
  values: unknown[];
  cursor?: string;
}

/**
 * A Forge custom entity (declared under `app.storage.entities` in manifest.yml) with optimistic concurrency:
 * `create` fails on an existing key and `replace` on a changed version, both answering `false` rather than
 * throwing, so callers re-read and decide again. Values come back as `unknown`; each store validates them.
 */
export interface EntityStore {
  get: (key: string) => Promise<unknown>;
  create: (key: string, value: Versioned) => Promise<boolean>;
  /**
   * `alongside`: plain kvs entries set in the same transaction, all or none with the entity's write: one write
   * request against the kvs limits ("Transactions are treated as a single Write operation":
   * https://developer.atlassian.com/platform/forge/storage-reference/transactions/).
   */
  replace: (key: string, value: Versioned, expectedVersion: number, alongside?: readonly KvEntry[]) => Promise<boolean>;
  delete: (key: string) => Promise<void>;
  query: (query: IndexQuery) => Promise<EntityPage>;
}

export type ForgeEntityKvs = Pick<typeof forgeKvs, 'entity' | 'transact'>;

const isConflict = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { responseDetails?: { status?: unknown } }).responseDetails?.status;
  return status === 409;
};

/** Up to the platform's page size. */
const MAX_PAGE = 100;

const rangeClause = (range: IndexRange) => {
  const { from, to } = range;
  // `between` is inclusive at both ends; `to` is exclusive, so its last millisecond is the bound.
  if (from !== undefined && to !== undefined) return WhereConditions.between(from, Math.max(from, to - 1));
  if (from !== undefined) return WhereConditions.greaterThanEqualTo(from);
  if (to !== undefined) return WhereConditions.lessThan(to);
  return undefined;
};

/** The deployed app's entities: @forge/kvs, conditional writes through `kvs.transact()`. */
export const createForgeEntityStore = (entityName: string, client: ForgeEntityKvs = forgeKvs): EntityStore => ({
  get: (key) => storageCall('get', key, () => client.entity<unknown>(entityName).get(key)),
  create: (key, value) =>
    storageCall('set', key, async () => {
      try {
        await client.entity<Versioned>(entityName).set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    }),
  replace: (key, value, expectedVersion, alongside = []) =>
    storageCall('transact', key, async () => {
      try {
        let transaction = client.transact().set(key, value, {
          entityName,
          conditions: new Filter<Versioned>().and('version', FilterConditions.equalTo(expectedVersion)),
        });
        for (const entry of alongside) transaction = transaction.set(entry.key, entry.value);
        await transaction.execute();
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    }),
  delete: (key) => storageCall('delete', key, () => client.entity<unknown>(entityName).delete(key)),
  query: (query) =>
    storageCall('query', `${entityName}/${query.index}`, async () => {
      let builder = client
        .entity<Record<string, unknown>>(entityName)
        .query()
        .index(query.index, query.partition === undefined ? undefined : { partition: query.partition });
      const range = query.range === undefined ? undefined : rangeClause(query.range);
      if (range !== undefined) builder = builder.where(range);
      const equals = Object.entries(query.equals ?? {});
      const [first, ...rest] = equals;
      if (first !== undefined) {
        let filter = new Filter<Record<string, unknown>>().and(first[0], FilterConditions.equalTo(first[1]));
        for (const [field, value] of rest) filter = filter.and(field, FilterConditions.equalTo(value));
        builder = builder.filters(filter);
      }
      builder = builder.sort(query.order === 'newest' ? Sort.DESC : Sort.ASC).limit(Math.min(MAX_PAGE, query.limit));
      if (query.cursor !== undefined) builder = builder.cursor(query.cursor);
      const page = await builder.getMany();
      return {
        values: page.results.map((result) => result.value),
        ...(page.nextCursor === undefined || page.nextCursor === '' ? {} : { cursor: page.nextCursor }),
      };
    }),
});
