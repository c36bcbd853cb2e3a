import type { MailHandlerView } from '../../contract/mail-handlers';
import type { IncomingConnection, TakeMessages } from '../connection/incoming-connection';
import { type IncomingJob, MESSAGE_IDS_PER_JOB } from '../notifications/incoming-jobs';
import { connectionSource } from '../upkeep/connection-source';
import { type MessagesSummary, processMessages } from './process-messages';
import type { IncomingWorkerDeps } from './worker-deps';

export type JobSummary =
  | { job: IncomingJob['kind']; outcome: 'handler-off' }
  | { job: 'notified' | 'message'; outcome: 'processed'; messages: MessagesSummary }
  | { job: 'delta' | 'connect' | 'lifecycle'; outcome: 'queued'; messages: number }
  | { job: 'delta' | 'lifecycle'; outcome: 'not-connected' | 'stale' }
  | { job: 'connect'; outcome: 'connected' }
  | { job: 'disconnect'; outcome: 'disconnected' | 'handler-on' };

/** The mail service's ids as 'notified' jobs of at most 50: each is processed by a run of its own. */
const queueMessages = async (handlerId: string, ids: readonly string[], deps: IncomingWorkerDeps): Promise<number> => {
  const jobs: IncomingJob[] = [];
  for (let start = 0; start < ids.length; start += MESSAGE_IDS_PER_JOB)
    jobs.push({ kind: 'notified', handlerId, messageIds: ids.slice(start, start + MESSAGE_IDS_PER_JOB) });
  await deps.queue.push(jobs);
  return ids.length;
};

/** A `take` that queues the ids and counts them. */
const counting = (handlerId: string, deps: IncomingWorkerDeps): { take: TakeMessages; queued: () => number } => {
  let queued = 0;
  return {
    take: async (ids) => {
      queued += await queueMessages(handlerId, ids, deps);
    },
    queued: () => queued,
  };
};

/** The round from the stored position, its messages queued (the safety net's job; the service's upkeep with it). */
const deltaRound = async (
  handler: MailHandlerView,
  connection: IncomingConnection,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  const { take, queued } = counting(handler.id, deps);
  const outcome = await connection.deltaRound(handler.id, take);
  return outcome === 'not-connected'
    ? { job: 'delta', outcome: 'not-connected' }
    : { job: 'delta', outcome: 'queued', messages: queued() };
};

/**
 * The mail service's word about the handler's subscription. A service without subscriptions (polled) has no such
 * events: one naming a handler that now reads such a mailbox is stale.
 */
const lifecycle = async (
  job: Extract<IncomingJob, { kind: 'lifecycle' }>,
  handler: MailHandlerView,
  connection: IncomingConnection,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  if (connection.lifecycle === undefined) return { job: 'lifecycle', outcome: 'stale' };
  const { take, queued } = counting(handler.id, deps);
  const outcome = await connection.lifecycle(
    handler.id,
    { subscriptionId: job.subscriptionId, event: job.event },
    take,
  );
  return outcome === 'done'
    ? { job: 'lifecycle', outcome: 'queued', messages: queued() }
    : { job: 'lifecycle', outcome };
};

/**
 * Connects a handler that is not connected to what it reads; one connected to it already (the admin saved it with
 * another project, say) is left as it is: a reconnection would take the last N days again. What arrived since an
 * earlier connection's last round is queued too, but only the last N days are counted.
 */
const connect = async (
  handler: MailHandlerView,
  connection: IncomingConnection,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  const source = connectionSource(handler);
  if ((await connection.states.get(handler.id))?.source === source) return { job: 'connect', outcome: 'connected' };
  const { backfill } = await connection.connect(
    { id: handler.id, folder: handler.folder, backfillDays: handler.backfillDays, source },
    async (ids) => {
      await queueMessages(handler.id, ids, deps);
    },
  );
  return { job: 'connect', outcome: 'queued', messages: await queueMessages(handler.id, backfill, deps) };
};

/**
 * One job of the incoming-mail queue (issue 15, items 2 and 3). A job of a handler that is gone or switched off is
 * dropped (its state is tidied by the upkeep), except the disconnect itself. Failures are thrown: the consumer
 * answers them with a retry of the whole job.
 */
export const handleIncomingJob = async (job: IncomingJob, deps: IncomingWorkerDeps): Promise<JobSummary> => {
  const handler = await deps.handlers.get(job.handlerId);
  if (handler === undefined || (!handler.enabled && job.kind !== 'disconnect'))
    return { job: job.kind, outcome: 'handler-off' };
  switch (job.kind) {
    case 'notified':
      return {
        job: 'notified',
        outcome: 'processed',
        messages: await processMessages(handler, job.messageIds, {}, deps),
      };
    case 'message': {
      const options = {
        ...(job.processAgain === true ? { processAgain: true } : {}),
        ...(job.messageKey === undefined ? {} : { messageKey: job.messageKey }),
        attempt: job.attempt ?? 0,
      };
      const messages = await processMessages(handler, [job.messageId], options, deps);
      return { job: 'message', outcome: 'processed', messages };
    }
    case 'delta':
      return deltaRound(handler, await deps.connection(handler), deps);
    case 'connect':
      return connect(handler, await deps.connection(handler), deps);
    case 'lifecycle':
      return lifecycle(job, handler, await deps.connection(handler), deps);
    case 'disconnect':
      // Switched on again since the job was queued: the upkeep keeps it connected.
      if (handler.enabled) return { job: 'disconnect', outcome: 'handler-on' };
      await (await deps.connection(handler)).disconnect(handler.id);
      return { job: 'disconnect', outcome: 'disconnected' };
  }
};
