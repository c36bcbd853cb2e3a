import type { MailHandlerView } from '../../contract/mail-handlers';
import { connectHandler } from '../connection/connect-handler';
import type { ConnectionDeps } from '../connection/connection-deps';
import { connectGmailHandler, type GmailConnectionDeps, runGmailDelta } from '../connection/gmail-connection';
import { disconnectConnection, isGmailConnection } from '../connection/incoming-connection';
import { renewSubscription } from '../connection/renew-subscription';
import { runDelta } from '../connection/run-delta';
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

/** Graph ids as 'notified' jobs of at most 50: each is processed by a run of its own. */
const queueMessages = async (handlerId: string, ids: readonly string[], deps: IncomingWorkerDeps): Promise<number> => {
  const jobs: IncomingJob[] = [];
  for (let start = 0; start < ids.length; start += MESSAGE_IDS_PER_JOB)
    jobs.push({ kind: 'notified', handlerId, messageIds: ids.slice(start, start + MESSAGE_IDS_PER_JOB) });
  await deps.queue.push(jobs);
  return ids.length;
};

/** The delta round, its messages queued, and the subscription renewed when it is due (the safety net's job). */
const deltaRound = async (
  handler: MailHandlerView,
  connection: ConnectionDeps,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  const round = await runDelta(handler.id, connection);
  if (round === undefined) return { job: 'delta', outcome: 'not-connected' };
  const queued = await queueMessages(handler.id, round.messageIds, deps);
  await renewSubscription(handler.id, connection);
  return { job: 'delta', outcome: 'queued', messages: queued };
};

/** Gmail's poll (no subscription to renew): the messages are queued before the new position is stored. */
const gmailDeltaRound = async (
  handler: MailHandlerView,
  connection: GmailConnectionDeps,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  let queued = 0;
  const round = await runGmailDelta(handler.id, connection, async (ids) => {
    queued = await queueMessages(handler.id, ids, deps);
  });
  return round === undefined
    ? { job: 'delta', outcome: 'not-connected' }
    : { job: 'delta', outcome: 'queued', messages: queued };
};

/**
 * Gmail's connect: the position, and the last N days when asked; a handler connected to what it reads already is
 * left as it is (a reconnection would take the last N days again).
 */
const gmailConnect = async (
  handler: MailHandlerView,
  connection: GmailConnectionDeps,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  const source = connectionSource(handler);
  if ((await connection.states.get(handler.id))?.source === source) return { job: 'connect', outcome: 'connected' };
  const { takeMessageIds } = await connectGmailHandler(
    { id: handler.id, folder: handler.folder, backfillDays: handler.backfillDays, source },
    connection,
  );
  return { job: 'connect', outcome: 'queued', messages: await queueMessages(handler.id, takeMessageIds, deps) };
};

/**
 * Graph's lifecycle notifications (https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events):
 * reauthorizationRequired is answered by renewing (which reauthorizes), subscriptionRemoved by a new subscription and
 * a delta round for what arrived meanwhile, missed by a delta round. One about a subscription the handler no longer
 * uses is stale.
 */
const lifecycle = async (
  job: Extract<IncomingJob, { kind: 'lifecycle' }>,
  handler: MailHandlerView,
  connection: ConnectionDeps,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  const state = await connection.states.get(handler.id);
  if (state === undefined) return { job: 'lifecycle', outcome: 'not-connected' };
  if (state.subscriptionId !== job.subscriptionId) return { job: 'lifecycle', outcome: 'stale' };
  if (job.event === 'reauthorizationRequired') {
    await renewSubscription(handler.id, connection, { force: true });
    return { job: 'lifecycle', outcome: 'queued', messages: 0 };
  }
  if (job.event === 'subscriptionRemoved') await renewSubscription(handler.id, connection, { recreate: true });
  const round = await runDelta(handler.id, connection);
  const queued = round === undefined ? 0 : await queueMessages(handler.id, round.messageIds, deps);
  return { job: 'lifecycle', outcome: 'queued', messages: queued };
};

/**
 * Connects a handler that is not connected to what it reads; one connected to it already (the admin saved it with
 * another project, say) is left as it is: a reconnection would take the last N days again.
 */
const connect = async (
  handler: MailHandlerView,
  connection: ConnectionDeps,
  deps: IncomingWorkerDeps,
): Promise<JobSummary> => {
  const source = connectionSource(handler);
  if ((await connection.states.get(handler.id))?.source === source) return { job: 'connect', outcome: 'connected' };
  // A reconnection (the handler now reads elsewhere) first takes what arrived since the last round where it read.
  const earlier = await runDelta(handler.id, connection).catch(() => undefined);
  if (earlier !== undefined) await queueMessages(handler.id, earlier.messageIds, deps);
  const { takeMessageIds } = await connectHandler(
    { id: handler.id, folder: handler.folder, backfillDays: handler.backfillDays, source },
    connection,
  );
  return { job: 'connect', outcome: 'queued', messages: await queueMessages(handler.id, takeMessageIds, deps) };
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
      const messages = await processMessages(handler, [job.graphMessageId], options, deps);
      return { job: 'message', outcome: 'processed', messages };
    }
    case 'delta': {
      const connection = await deps.connection(handler);
      return isGmailConnection(connection)
        ? gmailDeltaRound(handler, connection, deps)
        : deltaRound(handler, connection, deps);
    }
    case 'connect': {
      const connection = await deps.connection(handler);
      return isGmailConnection(connection)
        ? gmailConnect(handler, connection, deps)
        : connect(handler, connection, deps);
    }
    case 'lifecycle': {
      // Only Graph's subscriptions have lifecycle events; one naming a handler that now reads Gmail is stale.
      const connection = await deps.connection(handler);
      return isGmailConnection(connection)
        ? { job: 'lifecycle', outcome: 'stale' }
        : lifecycle(job, handler, connection, deps);
    }
    case 'disconnect':
      // Switched on again since the job was queued: the upkeep keeps it connected.
      if (handler.enabled) return { job: 'disconnect', outcome: 'handler-on' };
      await disconnectConnection(handler.id, await deps.connection(handler));
      return { job: 'disconnect', outcome: 'disconnected' };
  }
};
