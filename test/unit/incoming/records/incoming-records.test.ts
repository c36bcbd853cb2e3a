import type { IncomingRecord } from '../../../../src/incoming/records/incoming-record';
import { createIncomingRecordStore } from '../../../../src/incoming/records/incoming-records';
import { INCOMING_MESSAGE_INDEXES, MemoryEntityStore } from '../../support/memory-entity-store';

const T0 = Date.parse('2026-12-06T09:00:00Z');

const record = (n: number, overrides: Partial<IncomingRecord> = {}): IncomingRecord => ({
  messageKey: n.toString(16).padStart(64, '0'),
  version: 1,
  status: 'commented',
  createdAt: T0 + n * 60_000,
  updatedAt: T0 + n * 60_000,
  internetMessageId: `<m${n}@example.com>`,
  handlerId: 'h-support',
  mailbox: 'support@contoso.com',
  graphMessageId: `AAMk-${n}`,
  from: { address: 'ann@example.com' },
  sender: 'ann@example.com',
  subject: `Message ${n}`,
  receivedAt: T0,
  attempts: 1,
  ...overrides,
});

const seeded = async () => {
  const entities = new MemoryEntityStore(INCOMING_MESSAGE_INDEXES);
  const records = createIncomingRecordStore(entities);
  await records.create(record(1));
  await records.create(record(2, { status: 'ignored', reason: 'auto-reply' }));
  await records.create(record(3, { handlerId: 'h-sales', status: 'held', reason: 'sender-hourly-limit' }));
  await records.create(record(4, { sender: 'bo@example.com', from: { address: 'Bo@example.com' } }));
  await records.create(record(5, { handlerId: 'h-sales', status: 'ignored', reason: 'auto-reply' }));
  return { entities, records };
};

const numbers = (found: { records: IncomingRecord[] }) =>
  found.records.map((item) => Number.parseInt(item.messageKey, 16));

describe('the incoming log over the incoming-message entity', () => {
  it.each([
    ['everything, newest first', {}, [5, 4, 3, 2, 1]],
    ['one status', { status: 'ignored' as const }, [5, 2]],
    ['one handler', { handlerId: 'h-sales' }, [5, 3]],
    ['one handler and status', { handlerId: 'h-sales', status: 'held' as const }, [3]],
    ['one sender', { sender: 'ann@example.com' }, [5, 3, 2, 1]],
    [
      'one sender of one handler in a status',
      { sender: 'ann@example.com', handlerId: 'h-support', status: 'ignored' as const },
      [2],
    ],
    ['a time range', { fromMs: T0 + 2 * 60_000, toMs: T0 + 4 * 60_000 }, [3, 2]],
  ])('lists %s', async (_name, filters, expected) => {
    const { records } = await seeded();
    expect(numbers(await records.query({ order: 'newest', limit: 10, ...filters }))).toEqual(expected);
  });

  it('pages with a cursor, oldest first', async () => {
    const { records } = await seeded();
    const first = await records.query({ order: 'oldest', limit: 2 });
    expect(numbers(first)).toEqual([1, 2]);
    const second = await records.query({
      order: 'oldest',
      limit: 2,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(numbers(second)).toEqual([3, 4]);
  });

  it('refuses a stored record it cannot read, naming the problem', async () => {
    const { entities, records } = await seeded();
    entities.values.set(`in:${'f'.repeat(64)}`, { version: 1, status: 'lost' });
    await expect(records.get('f'.repeat(64))).rejects.toMatchObject({
      code: 'INCOMING_RECORD_INVALID',
      message: expect.stringContaining('Incoming message record is not readable: ') as unknown,
    });
  });
});
