/**
 * The storage operations the services use, behind an interface so unit tests pass an in-memory fake and
 * the deployed app passes the @forge/kvs adapter (forge-kv-store.ts). Values come back as `unknown`:
 * storage is outside the process, and each store validates what it reads.
 */
export interface KvEntry {
  key: string;
  value: unknown;
}

export interface KvStore {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  /**
   * Sets every entry in one transaction (at most 25, distinct keys): all or none, and one write request against
   * the kvs limits ("Transactions are treated as a single Write operation", sizes rounded up to 10 KB:
   * https://developer.atlassian.com/platform/forge/storage-reference/transactions/,
   * https://developer.atlassian.com/platform/forge/limits-kvs-ce).
   */
  setAll: (entries: readonly KvEntry[]) => Promise<void>;
  delete: (key: string) => Promise<void>;
  /** Every entry whose key starts with `prefix`, across all pages. Secrets are never listed. */
  listByPrefix: (prefix: string) => Promise<KvEntry[]>;
  getSecret: (key: string) => Promise<unknown>;
  setSecret: (key: string, value: unknown) => Promise<void>;
  deleteSecret: (key: string) => Promise<void>;
}
