import { runIncomingUpkeep } from '../../../../src/incoming/log/incoming-upkeep';
import { createIncomingRecordStore } from '../../../../src/incoming/records/incoming-records';
import { incomingMessageKey } from '../../../../src/incoming/records/message-key';
import { INCOMING_MESSAGE_INDEXES, MemoryEntityStore } from '../../support/memory-entity-store';
import { NOW, seedMessage, seenMessage } from './incoming-log-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('the incoming log under the email log retention setting', () => {
  it('deletes messages first seen before the retention days, keeps newer ones and any still processing', async () => {
    const records = createIncomingRecordStore(new MemoryEntityStore(INCOMING_MESSAGE_INDEXES));
    await seedMessage(records, seenMessage(1), NOW - 31 * DAY, { status: 'created', issueKey: 'DEMO-1' });
    await seedMessage(records, seenMessage(2), NOW - 30 * DAY - 1, {
      status: 'failed',
      error: { code: 'X', message: 'x' },
    });
    await seedMessage(records, seenMessage(3), NOW - 40 * DAY);
    await seedMessage(records, seenMessage(4), NOW - 29 * DAY, { status: 'ignored', reason: 'OWN_MAILBOX' });

    const deleted = await runIncomingUpkeep({
      incoming: records,
      settings: { read: async () => ({ retentionDays: 30 }) },
      now: () => NOW,
    });

    expect(deleted).toBe(2);
    const kept = await Promise.all([1, 2, 3, 4].map((n) => records.get(incomingMessageKey(seenMessage(n)))));
    expect(kept.map((record) => record?.status)).toEqual([undefined, undefined, 'processing', 'ignored']);
  });
});
