import type { MailHandlerView } from '../../contract/mail-handlers';
import type { HandlerStateStore } from '../connection/handler-state';
import type { IncomingJob } from '../notifications/incoming-jobs';
import type { SubscriptionRegistry } from '../notifications/subscription-registry';
import type { IncomingQueue } from '../queue/incoming-queue';
import { connectionSource } from './connection-source';

export interface IncomingUpkeepDeps {
  handlers: { list: () => Promise<MailHandlerView[]> };
  states: Pick<HandlerStateStore, 'list' | 'delete'>;
  subscriptions: Pick<SubscriptionRegistry, 'delete'>;
  queue: IncomingQueue;
  log: (line: string) => void;
}

export interface IncomingUpkeepSummary {
  connect: number;
  delta: number;
  disconnect: number;
  /** Connections of handlers that were deleted: forgotten (the mail service ends their subscriptions when they expire). */
  forgotten: number;
}

/** How often the upkeep runs (manifest.yml: interval fiveMinute), so how often a polled mailbox is read. */
export const INCOMING_UPKEEP_MINUTES = 5;

/**
 * Every five minutes (scheduledTrigger `incoming-mail-upkeep`, interval fiveMinute): an enabled handler that is not
 * connected, or connected to what it no longer reads, gets a connect job; a connected one a delta job (the safety
 * net behind notifications, which also renews its subscription when due); a switched-off one a disconnect job.
 * The work is the worker's; the upkeep only queues, and tidies what deleted handlers left.
 */
export const runIncomingUpkeep = async (deps: IncomingUpkeepDeps): Promise<IncomingUpkeepSummary> => {
  const [handlers, states] = await Promise.all([deps.handlers.list(), deps.states.list()]);
  const stateOf = new Map(states.map((state) => [state.handlerId, state]));
  const jobs: IncomingJob[] = [];
  const summary: IncomingUpkeepSummary = { connect: 0, delta: 0, disconnect: 0, forgotten: 0 };
  for (const handler of handlers) {
    const state = stateOf.get(handler.id);
    if (!handler.enabled) {
      if (state === undefined) continue;
      jobs.push({ kind: 'disconnect', handlerId: handler.id });
      summary.disconnect += 1;
    } else if (state === undefined || state.source !== connectionSource(handler)) {
      jobs.push({ kind: 'connect', handlerId: handler.id });
      summary.connect += 1;
    } else {
      jobs.push({ kind: 'delta', handlerId: handler.id });
      summary.delta += 1;
    }
  }
  const known = new Set(handlers.map((handler) => handler.id));
  for (const state of states.filter((one) => !known.has(one.handlerId))) {
    if (state.subscriptionId !== undefined) await deps.subscriptions.delete(state.subscriptionId);
    await deps.states.delete(state.handlerId);
    summary.forgotten += 1;
  }
  await deps.queue.push(jobs);
  return summary;
};
