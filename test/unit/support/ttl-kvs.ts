type Ttl = { value: number; unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' };
type SetOptions = { keyPolicy?: 'FAIL_IF_EXISTS' | 'OVERRIDE'; ttl?: Ttl };

const UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

/**
 * The part of @forge/kvs that conditional, expiring marks use (`set` with keyPolicy and ttl, `delete`), in memory,
 * on a clock the test moves: an expired entry is gone, and FAIL_IF_EXISTS on a live one fails as Forge's 409.
 */
export const ttlKvs = (now: () => number) => {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry !== undefined && entry.expiresAt <= now()) entries.delete(key);
    return entries.get(key);
  };
  const client = {
    set: async (key: string, value: unknown, options?: SetOptions): Promise<undefined> => {
      if (options?.keyPolicy === 'FAIL_IF_EXISTS' && live(key) !== undefined) {
        throw Object.assign(new Error('The key already exists.'), { responseDetails: { status: 409 } });
      }
      const ttl = options?.ttl;
      entries.set(key, {
        value,
        expiresAt: ttl === undefined ? Number.POSITIVE_INFINITY : now() + ttl.value * UNIT_MS[ttl.unit],
      });
      return undefined;
    },
    delete: async (key: string): Promise<void> => {
      entries.delete(key);
    },
    /** The keys still alive now. */
    liveKeys: (): string[] => [...entries.keys()].filter((key) => live(key) !== undefined),
  };
  return client;
};
