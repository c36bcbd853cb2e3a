import type { EntityPage, EntityStore, IndexQuery, Versioned } from '../../../src/storage/entity-store';

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

  async replace(key: string, value: Versioned, expectedVersion: number): Promise<boolean> {
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
    this.values.set(key, copy(value) as Stored);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async query(query: IndexQuery): Promise<EntityPage> {
    const index = this.indexes[query.index];
    if (index === undefined) throw new Error(`No index ${query.index}`);
    const matching = [...this.values.entries()]
      .filter(([, value]) => index.partition.every((attribute, position) => value[attribute] === query.partition?.[position]))
      .filter(([, value]) => {
        const at = value[index.range];
        if (typeof at !== 'number') return false;
        return (query.range?.from === undefined || at >= query.range.from) && (query.range?.to === undefined || at < query.range.to);
      })
      .filter(([, value]) => Object.entries(query.equals ?? {}).every(([attribute, expected]) => value[attribute] === expected))
      .sort(([keyA, a], [keyB, b]) => {
        const order = (a[index.range] as number) - (b[index.range] as number) || keyA.localeCompare(keyB);
        return query.order === 'newest' ? -order : order;
      });
    const start = query.cursor === undefined ? 0 : Number(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    const page = matching.slice(start, start + query.limit);
    const next = start + query.limit;
    return {
      values: page.map(([, value]) => copy(value)),
      ...(next < matching.length ? { cursor: Buffer.from(String(next), 'utf8').toString('base64url') } : {}),
    };
  }
}
