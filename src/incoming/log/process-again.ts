import type { IncomingJob } from '../notifications/incoming-jobs';
import type { IncomingQueue } from '../queue/incoming-queue';
import { changeRecord } from '../records/change-record';
import { reclaimMessage } from '../records/claim-message';
import type { IncomingRecord } from '../records/incoming-record';
import type { IncomingRecordStore } from '../records/incoming-records';
import {
  IncomingHandlerOffError,
  IncomingMessageNotFoundError,
  IncomingQueueUnavailableError,
  NotReprocessableError,
} from './errors';

export interface ProcessAgainDeps {
  records: IncomingRecordStore;
  /** The incoming-mail queue (src/incoming/queue/incoming-queue.ts); a fake in tests. */
  queue: Pick<IncomingQueue, 'push'>;
  now: () => number;
  /** Whether the handler exists and is switched on: the worker drops the jobs of any other. */
  handlerOn: (handlerId: string) => boolean;
}

/**
 * "Process again" of a held or failed message: the record becomes `processing` (reclaimMessage clears the earlier
 * outcome and any Jira write it named), then the worker gets a `message` job with `processAgain` (no hourly limit
 * for a message an admin asked for). The claim is held by no run: its lease ends as it is written, so the job's
 * run, whichever comes first, takes it over as a claim whose run has ended (claimMessage's `resumed`), never
 * finding it busy. If the queue refuses the job, the record is put back as it was, so it is not left
 * "Processing" with no job to finish it.
 */
export const processAgain = async (messageKey: string, deps: ProcessAgainDeps): Promise<IncomingRecord> => {
  const before = await deps.records.get(messageKey);
  if (before === undefined) throw new IncomingMessageNotFoundError(messageKey);
  if (!deps.handlerOn(before.handlerId)) throw new IncomingHandlerOffError(messageKey, before.handlerId);
  const reclaimed = await reclaimMessage(deps.records, messageKey, { now: deps.now(), leaseMs: 0 });
  if (reclaimed === undefined) {
    const now = await deps.records.get(messageKey);
    if (now === undefined) throw new IncomingMessageNotFoundError(messageKey);
    throw new NotReprocessableError(messageKey, now.status);
  }
  const job: IncomingJob = {
    kind: 'message',
    handlerId: reclaimed.handlerId,
    messageId: reclaimed.graphMessageId,
    processAgain: true,
    messageKey: reclaimed.messageKey,
  };
  try {
    await deps.queue.push([job]);
  } catch (error) {
    // Only if nothing took the message over meanwhile: the version is still the one this call wrote.
    await changeRecord(deps.records, reclaimed, (current) =>
      current.version === reclaimed.version ? { ...before, updatedAt: deps.now() } : undefined,
    ).catch(() => undefined);
    throw new IncomingQueueUnavailableError(error);
  }
  return reclaimed;
};
