import { createHash } from 'node:crypto';

import { ForgeKvsAPIError } from '@forge/kvs';

import { createOnceGuard, ONCE_TTL_DAYS, onceKeyOf } from '../../../src/notifications/once-guard';
import { StorageError } from '../../../src/storage/errors';

const NOW = Date.parse('2024-05-06T06:00:00Z');

type OnceKvs = NonNullable<Parameters<typeof createOnceGuard>[0]>;

/** @forge/kvs as the guard uses it: FAIL_IF_EXISTS answered with a 409 for a key it holds; failures scripted. */
const fakeKvs = () => {
  const held = new Map<string, unknown>();
  const calls: Array<{ operation: 'set' | 'delete'; key: string; value?: unknown; options?: unknown }> = [];
  const failures: { set?: unknown; delete?: unknown } = {};
  const client: OnceKvs = {
    set: async (key: string, value: unknown, options?: unknown) => {
      calls.push({ operation: 'set', key, value, options });
      if ('set' in failures) throw failures.set;
      if (held.has(key)) throw conflict();
      held.set(key, value);
      return undefined;
    },
    delete: async (key: string) => {
      calls.push({ operation: 'delete', key });
      if ('delete' in failures) throw failures.delete;
      held.delete(key);
    },
  };
  return { client, held, calls, failures };
};

const conflict = () =>
  new ForgeKvsAPIError(
    { status: 409, statusText: 'Conflict', traceId: 'trace-1' },
    { code: 'KEY_ALREADY_EXISTS', message: 'The key already exists.' },
  );
const rateLimited = () =>
  new ForgeKvsAPIError(
    { status: 429, statusText: 'Too Many Requests', traceId: 'trace-2' },
    { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down.' },
  );

const KEY = `notification-once:${createHash('sha256').update('rule-1\ncomment:20001').digest('hex')}`;

describe('createOnceGuard', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('keys a mark on the SHA-256 of the rule and the event', () => {
    expect(onceKeyOf('rule-1', 'comment:20001')).toBe(KEY);
    expect(onceKeyOf('rule-1', 'comment:20002')).not.toBe(KEY);
    expect(onceKeyOf('rule-2', 'comment:20001')).not.toBe(KEY);
    expect(onceKeyOf('rule-1', 'comment:20001')).toMatch(/^notification-once:[0-9a-f]{64}$/);
  });

  it('lets the first claim through with a FAIL_IF_EXISTS write kept 7 days, and refuses the next (409)', async () => {
    const { client, calls } = fakeKvs();
    const guard = createOnceGuard(client);

    await expect(guard.claim('rule-1', 'comment:20001')).resolves.toBe(true);
    await expect(guard.claim('rule-1', 'comment:20001')).resolves.toBe(false);
    await expect(guard.claim('rule-2', 'comment:20001')).resolves.toBe(true);

    expect(ONCE_TTL_DAYS).toBe(7);
    expect(calls[0]).toEqual({
      operation: 'set',
      key: KEY,
      value: { ruleId: 'rule-1', at: '2024-05-06T06:00:00.000Z' },
      options: { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 7, unit: 'DAYS' } },
    });
    expect(calls.map((call) => `${call.operation} ${call.key}`)).toEqual([
      `set ${KEY}`,
      `set ${KEY}`,
      `set ${onceKeyOf('rule-2', 'comment:20001')}`,
    ]);
  });

  it('treats any error with responseDetails.status 409 as taken', async () => {
    const { client, failures } = fakeKvs();
    failures.set = Object.assign(new Error('conflict'), { responseDetails: { status: 409 } });
    await expect(createOnceGuard(client).claim('rule-1', 'comment:20001')).resolves.toBe(false);
  });

  it.each<[string, unknown, string | undefined]>([
    ['a rate limit', rateLimited(), 'RATE_LIMIT_EXCEEDED'],
    ['a network error', new TypeError('fetch failed'), undefined],
    ['a 409 given as text', Object.assign(new Error('conflict'), { responseDetails: { status: '409' } }), undefined],
    ['a non-error', 'boom', undefined],
  ])('wraps %s in a StorageError naming the key', async (_name, failure, platformCode) => {
    const { client, failures } = fakeKvs();
    failures.set = failure;
    const error = await createOnceGuard(client)
      .claim('rule-1', 'comment:20001')
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'STORAGE_FAILED', operation: 'set', key: KEY, platformCode, cause: failure });
    expect((error as StorageError).message).toBe(
      `Forge storage set of "${KEY}" failed${platformCode === undefined ? '' : ` (${platformCode})`}.`,
    );
  });

  it('release deletes the mark, so the event may be claimed again', async () => {
    const { client, calls, held } = fakeKvs();
    const guard = createOnceGuard(client);
    await guard.claim('rule-1', 'comment:20001');

    await expect(guard.release('rule-1', 'comment:20001')).resolves.toBeUndefined();
    expect(calls.at(-1)).toEqual({ operation: 'delete', key: KEY });
    expect(held.size).toBe(0);
    await expect(guard.claim('rule-1', 'comment:20001')).resolves.toBe(true);
  });

  it('wraps a failed release in a StorageError', async () => {
    const { client, failures } = fakeKvs();
    const failure = rateLimited();
    failures.delete = failure;
    await expect(createOnceGuard(client).release('rule-1', 'comment:20001')).rejects.toMatchObject({
      name: 'StorageError',
      code: 'STORAGE_FAILED',
      operation: 'delete',
      key: KEY,
      platformCode: 'RATE_LIMIT_EXCEEDED',
      message: `Forge storage delete of "${KEY}" failed (RATE_LIMIT_EXCEEDED).`,
      cause: failure,
    });
  });
});
