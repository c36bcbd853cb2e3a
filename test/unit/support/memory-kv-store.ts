import type { KvEntry, KvStore } from '../../../src/storage/kv-store';

export type KvOperation = 'get' | 'set' | 'setAll' | 'delete' | 'query' | 'getSecret' | 'setSecret' | 'deleteSecret';

/** Forge storage in memory: plain and secret entries apart, values copied as JSON, every operation logged. */
export class MemoryKvStore implements KvStore {
  readonly plain = new Map<string, unknown>();
  readonly secrets = new Map<string, unknown>();
  readonly operations: Array<{ operation: KvOperation; key: string }> = [];
  /** Makes the next call of that operation throw this error. */
  private readonly failures = new Map<KvOperation, Error>();

  failNext(operation: KvOperation, error: Error): void {
    this.failures.set(operation, error);
  }

  count(operation?: KvOperation): number {
    return operation === undefined
      ? this.operations.length
      : this.operations.filter((entry) => entry.operation === operation).length;
  }

  resetOperations(): void {
    this.operations.length = 0;
  }

  /** Everything in plain storage as one JSON text, to look for what must not be there. */
  plainText(): string {
    return JSON.stringify([...this.plain.entries()]);
  }

  private record(operation: KvOperation, key: string): void {
    this.operations.push({ operation, key });
    const failure = this.failures.get(operation);
    if (failure !== undefined) {
      this.failures.delete(operation);
      throw failure;
    }
  }

  async get(key: string): Promise<unknown> {
    this.record('get', key);
    return copy(this.plain.get(key));
  }
  async set(key: string, value: unknown): Promise<void> {
    this.record('set', key);
    this.plain.set(key, copy(value));
  }
  /** One transaction: logged once, and all entries or none. */
  async setAll(entries: readonly KvEntry[]): Promise<void> {
    this.record('setAll', entries.map((entry) => entry.key).join(' '));
    for (const { key, value } of entries) this.plain.set(key, copy(value));
  }
  async delete(key: string): Promise<void> {
    this.record('delete', key);
    this.plain.delete(key);
  }
  async listByPrefix(prefix: string): Promise<KvEntry[]> {
    this.record('query', prefix);
    return [...this.plain.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value: copy(value) }));
  }
  async getSecret(key: string): Promise<unknown> {
    this.record('getSecret', key);
    return copy(this.secrets.get(key));
  }
  async setSecret(key: string, value: unknown): Promise<void> {
    this.record('setSecret', key);
    this.secrets.set(key, copy(value));
  }
  async deleteSecret(key: string): Promise<void> {
    this.record('deleteSecret', key);
    this.secrets.delete(key);
  }
}

const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
