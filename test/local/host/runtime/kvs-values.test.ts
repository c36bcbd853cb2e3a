import { Filter, FilterConditions, kvs, MetadataField, WhereConditions } from '@forge/kvs';

import { apiError, install } from './kvs-fixtures';

describe('kvs through the real @forge/kvs', () => {
  it('sets, gets and deletes JSON values; a missing key reads as undefined', async () => {
    install();
    await kvs.set('settings:mail', { sender: 'mailer@example.test', retries: 3, tags: ['a', 'b'], on: true });
    await kvs.set('count', 0);
    expect(await kvs.get('settings:mail')).toEqual({
      sender: 'mailer@example.test',
      retries: 3,
      tags: ['a', 'b'],
      on: true,
    });
    expect(await kvs.get('count')).toBe(0);
    expect(await kvs.get('missing')).toBeUndefined();
    await kvs.delete('settings:mail');
    expect(await kvs.get('settings:mail')).toBeUndefined();
    await expect(kvs.delete('settings:mail')).resolves.toBeUndefined();
  });

  it('keeps secrets apart: kvs.get and kvs.query never see them', async () => {
    install();
    await kvs.setSecret('credential:client-secret', { secret: 's3cr3t-value' });
    await kvs.set('credential:client-id', 'abc');
    expect(await kvs.getSecret('credential:client-secret')).toEqual({ secret: 's3cr3t-value' });
    expect(await kvs.get('credential:client-secret')).toBeUndefined();
    const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('credential:')).getMany();
    expect(results).toEqual([{ key: 'credential:client-id', value: 'abc' }]);
    expect(nextCursor).toBeUndefined();
    await kvs.deleteSecret('credential:client-secret');
    expect(await kvs.getSecret('credential:client-secret')).toBeUndefined();
  });

  it('pages a beginsWith query with a cursor, in key order, with no cursor on the last page', async () => {
    install();
    const keys = Array.from({ length: 25 }, (_, i) => `issue:${String(i).padStart(2, '0')}`);
    for (const key of [...keys].reverse()) {
      await kvs.set(key, { key });
    }
    await kvs.set('other:1', 1);
    await kvs.set('issue', 'prefix itself does not match issue:');

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const query = kvs.query().where('key', WhereConditions.beginsWith('issue:')).limit(10);
      const { results, nextCursor } = await (cursor ? query.cursor(cursor) : query).getMany<{ key: string }>();
      pages.push(results.map((result) => result.key));
      for (const result of results) {
        expect(result.value).toEqual({ key: result.key });
      }
      cursor = nextCursor;
    } while (cursor);

    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(keys);
  });

  it('answers 10 items by default and getOne the first key', async () => {
    install();
    for (let i = 0; i < 12; i += 1) {
      await kvs.set(`k${String(i).padStart(2, '0')}`, i);
    }
    const { results, nextCursor } = await kvs.query().getMany();
    expect(results.map((r) => r.key)).toEqual(['k00', 'k01', 'k02', 'k03', 'k04', 'k05', 'k06', 'k07', 'k08', 'k09']);
    expect(typeof nextCursor).toBe('string');
    expect(await kvs.query().getOne()).toEqual({ key: 'k00', value: 0 });
  });

  it.each([
    ['too long', 'k'.repeat(501), 'KEY_TOO_LONG', 'The provided key has exceeded the maximum 500 characters (501)'],
    ['empty', '', 'KEY_TOO_SHORT', 'The provided key must be at least one character long'],
    [
      'with a slash',
      'credential/secret',
      'INVALID_KEY',
      'The provided key does not match the regex: ^(?!\\s+$)[a-zA-Z0-9:._\\s\\-#]+$',
    ],
    [
      'only whitespace',
      '   ',
      'INVALID_KEY',
      'The provided key does not match the regex: ^(?!\\s+$)[a-zA-Z0-9:._\\s\\-#]+$',
    ],
  ])('refuses a key %s with the error @forge/kvs throws', async (_title, key, code, message) => {
    install();
    const error = await apiError(kvs.set(key, 1));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.responseDetails).toMatchObject({
      status: 400,
      statusText: 'Bad Request',
      httpMethod: 'POST',
      httpPath: '/api/v1/set',
    });
  });

  it('accepts a key of exactly 500 allowed characters, spaces, dashes and hashes included', async () => {
    install();
    const key = `a b-c#d:e.f_g${'x'.repeat(487)}`;
    expect(key).toHaveLength(500);
    await kvs.set(key, 'ok');
    expect(await kvs.get(key)).toBe('ok');
  });

  it('stores a value of exactly 240 KiB of JSON and refuses one byte more with MAX_SIZE', async () => {
    install();
    const limit = 240 * 1024;
    await kvs.set('big', 'x'.repeat(limit - 2));
    expect(await kvs.get('big')).toHaveLength(limit - 2);

    const error = await apiError(kvs.set('big', 'x'.repeat(limit - 1)));
    expect(error.code).toBe('MAX_SIZE');
    expect(error.message).toBe(
      'The provided value has exceeded the maximum size limit (245761 bytes, limit 245760 bytes)',
    );
    expect(error.responseDetails.status).toBe(400);
    expect(await kvs.get('big')).toHaveLength(limit - 2);

    const secretError = await apiError(kvs.setSecret('big', 'x'.repeat(limit)));
    expect(secretError.code).toBe('MAX_SIZE');
  });

  it('refuses a value nested deeper than 32 levels with MAX_DEPTH', async () => {
    install();
    const nest = (depth: number): unknown => (depth === 0 ? 1 : { n: nest(depth - 1) });
    await kvs.set('deep', nest(32));
    const error = await apiError(kvs.set('deeper', nest(33)));
    expect(error.code).toBe('MAX_DEPTH');
  });

  it.each([
    [
      'an undefined value',
      () => kvs.set('k', undefined),
      'BAD_REQUEST',
      'Provided request body is invalid for /api/v1/set: value: Required',
    ],
    [
      'an entity name under 3 characters',
      () => kvs.entity('ab').set('k', 1),
      'ENTITY_TYPE_TOO_SHORT',
      'The provided entity name must be at least 3 characters long',
    ],
  ])('refuses %s', async (_title, attempt, code, message) => {
    install();
    const error = await apiError(attempt());
    expect([error.code, error.message, error.responseDetails.status]).toEqual([code, message, 400]);
  });

  it('refuses a query limit above 100', async () => {
    install();
    const error = await apiError(kvs.query().limit(101).getMany());
    expect(error.code).toBe('INVALID_LIMIT');
    expect(error.message).toBe('The provided limit must be an integer between 1 and 100 (101)');
  });

  it('refuses a cursor it did not issue', async () => {
    install();
    const error = await apiError(kvs.query().cursor('not a cursor!').getMany());
    expect(error.code).toBe('INVALID_CURSOR');
  });

  it('answers metadata in Unix seconds and expires TTL items on the injected clock', async () => {
    let now = Date.UTC(2025, 0, 12, 12, 55, 0);
    install({ now: () => now });
    await kvs.set('token-cache', 'abc', { ttl: { value: 5, unit: 'MINUTES' } });
    expect(
      await kvs.get('token-cache', {
        metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
      }),
    ).toEqual({
      key: 'token-cache',
      value: 'abc',
      createdAt: 1736686500,
      updatedAt: 1736686500,
      expireTime: '2025-01-12T13:00:00Z',
    });
    now += 5 * 60 * 1000 - 1000;
    expect(await kvs.get('token-cache')).toBe('abc');
    now += 1000;
    expect(await kvs.get('token-cache')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue PREVIOUS / LATEST', async () => {
    install();
    await kvs.set('lock', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await apiError(kvs.set('lock', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(error.code).toBe('KEY_ALREADY_EXISTS');
    expect(error.responseDetails.status).toBe(409);
    expect(await kvs.set('lock', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({
      key: 'lock',
      value: 1,
    });
    expect(await kvs.set('lock', 4, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({
      key: 'lock',
      value: 4,
    });
    expect(await kvs.set('fresh', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
  });

  it('batch sets, gets and deletes, reporting each failed key', async () => {
    install();
    const set = await kvs.batchSet<unknown>([
      { key: 'b:1', value: 1 },
      { key: 'b/2', value: 2 },
      { key: 'b:3', value: { three: 3 } },
    ]);
    expect(set).toEqual({
      successfulKeys: [{ key: 'b:1' }, { key: 'b:3' }],
      failedKeys: [
        {
          key: 'b/2',
          error: {
            code: 'INVALID_KEY',
            message: 'The provided key does not match the regex: ^(?!\\s+$)[a-zA-Z0-9:._\\s\\-#]+$',
          },
        },
      ],
    });
    expect(await kvs.batchGet([{ key: 'b:1' }, { key: 'b:2' }, { key: 'b:3' }])).toEqual({
      successfulKeys: [
        { key: 'b:1', value: 1 },
        { key: 'b:3', value: { three: 3 } },
      ],
      failedKeys: [{ key: 'b:2', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });
    expect(await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:3' }])).toEqual({
      successfulKeys: [{ key: 'b:1' }, { key: 'b:3' }],
      failedKeys: [],
    });
    expect(await kvs.get('b:1')).toBeUndefined();
  });

  it.each([
    ['empty', [], 'INVALID_BATCH_SIZE'],
    ['of 26 items', Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i })), 'INVALID_BATCH_SIZE'],
    [
      'with a duplicate key',
      [
        { key: 'same', value: 1 },
        { key: 'same', value: 2 },
      ],
      'DUPLICATE_KEYS',
    ],
  ])('fails a whole batch %s', async (_title, items, code) => {
    install();
    const error = await apiError(kvs.batchSet(items));
    expect(error.code).toBe(code);
    expect(await kvs.get('k0')).toBeUndefined();
    expect(await kvs.get('same')).toBeUndefined();
  });

  it('commits a transaction atomically and rolls it back when a condition fails', async () => {
    install();
    await kvs.set('t:gone', 'x');
    await kvs.transact().set('t:a', 1).set('t:b', { b: 2 }).delete('t:gone').execute();
    expect(await kvs.get('t:a')).toBe(1);
    expect(await kvs.get('t:b')).toEqual({ b: 2 });
    expect(await kvs.get('t:gone')).toBeUndefined();

    await kvs.entity<{ status: string }>('mailjob').set('job-1', { status: 'queued' });
    const error = await apiError(
      kvs
        .transact()
        .set('t:a', 99)
        .check('job-1', {
          entityName: 'mailjob',
          conditions: new Filter<{ status: string }>().and('status', FilterConditions.equalTo('sent')),
        })
        .execute(),
    );
    expect(error.code).toBe('CONDITION_CHECK_FAILED');
    expect(error.responseDetails.status).toBe(409);
    expect(await kvs.get('t:a')).toBe(1);

    await kvs
      .transact()
      .set('t:a', 100)
      .check('job-1', {
        entityName: 'mailjob',
        conditions: new Filter<{ status: string }>().and('status', FilterConditions.equalTo('queued')),
      })
      .execute();
    expect(await kvs.get('t:a')).toBe(100);
  });

  it('counts each kvs call the package makes', async () => {
    const { runtime } = install();
    await kvs.set('a', 1);
    await kvs.get('a');
    await kvs.get('missing');
    await kvs.query().getMany();
    await kvs.setSecret('s', 1);
    expect(runtime.stats()).toEqual({ kvsOperations: 5, jiraRequests: 0, invocations: 0 });
    runtime.resetStats();
    expect(runtime.stats()).toEqual({ kvsOperations: 0, jiraRequests: 0, invocations: 0 });
  });
});
