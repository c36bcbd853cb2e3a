import { createIncomingLogService } from '../../../src/incoming/log/incoming-log-service';
import type { IncomingJob } from '../../../src/incoming/notifications/incoming-jobs';
import { createIncomingRecordStore } from '../../../src/incoming/records/incoming-records';
import { createMailHandlerStore } from '../../../src/mail-handlers/mail-handler-store';
import type { KvStore } from '../../../src/storage/kv-store';
import { INCOMING_MESSAGE_INDEXES, MemoryEntityStore } from './memory-entity-store';

/**
 * The incoming log over memory: its records, the jobs "Process again" pushes, and the mail handlers' names read
 * from `kv` (where the world's handler service saves them).
 */
export const incomingLogWorld = (kv: KvStore, now: () => number) => {
  const incomingEntities = new MemoryEntityStore(INCOMING_MESSAGE_INDEXES);
  const incomingRecords = createIncomingRecordStore(incomingEntities);
  const incomingPushes: IncomingJob[][] = [];
  const handlers = createMailHandlerStore(kv);
  const incomingLog = createIncomingLogService({
    records: incomingRecords,
    queue: {
      push: async (jobs) => {
        incomingPushes.push([...jobs]);
      },
    },
    now,
    handlers: async () => (await handlers.list()).map(({ id, name, enabled }) => ({ id, name, enabled })),
  });
  return { incomingEntities, incomingRecords, incomingPushes, incomingLog };
};
