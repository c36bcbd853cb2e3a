import { validateCopy } from '../generated/send-setup';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { CREDENTIAL_PREFIX, MAIL_SETTINGS_KEY, SEND_SETUP_KEY } from './keys';
import type { KvEntry, KvStore } from './kv-store';
import type { StoredCopy } from './send-setup-schema';

/**
 * What "Send" reads on every email: every credential record (`credential:{id}`, the default one and the chosen one
 * among them) and the mail settings (`mail-settings`). Apart they are a query and a get, two kvs operations; this
 * keeps a copy of them all in one entry, `send-setup`, so the Send path reads one (issue 14's kvs budget: a get is one
 * read request, metered by its size in 10 KB steps, https://developer.atlassian.com/platform/forge/limits-kvs-ce).
 * Forge kvs has no read in a transaction, and its batch operations are held to 45 a minute
 * (https://developer.atlassian.com/platform/forge/storage-reference/batchops), too few for a read on every email.
 *
 * The writes keep the copy, through this wrapper of the app's KvStore (composition/app-kv.ts): a credential record or
 * the settings is set in one transaction with the copy rebuilt from the stored sources
 * (https://developer.atlassian.com/platform/forge/storage-reference/transactions/), so a crash never stores one
 * without the other. Two writers at once could each rebuild from a read that misses the other's write, so each reads
 * the sources again after its write and writes the copy again until it matches them: the last one to write leaves the
 * sources as they are. A copy that is missing or unreadable is not used: the sources are read, and the copy written.
 */
export interface SendSetupKv extends KvStore {
  /** The credential records and the mail settings as one read-only KvStore, read in one kvs operation. */
  readSendSetup: () => Promise<KvStore>;
}

/** Rounds of "read the sources again, write the copy again" before a writer leaves it to the next one. */
const MAX_SETTLE_ROUNDS = 3;
/** A copy bigger than this (hundreds of credentials) is not kept: Send reads the sources (values <= 240 KiB). */
export const MAX_SEND_SETUP_BYTES = 200 * 1024;

export const isSendSetupSource = (key: string): boolean =>
  key.startsWith(CREDENTIAL_PREFIX) || key === MAIL_SETTINGS_KEY;

const readCopy = standaloneValidator<StoredCopy>(validateCopy as StandaloneValidate);

const byKey = (a: KvEntry, b: KvEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const copyOf = (entries: readonly KvEntry[]): { entries: Array<[string, unknown]> } => ({
  entries: entries.map(({ key, value }): [string, unknown] => [key, value]),
});

const fits = (copy: unknown): boolean => Buffer.byteLength(JSON.stringify(copy), 'utf8') <= MAX_SEND_SETUP_BYTES;

const sameEntries = (a: readonly KvEntry[], b: readonly KvEntry[]): boolean =>
  JSON.stringify(copyOf(a)) === JSON.stringify(copyOf(b));

const withEntry = (entries: readonly KvEntry[], key: string, value: unknown): KvEntry[] =>
  [...entries.filter((entry) => entry.key !== key), { key, value }].sort(byKey);

const withoutEntry = (entries: readonly KvEntry[], key: string): KvEntry[] =>
  entries.filter((entry) => entry.key !== key);

const parseCopy = (value: unknown): KvEntry[] | undefined => {
  const parsed = readCopy(value);
  if (!parsed.ok) return undefined;
  const entries = parsed.value.entries.map(([key, entry]) => ({ key, value: entry }));
  return entries.every((entry) => isSendSetupSource(entry.key)) ? entries.sort(byKey) : undefined;
};

const notInCopy = (what: string): Promise<never> =>
  Promise.reject(new Error(`The send setup is a read-only copy of plain entries: ${what} goes to the app's storage.`));

/** The copy as a KvStore that answers reads from memory (JSON copies, as storage would) and refuses the rest. */
export const readOnlyKvStore = (entries: readonly KvEntry[]): KvStore => {
  const clone = (value: unknown): unknown => (value === undefined ? undefined : structuredClone(value));
  const values = new Map(entries.map((entry) => [entry.key, entry.value]));
  return {
    get: (key) => Promise.resolve(clone(values.get(key))),
    listByPrefix: (prefix) =>
      Promise.resolve(
        entries.filter((entry) => entry.key.startsWith(prefix)).map(({ key, value }) => ({ key, value: clone(value) })),
      ),
    getSecret: () => notInCopy('a secret'),
    set: () => notInCopy('a set'),
    setAll: () => notInCopy('a transaction'),
    delete: () => notInCopy('a delete'),
    setSecret: () => notInCopy('a secret'),
    deleteSecret: () => notInCopy('a secret'),
  };
};

/** `kv`, with the `send-setup` copy kept by every write of a credential record or the mail settings. */
export const withSendSetup = (kv: KvStore): SendSetupKv => {
  const readSources = async (): Promise<KvEntry[]> => {
    const [credentials, settings] = await Promise.all([kv.listByPrefix(CREDENTIAL_PREFIX), kv.get(MAIL_SETTINGS_KEY)]);
    const entries = credentials.filter((entry) => isSendSetupSource(entry.key));
    return (settings === undefined ? entries : [...entries, { key: MAIL_SETTINGS_KEY, value: settings }]).sort(byKey);
  };

  /** The copy of `entries`, or none when it would not fit (Send then reads the sources). */
  const writeCopy = async (entries: readonly KvEntry[]): Promise<void> => {
    const copy = copyOf(entries);
    if (fits(copy)) await kv.set(SEND_SETUP_KEY, copy);
    else await kv.delete(SEND_SETUP_KEY);
  };

  /** Reads the sources again until the copy last written (`written`) is what they hold. */
  const settle = async (written: readonly KvEntry[]): Promise<void> => {
    let copy = written;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round += 1) {
      const sources = await readSources();
      if (sameEntries(sources, copy)) return;
      await writeCopy(sources);
      copy = sources;
    }
  };

  /** Sets `writes` (some of them sources) and the copy they make, in one transaction when it fits. */
  const setWithCopy = async (writes: readonly KvEntry[]): Promise<void> => {
    const next = writes.reduce((entries, { key, value }) => withEntry(entries, key, value), await readSources());
    const copy = copyOf(next);
    if (fits(copy)) {
      await kv.setAll([...writes, { key: SEND_SETUP_KEY, value: copy }]);
    } else {
      await kv.delete(SEND_SETUP_KEY);
      await kv.setAll(writes);
    }
    await settle(next);
  };

  return {
    get: (key) => kv.get(key),
    listByPrefix: (prefix) => kv.listByPrefix(prefix),
    getSecret: (key) => kv.getSecret(key),
    setSecret: (key, value) => kv.setSecret(key, value),
    deleteSecret: (key) => kv.deleteSecret(key),
    set: async (key, value) => (isSendSetupSource(key) ? setWithCopy([{ key, value }]) : kv.set(key, value)),
    setAll: async (entries) =>
      entries.some((entry) => isSendSetupSource(entry.key)) ? setWithCopy(entries) : kv.setAll(entries),
    delete: async (key) => {
      if (!isSendSetupSource(key)) return kv.delete(key);
      // The copy loses the entry first: a copy that misses a record still stored is settled by the next write; one
      // naming a deleted credential would have Send queue emails through it.
      const next = withoutEntry(await readSources(), key);
      await writeCopy(next);
      try {
        await kv.delete(key);
      } finally {
        await settle(next);
      }
    },
    readSendSetup: async () => {
      const copy = parseCopy(await kv.get(SEND_SETUP_KEY));
      if (copy !== undefined) return readOnlyKvStore(copy);
      const sources = await readSources();
      if (fits(copyOf(sources))) {
        try {
          await writeCopy(sources);
          await settle(sources);
        } catch {
          // The sources were read: this Send goes on without the copy, and the next one writes it.
        }
      }
      return readOnlyKvStore(sources);
    },
  };
};
