import type { EntityPage, EntityStore, IndexQuery, Versioned } from '../../../src/storage/entity-store';
import type { KvEntry, KvStore } from '../../../src/storage/kv-store';

export interface MemoryIndex {
  partition: string[];
  range: string;
}

/** The outbox-email indexes as manifest.yml declares them. */
export const OUTBOX_INDEXES: Record<string, MemoryIndex> = {
  createdAt: { partition: [], range: 'createdAt' },
  'by-status': { partition: ['status'], range: 'createdAt' },
  'by-issue': { partition: ['issueKey'], range: 'createdAt' },
};

/** The incoming-message indexes as manifest.yml declares them. */
export const INCOMING_MESSAGE_INDEXES: Record<string, MemoryIndex> = {
  createdAt: { partition: [], range: 'createdAt' },
  'by-status': { partition: ['status'], range: 'createdAt' },
  'by-handler': { partition: ['handlerId'], range: 'createdAt' },
  'by-sender': { partition: ['sender'], range: 'createdAt' },
};

type Stored = Versioned & Record<string, unknown>;

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A Forge custom entity in memory with the platform's semantics that the app relies on: FAIL_IF_EXISTS creates,
 * version-conditional replaces, index queries by partition and range, sorted and paged with a cursor.
 */
export class MemoryEntityStore implements EntityStore {
  readonly values = new Map<string, Stored>();
  /** Replaces lost this way before the next one lands (to play a concurrent writer). */
  conflictsBeforeReplace = 0;
  /** Called before each conditional write lands, e.g. to change the record meanwhile. */
  onReplace: ((key: string) => void) | undefined;
  replaces = 0;
  /** Where the plain kvs entries a replace takes along go (the app's kvs, as in one Forge transaction). */
  alongsideTo: KvStore | undefined;

  constructor(private readonly indexes: Record<string, MemoryIndex> = OUTBOX_INDEXES) {}

  async get(key: string): Promise<unknown> {
    const value = this.values.get(key);
    return value === undefined ? undefined : copy(value);
  }

  async create(key: string, value: Versioned): Promise<boolean> {
    if (this.values.has(key)) return false;
    this.values.set(key, copy(value) as Stored);
    return true;
  }

  async replace(
    key: string,
    value: Versioned,
    expectedVersion: number,
    alongside: readonly KvEntry[] = [],
  ): Promise<boolean> {
    this.replaces += 1;
    this.onReplace?.(key);
    if (this.conflictsBeforeReplace > 0) {
      this.conflictsBeforeReplace -= 1;
      const current = this.values.get(key);
      if (current !== undefined) this.values.set(key, { ...current, version: current.version + 1 });
      return false;
    }
    const current = this.values.get(key);
    if (current === undefined || current.version !== expectedVersion) return false;
    if (alongside.length > 0) {
      if (this.alongsideTo === undefined) throw new Error('no kvs for the entries taken along');
      // All or none: the plain entries first, so their failure leaves the entity unwritten too.
      await this.alongsideTo.setAll(alongside);
    }
    this.values.set(key, copy(value) as Stored);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async query(query: IndexQuery): Promise<EntityPage> {
    const index = this.indexes[query.index];
    if (index === undefined) throw new Error(`No index ${query.index}`);
    const rangeOf = (value: Stored) => value[index.range] as number;
    const compare = (a: [string, number], b: [string, number]) => {
      const order = a[1] - b[1] || a[0].localeCompare(b[0]);
      return query.order === 'newest' ? -order : order;
    };
    const matching = [...this.values.entries()]
      .filter(([, value]) =>
        index.partition.every((attribute, position) => value[attribute] === query.partition?.[position]),
      )
      .filter(([, value]) => {
        const at = value[index.range];
        if (typeof at !== 'number') return false;
        return (
          (query.range?.from === undefined || at >= query.range.from) &&
          (query.range?.to === undefined || at < query.range.to)
        );
      })
      .filter(([, value]) =>
        Object.entries(query.equals ?? {}).every(([attribute, expected]) => value[attribute] === expected),
      )
      .sort(([keyA, a], [keyB, b]) => compare([keyA, rangeOf(a)], [keyB, rangeOf(b)]));
    // As the platform's cursor, this one marks the last item returned, so deleting items already seen skips nothing.
    const after =
      query.cursor === undefined
        ? undefined
        : (JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as [string, number]);
    const rest =
      after === undefined ? matching : matching.filter(([key, value]) => compare([key, rangeOf(value)], after) > 0);
    const page = rest.slice(0, query.limit);
    const last = page.at(-1);
    return {
      values: page.map(([, value]) => copy(value)),
      ...(last !== undefined && rest.length > query.limit
        ? { cursor: Buffer.from(JSON.stringify([last[0], rangeOf(last[1])]), 'utf8').toString('base64url') }
        : {}),
    };
  }
}
