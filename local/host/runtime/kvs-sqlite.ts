import { KvsRequestError, KvsStoreError } from './errors';
import { SqliteFile } from './sqlite-file';

/** Where an item lives: plain kvs, the secret store (never queried), or one custom entity's store. */
export type KvsSpace = { kind: 'kv' } | { kind: 'secret' } | { kind: 'entity'; entityName: string };

export interface StoredItem {
  key: string;
  /** The value's JSON text. */
  json: string;
  /** Unix seconds, as the platform answers `createdAt`/`updatedAt`. */
  createdAt: number;
  updatedAt: number;
  /** Unix seconds; null when the item has no TTL. */
  expireAt: number | null;
}

export type KeyPolicy = 'OVERRIDE' | 'FAIL_IF_EXISTS';

interface ItemRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

const TABLES = { kv: 'kv_items', secret: 'secret_items', entity: 'entity_items' } as const;
const SCHEMA_VERSION = 1;
// Another process may hold the write lock while it runs an invocation; wait for it rather than fail.

const tableSql = (table: string): string => `CREATE TABLE IF NOT EXISTS ${table} (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expire_at INTEGER,
    PRIMARY KEY (scope, key)
  ) WITHOUT ROWID`;

const locate = (space: KvsSpace): { table: string; scope: string } =>
  space.kind === 'entity'
    ? { table: TABLES.entity, scope: space.entityName }
    : { table: TABLES[space.kind], scope: '' };

const toItem = (row: ItemRow): StoredItem => ({
  key: row.key,
  json: row.value,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expireAt: row.expire_at,
});

/**
 * The local Key-Value Store: one SQLite file shared by every process of the local host (WAL, busy timeout),
 * values kept as JSON text, secrets in their own table. Times are Unix seconds given by the caller.
 */
export class KvsSqliteStore extends SqliteFile {
  constructor(dbPath: string) {
    super(dbPath, {
      what: 'kvs',
      schemaVersion: SCHEMA_VERSION,
      createSchema: (db) => {
        for (const table of Object.values(TABLES)) db.exec(tableSql(table));
      },
      error: (message, options) => new KvsStoreError(message, options),
    });
  }

  get(space: KvsSpace, key: string, nowSeconds: number): StoredItem | undefined {
    const { table, scope } = locate(space);
    const row = this.statement(
      `SELECT key, value, created_at, updated_at, expire_at FROM ${table}
       WHERE scope = ? AND key = ? AND (expire_at IS NULL OR expire_at > ?)`,
    ).get(scope, key, nowSeconds) as ItemRow | undefined;
    return row && toItem(row);
  }

  /** Writes one item and returns what was there before (if anything live) and what is there now. */
  put(
    space: KvsSpace,
    key: string,
    json: string,
    options: { expireAt: number | null; policy: KeyPolicy; nowSeconds: number },
  ): { previous?: StoredItem; current: StoredItem } {
    return this.transaction(() => {
      const previous = this.get(space, key, options.nowSeconds);
      if (previous && options.policy === 'FAIL_IF_EXISTS') {
        throw new KvsRequestError(409, 'KEY_ALREADY_EXISTS', 'The provided key already exists');
      }
      const current: StoredItem = {
        key,
        json,
        createdAt: previous?.createdAt ?? options.nowSeconds,
        updatedAt: options.nowSeconds,
        expireAt: options.expireAt,
      };
      const { table, scope } = locate(space);
      this.statement(
        `INSERT INTO ${table} (scope, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
           updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
      ).run(scope, key, json, current.createdAt, current.updatedAt, current.expireAt);
      return previous ? { previous, current } : { current };
    });
  }

  /** Deletes one item; answers whether a live item was there. */
  delete(space: KvsSpace, key: string, nowSeconds: number): boolean {
    return this.transaction(() => {
      const existed = this.get(space, key, nowSeconds) !== undefined;
      const { table, scope } = locate(space);
      this.statement(`DELETE FROM ${table} WHERE scope = ? AND key = ?`).run(scope, key);
      return existed;
    });
  }

  /** Plain kvs items (never secrets, never entities) in key order, after `afterKey`, starting with `prefix`. */
  scan(options: { prefix: string; afterKey?: string; limit: number; nowSeconds: number }): StoredItem[] {
    const rows = this.statement(
      `SELECT key, value, created_at, updated_at, expire_at FROM ${TABLES.kv}
       WHERE scope = '' AND substr(key, 1, ?) = ? AND key > ? AND (expire_at IS NULL OR expire_at > ?)
       ORDER BY key LIMIT ?`,
    ).all(
      options.prefix.length,
      options.prefix,
      options.afterKey ?? '',
      options.nowSeconds,
      options.limit,
    ) as ItemRow[];
    return rows.map(toItem);
  }

  /** Every live item of one custom entity, for index queries (evaluated in memory). */
  entityItems(entityName: string, nowSeconds: number): StoredItem[] {
    const rows = this.statement(
      `SELECT key, value, created_at, updated_at, expire_at FROM ${TABLES.entity}
       WHERE scope = ? AND (expire_at IS NULL OR expire_at > ?) ORDER BY key`,
    ).all(entityName, nowSeconds) as ItemRow[];
    return rows.map(toItem);
  }

  /** Runs `fn` atomically, taking the write lock up front so that a read-then-write cannot deadlock. */
}
