import { kvs as forgeKvs } from '@forge/kvs';

import { storageCall } from './errors';
import type { KvEntry, KvStore } from './kv-store';

/** The slice of @forge/kvs this adapter uses; the default is the real client. */
export type ForgeKvs = Pick<
  typeof forgeKvs,
  'get' | 'set' | 'delete' | 'query' | 'getSecret' | 'setSecret' | 'deleteSecret' | 'transact'
>;

/** Forge answers at most 100 entries a page. */
const PAGE_SIZE = 100;
/** A runaway cursor must not loop for the whole invocation. */
const MAX_PAGES = 50;

/** The deployed app's storage: @forge/kvs with its errors translated into StorageError at the boundary. */
export const createForgeKvStore = (client: ForgeKvs = forgeKvs): KvStore => ({
  get: (key) => storageCall('get', key, () => client.get<unknown>(key)),
  set: (key, value) => storageCall('set', key, () => client.set(key, value)),
  setAll: (entries) =>
    storageCall('transact', entries.map((entry) => entry.key).join(' '), async () => {
      let transaction = client.transact();
      for (const { key, value } of entries) transaction = transaction.set(key, value);
      await transaction.execute();
    }),
  delete: (key) => storageCall('delete', key, () => client.delete(key)),
  getSecret: (key) => storageCall('getSecret', key, () => client.getSecret<unknown>(key)),
  setSecret: (key, value) => storageCall('setSecret', key, () => client.setSecret(key, value)),
  deleteSecret: (key) => storageCall('deleteSecret', key, () => client.deleteSecret(key)),
  listByPrefix: (prefix) =>
    storageCall('query', prefix, async () => {
      const entries: KvEntry[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        let query = client
          .query()
          .where('key', { condition: 'BEGINS_WITH', values: [prefix] })
          .limit(PAGE_SIZE);
        if (cursor !== undefined) query = query.cursor(cursor);
        const result = await query.getMany<unknown>();
        for (const { key, value } of result.results) entries.push({ key, value });
        cursor = result.nextCursor;
        if (cursor === undefined || cursor === '') break;
      }
      return entries;
    }),
});
