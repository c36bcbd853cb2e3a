import { createHash } from 'node:crypto';

import type { EmailHistoryEntry } from '../../../src/contract/issue-email';
import {
  createHistoryStore,
  type HistoryRecord,
  HistoryRecordInvalidError,
  sortableInstant,
} from '../../../src/history/history-store';
import { MemoryKvStore } from '../support/memory-kv-store';

const entry = (n: number, overrides: Partial<HistoryRecord> = {}): HistoryRecord => ({
  id: `email-${n}`,
  issueKey: 'DEMO-1',
  at: new Date(Date.UTC(2025, 2, 8, 10, 0, 0) + n * 1000).toISOString(),
  sender: { accountId: 'u-sam', name: 'Sam Rivera' },
  from: 'support@contoso.com',
  to: ['a@x.com'],
  cc: [],
  bccCount: 1,
  subject: `Email ${n}`,
  status: 'sent',
  attachmentCount: 0,
  ...overrides,
});

/** A store whose queries answer keys newest first: the order of a query's pages is not to be relied on. */
class ReversedKvStore extends MemoryKvStore {
  override async listByPrefix(prefix: string) {
    return (await super.listByPrefix(prefix)).reverse();
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('history store', () => {
  it('keys each email by issue, sortable time and id, and keeps the identifiers replies are matched by', async () => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv);
    await store.record(
      '10001',
      entry(1, { internetMessageId: '<email-1.demo-1@contoso.com>', messageId: 'AAMk1', conversationId: 'AAQk1' }),
    );
    expect([...kv.plain.keys()]).toEqual([
      'email-history:10001:20250308T100001000Z.email-1',
      `thread:${sha('<email-1.demo-1@contoso.com>')}`,
    ]);
    expect(kv.plain.get('email-history:10001:20250308T100001000Z.email-1')).toEqual(
      entry(1, { internetMessageId: '<email-1.demo-1@contoso.com>', messageId: 'AAMk1', conversationId: 'AAQk1' }),
    );
    expect(kv.plain.get(`thread:${sha('<email-1.demo-1@contoso.com>')}`)).toEqual({
      issueId: '10001',
      issueKey: 'DEMO-1',
      emailId: 'email-1',
    });
  });

  it("lists newest first, exactly as the contract's entry, without internal ids", async () => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv);
    await store.record('10001', entry(2, { internetMessageId: '<b@x>', messageId: 'm', conversationId: 'c' }));
    await store.record('10001', entry(1, { status: 'failed', error: 'Microsoft Graph did not answer.' }));
    await store.record('10001', entry(3));
    await store.record('10002', entry(4, { issueKey: 'DEMO-2' }));
    const listed = await store.list('10001');
    expect(listed.map((item) => item.id)).toEqual(['email-3', 'email-2', 'email-1']);
    const expected: EmailHistoryEntry = {
      id: 'email-2',
      issueKey: 'DEMO-1',
      at: '2025-03-08T10:00:02.000Z',
      sender: { accountId: 'u-sam', name: 'Sam Rivera' },
      from: 'support@contoso.com',
      to: ['a@x.com'],
      cc: [],
      bccCount: 1,
      subject: 'Email 2',
      status: 'sent',
      attachmentCount: 0,
    };
    expect(listed[1]).toStrictEqual(expected);
    expect(listed[2]).toStrictEqual({ ...entry(1), status: 'failed', error: 'Microsoft Graph did not answer.' });
    expect(kv.operations.filter((op) => op.operation === 'query').map((op) => op.key)).toContain(
      'email-history:10001:',
    );
  });

  it.each([
    [undefined, 100],
    [5, 5],
    [0, 0],
  ])('lists at most limit %p (%i of 120)', async (limit, count) => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv);
    for (let n = 1; n <= 120; n += 1) await store.record('10001', entry(n));
    const listed = await store.list('10001', limit);
    expect(listed).toHaveLength(count);
    if (count > 0) expect(listed[0]?.id).toBe('email-120');
  });

  it("keeps one entry an email: a resent email's new outcome replaces the failed one, with who resent it", async () => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv);
    await store.record('10001', entry(1));
    await store.record('10001', entry(2, { status: 'failed', error: 'Microsoft Graph is unavailable right now.' }));
    const alex = { accountId: 'u-alex', name: 'Alex Morgan' };
    await store.record(
      '10001',
      entry(2, { at: entry(9).at, internetMessageId: '<email-2@contoso.com>', resentBy: alex }),
    );

    const listed = await store.list('10001');
    expect(listed.map((item) => [item.id, item.status, item.at, item.resentBy])).toEqual([
      ['email-2', 'sent', entry(9).at, alex],
      ['email-1', 'sent', entry(1).at, undefined],
    ]);
    expect([...kv.plain.keys()].filter((key) => key.startsWith('email-history:'))).toEqual([
      'email-history:10001:20250308T100001000Z.email-1',
      'email-history:10001:20250308T100009000Z.email-2',
    ]);
  });

  it('orders by time even where the store answers keys out of order', async () => {
    const store = createHistoryStore(new ReversedKvStore());
    await store.record('10001', entry(1));
    await store.record('10001', entry(2));
    expect((await store.list('10001')).map((item) => item.id)).toEqual(['email-2', 'email-1']);
  });

  it('keeps at most 200 emails an issue, dropping the oldest and their thread entries', async () => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv, 200, 1);
    for (let n = 1; n <= 202; n += 1)
      await store.record('10001', entry(n, { internetMessageId: `<email-${n}@contoso.com>` }));
    const keys = [...kv.plain.keys()];
    expect(keys.filter((key) => key.startsWith('email-history:'))).toHaveLength(200);
    expect(keys.filter((key) => key.startsWith('thread:'))).toHaveLength(200);
    expect(kv.plain.has('email-history:10001:20250308T100001000Z.email-1')).toBe(false);
    expect(kv.plain.has('email-history:10001:20250308T100002000Z.email-2')).toBe(false);
    expect(kv.plain.has('email-history:10001:20250308T100003000Z.email-3')).toBe(true);
    await expect(store.findThread('<email-1@contoso.com>')).resolves.toBeUndefined();
    await expect(store.findThread('<email-3@contoso.com>')).resolves.toEqual({
      issueId: '10001',
      issueKey: 'DEMO-1',
      emailId: 'email-3',
    });
    expect((await store.list('10001', 500)).map((item) => item.id).at(-1)).toBe('email-3');
  });

  it('lists the issue only on a resend or on the emails that enforce the cap, about one in 16', async () => {
    const kv = new MemoryKvStore();
    const listed = jest.spyOn(kv, 'listByPrefix');
    const store = createHistoryStore(kv, 5);
    for (let n = 1; n <= 400; n += 1) await store.record('10001', entry(n));
    const enforcing = Array.from({ length: 400 }, (_, i) => i + 1).filter(
      (n) => createHash('sha256').update(`email-${n}`).digest().readUInt32BE(0) % 16 === 0,
    );
    expect(listed).toHaveBeenCalledTimes(enforcing.length);
    expect(enforcing.length).toBeGreaterThan(400 / 16 / 2);
    expect(enforcing.length).toBeLessThan((400 / 16) * 2);
    // The cap, plus the emails written since the last one that enforced it.
    const kept = [...kv.plain.keys()].filter((key) => key.startsWith('email-history:'));
    expect(kept).toHaveLength(5 + 400 - (enforcing.at(-1) ?? 0));
    listed.mockClear();
    await store.record('10001', entry(500, { internetMessageId: '<email-500@contoso.com>' }));
    // The entry and its thread index: one transaction.
    expect(kv.operations.slice(-1)).toEqual([
      {
        operation: 'setAll',
        key: `email-history:10001:${sortableInstant(entry(500).at)}.email-500 thread:${sha('<email-500@contoso.com>')}`,
      },
    ]);
    await store.record(
      '10001',
      entry(1, { at: entry(999).at, resentBy: { accountId: 'u-alex', name: 'Alex Morgan' } }),
    );
    expect(listed).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['as written', '<email-7.demo-1@contoso.com>'],
    ['without angle brackets', 'email-7.demo-1@contoso.com'],
    ['with spaces around', '  <email-7.demo-1@contoso.com>\r\n'],
  ])('finds the thread of a message id %s', async (_how, asked) => {
    const store = createHistoryStore(new MemoryKvStore());
    await store.record('10001', entry(7, { internetMessageId: '<email-7.demo-1@contoso.com>' }));
    await expect(store.findThread(asked)).resolves.toEqual({
      issueId: '10001',
      issueKey: 'DEMO-1',
      emailId: 'email-7',
    });
  });

  it('finds nothing for an unknown, empty or unreadable thread entry', async () => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv);
    await expect(store.findThread('<nobody@x>')).resolves.toBeUndefined();
    await expect(store.findThread('  ')).resolves.toBeUndefined();
    kv.plain.set(`thread:${sha('<broken@x>')}`, { issueId: 10001 });
    await expect(store.findThread('<broken@x>')).resolves.toBeUndefined();
  });

  it('skips a stored entry that does not fit, with a warning naming its key', async () => {
    const kv = new MemoryKvStore();
    const store = createHistoryStore(kv);
    await store.record('10001', entry(1));
    kv.plain.set('email-history:10001:20250308T100009000Z.bad', { ...entry(9), bccCount: -1 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await store.list('10001')).map((item) => item.id)).toEqual(['email-1']);
      expect(warn).toHaveBeenCalledWith(
        '[issue-mailer] ignoring unreadable record email-history:10001:20250308T100009000Z.bad: bccCount: Too small: expected number to be >=0',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    [entry(1, { at: 'yesterday' }), 'The email history entry does not fit: at: not a date and time'],
    [
      { ...entry(1), status: 'queued' } as unknown as HistoryRecord,
      'The email history entry does not fit: status: Invalid option: expected one of "sent"|"failed"',
    ],
    [
      { ...entry(1), to: 'a@x.com' } as unknown as HistoryRecord,
      'The email history entry does not fit: to: Invalid input: expected array, received string',
    ],
  ])('refuses to record an entry that does not fit, writing nothing', async (bad, message) => {
    const kv = new MemoryKvStore();
    const error = await createHistoryStore(kv)
      .record('10001', bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryRecordInvalidError);
    expect(error).toMatchObject({ code: 'HISTORY_RECORD_INVALID', message });
    expect(kv.count('set') + kv.count('setAll')).toBe(0);
  });

  it('refuses ids that cannot be part of a storage key', async () => {
    const kv = new MemoryKvStore();
    await expect(createHistoryStore(kv).record('10001/x', entry(1))).rejects.toMatchObject({
      code: 'STORAGE_KEY_INVALID',
    });
    await expect(createHistoryStore(kv).record('10001', entry(1, { id: 'a b' }))).rejects.toMatchObject({
      code: 'STORAGE_KEY_INVALID',
    });
    expect(kv.count('set') + kv.count('setAll')).toBe(0);
  });

  it.each([
    ['2025-03-08T10:00:00.000Z', '20250308T100000000Z'],
    ['2025-03-08T11:00:00.123+01:00', '20250308T100000123Z'],
  ])('turns %s into the sortable %s', (iso, sortable) => {
    expect(sortableInstant(iso)).toBe(sortable);
  });
});
