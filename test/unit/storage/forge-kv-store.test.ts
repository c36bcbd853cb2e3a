import { ForgeKvsAPIError } from '@forge/kvs';

import { StorageError } from '../../../src/storage/errors';
import { createForgeKvStore, type ForgeKvs } from '../../../src/storage/forge-kv-store';
import { withSendSetup } from '../../../src/storage/send-setup';

type Page = { results: Array<{ key: string; value: unknown }>; nextCursor?: string };

/** A stand-in for @forge/kvs recording what the adapter asks of it. */
const fakeKvs = (pages: Page[] = []) => {
  const calls: string[] = [];
  const plain = new Map<string, unknown>([['credential:a', { name: 'A' }]]);
  const secrets = new Map<string, unknown>([['credential-secret:a', 's3cr3t']]);
  let page = 0;
  const queryBuilder = {
    where: (property: string, clause: { condition: string; values: unknown[] }) => {
      calls.push(`where ${property} ${clause.condition} ${String(clause.values[0])}`);
      return queryBuilder;
    },
    limit: (limit: number) => {
      calls.push(`limit ${limit}`);
      return queryBuilder;
    },
    cursor: (cursor: string) => {
      calls.push(`cursor ${cursor}`);
      return queryBuilder;
    },
    getMany: async () => {
      calls.push('getMany');
      return pages[page++] ?? { results: [] };
    },
    getOne: async () => undefined,
  };
  const client = {
    get: async (key: string) => (calls.push(`get ${key}`), plain.get(key)),
    set: async (key: string, value: unknown) => void (calls.push(`set ${key}`), plain.set(key, value)),
    delete: async (key: string) => void (calls.push(`delete ${key}`), plain.delete(key)),
    getSecret: async (key: string) => (calls.push(`getSecret ${key}`), secrets.get(key)),
    setSecret: async (key: string, value: unknown) => void (calls.push(`setSecret ${key}`), secrets.set(key, value)),
    deleteSecret: async (key: string) => void (calls.push(`deleteSecret ${key}`), secrets.delete(key)),
    query: () => queryBuilder,
    transact: () => {
      const staged: Array<[string, unknown]> = [];
      const transaction = {
        set: (key: string, value: unknown) => (staged.push([key, value]), transaction),
        execute: async () => {
          calls.push(`transact ${staged.map(([key]) => key).join(' ')}`);
          for (const [key, value] of staged) plain.set(key, value);
        },
      };
      return transaction;
    },
  } as unknown as ForgeKvs;
  return { client, calls, plain, secrets };
};

describe('createForgeKvStore', () => {
  it('passes plain and secret operations through to @forge/kvs', async () => {
    const { client, calls, plain, secrets } = fakeKvs();
    const store = createForgeKvStore(client);

    expect(await store.get('credential:a')).toEqual({ name: 'A' });
    await store.set('credential:b', { name: 'B' });
    await store.delete('credential:a');
    expect(await store.getSecret('credential-secret:a')).toBe('s3cr3t');
    await store.setSecret('token-cache:a', { accessToken: 't' });
    await store.deleteSecret('credential-secret:a');

    expect(calls).toEqual([
      'get credential:a',
      'set credential:b',
      'delete credential:a',
      'getSecret credential-secret:a',
      'setSecret token-cache:a',
      'deleteSecret credential-secret:a',
    ]);
    expect([...plain.keys()]).toEqual(['credential:b']);
    expect([...secrets.keys()]).toEqual(['token-cache:a']);
  });

  it('sets several entries in one kvs transaction', async () => {
    const { client, calls, plain } = fakeKvs();
    await createForgeKvStore(client).setAll([
      { key: 'email-history:1:a', value: { id: 'a' } },
      { key: 'thread:d', value: { emailId: 'a' } },
    ]);
    expect(calls).toEqual(['transact email-history:1:a thread:d']);
    expect(plain.get('thread:d')).toEqual({ emailId: 'a' });
  });

  it('follows query cursors until the last page', async () => {
    const { client, calls } = fakeKvs([
      { results: [{ key: 'credential:a', value: 1 }], nextCursor: 'c1' },
      { results: [{ key: 'credential:b', value: 2 }] },
    ]);
    const entries = await createForgeKvStore(client).listByPrefix('credential:');

    expect(entries).toEqual([
      { key: 'credential:a', value: 1 },
      { key: 'credential:b', value: 2 },
    ]);
    expect(calls).toEqual([
      'where key BEGINS_WITH credential:',
      'limit 100',
      'getMany',
      'where key BEGINS_WITH credential:',
      'limit 100',
      'cursor c1',
      'getMany',
    ]);
  });

  it('translates platform errors into StorageError naming the operation, key and platform code', async () => {
    const { client } = fakeKvs();
    const platformError = new ForgeKvsAPIError(
      { status: 429, statusText: 'Too Many Requests' },
      { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' },
    );
    (client as { setSecret: unknown }).setSecret = async () => {
      throw platformError;
    };

    const error = await createForgeKvStore(client)
      .setSecret('token-cache:a', { accessToken: 'TOKEN-VALUE' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({
      code: 'STORAGE_FAILED',
      operation: 'setSecret',
      key: 'token-cache:a',
      platformCode: 'RATE_LIMIT_EXCEEDED',
      message: 'Forge storage setSecret of "token-cache:a" failed (RATE_LIMIT_EXCEEDED).',
      cause: platformError,
    });
    expect(String((error as Error).message)).not.toContain('TOKEN-VALUE');
  });
});

describe('the send-setup copy over @forge/kvs', () => {
  const a = { key: 'credential:a', value: { name: 'A' } };
  const b = { key: 'credential:b', value: { name: 'B' } };

  it('writes a credential record with its copy in one transaction, and Send reads the copy with one get', async () => {
    // The credential query's pages: before the write, then the sources read again after it.
    const { client, calls, plain } = fakeKvs([{ results: [a] }, { results: [a, b] }]);
    const store = withSendSetup(createForgeKvStore(client));

    await store.set(b.key, b.value);

    expect(calls).toEqual([
      'where key BEGINS_WITH credential:',
      'limit 100',
      'getMany',
      'get mail-settings',
      'transact credential:b send-setup',
      'where key BEGINS_WITH credential:',
      'limit 100',
      'getMany',
      'get mail-settings',
    ]);
    calls.length = 0;

    const view = await store.readSendSetup();

    expect(calls).toEqual(['get send-setup']);
    expect(await view.listByPrefix('credential:')).toEqual([a, b]);
    expect(plain.get('send-setup')).toEqual({
      entries: [
        [a.key, a.value],
        [b.key, b.value],
      ],
    });
  });
});
