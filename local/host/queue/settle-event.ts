import type { QueueStore } from './queue-store';
import { MAX_RETRIES, RETRY_REASONS, type StoredEvent } from './queue-types';
import { backoffMs, type DeliveryOutcome } from './retry-policy';

/** What the queue has done since it started (`status()`). */
export interface QueueCounters {
  delivered: number;
  retried: number;
  dropped: number;
}

export interface SettleDeps {
  store: QueueStore;
  counters: QueueCounters;
  log: (line: string) => void;
}

/** The app chooses its retry reasons; the log shows them, but never as more than a short printable word. */
const printable = (text: string): string => {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}...` : clean;
};

/** Why an outcome was a retry, for the log: the app's request, or the class and code of what failed. */
export const describeRetry = (
  outcome: Extract<DeliveryOutcome, { kind: 'retry' }>,
  failure: string | undefined,
): string =>
  outcome.requested
    ? `asked for a retry (${printable(outcome.retryReason)})`
    : `failed (${failure ?? outcome.retryReason})`;

/**
 * Records what one delivery came to: a delivered event goes; a retry waits for its next delivery, unless it
 * has had its MAX_RETRIES retries (then it is dropped) or its job was cancelled. One log line per failure, with
 * ids and reasons, never the body.
 */
export const settleEvent = (
  deps: SettleDeps,
  event: StoredEvent,
  outcome: DeliveryOutcome,
  why: string,
  nowMs: number,
): void => {
  const { store, counters, log } = deps;
  if (outcome.kind === 'delivered') {
    store.complete(event);
    counters.delivered += 1;
    return;
  }
  const subject = `Queue ${event.queueName}: event ${event.eventId} (job ${event.jobId}) ${why}`;
  if (store.isCancelled(event.jobId)) {
    store.remove(event, 'cancelled');
    log(`${subject}; not retried, its job was cancelled.`);
    return;
  }
  const retryCount = event.retryCount + 1;
  if (retryCount > MAX_RETRIES) {
    store.remove(event, 'failed');
    counters.dropped += 1;
    log(`${subject}; dropped after ${MAX_RETRIES} retries.`);
    return;
  }
  const waitMs = outcome.retryAfterMs ?? backoffMs(retryCount);
  store.reschedule(event.eventId, {
    retryCount,
    retryReason: outcome.retryReason,
    retryData: outcome.retryData,
    dueAt: nowMs + waitMs,
  });
  counters.retried += 1;
  log(`${subject}; retry ${retryCount} of ${MAX_RETRIES} in ${waitMs / 1000} s.`);
};

/**
 * Events leased by a run that is gone (a host that stopped mid-invocation), or whose lease ran out: as Forge
 * treats an invocation that never answered, they are due again at once as FUNCTION_TIME_OUT retries.
 */
export const reclaimLeases = (deps: SettleDeps, runId: string, nowMs: number, expiredOnly: boolean): number => {
  const stale = deps.store.leasedByOthers(runId, expiredOnly ? nowMs : undefined);
  const outcome: DeliveryOutcome = {
    kind: 'retry',
    retryReason: RETRY_REASONS.timeOut,
    retryData: undefined,
    retryAfterMs: 0,
    requested: false,
  };
  for (const event of stale) {
    settleEvent(deps, event, outcome, `was left in flight by a host that stopped (${RETRY_REASONS.timeOut})`, nowMs);
  }
  return stale.length;
};
