import type { InvocationError } from '@forge/events';

import { createIncomingWorkerDeps } from '../composition/incoming-worker-root';
import { readIncomingJob } from '../incoming/notifications/read-incoming-job';
import { handleIncomingJob, type JobSummary } from '../incoming/worker/handle-incoming-job';
import type { IncomingWorkerDeps } from '../incoming/worker/worker-deps';
import { retryInvocation } from '../outbox/load-forge-events';
import { safeErrorLabel } from '../shared/error-names';

/** A job that stopped on storage, Graph or a lost push: the platform runs it again after this long. */
const PLATFORM_RETRY_SECONDS = 60;

export type IncomingWorkerAnswer = { outcome: JobSummary['outcome'] | 'invalid-job' } | InvocationError;

/** The part of @forge/events' AsyncEvent the worker reads: the pushed `body`. */
export interface IncomingEvent {
  [field: string]: unknown;
  body?: unknown;
}

/**
 * One event of the incoming-mail queue: its body is an IncomingJob. A job that stopped on a failure (storage,
 * Graph, a push the queue refused) is answered with an InvocationError, so Forge runs it again later; the
 * exactly-once marks drop what the first run finished.
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export const runIncomingJob = async (event: IncomingEvent, deps: IncomingWorkerDeps): Promise<IncomingWorkerAnswer> => {
  const job = readIncomingJob(event.body);
  if (job === undefined) {
    deps.log('incoming mail: dropped an event that is not an incoming-mail job');
    return { outcome: 'invalid-job' };
  }
  try {
    return { outcome: (await handleIncomingJob(job, deps)).outcome };
  } catch (error) {
    deps.log(
      `incoming mail: handler ${job.handlerId}: the ${job.kind} job stopped (${safeErrorLabel(error)}); retried`,
    );
    return retryInvocation(PLATFORM_RETRY_SECONDS);
  }
};

const deps = createIncomingWorkerDeps();

/**
 * The `incoming-worker` function of the `consumer` module on queue `incoming-mail`: Forge invokes it as
 * `handler(event: AsyncEvent, context)` (@forge/events 2 and later).
 */
export const handler = async (event: IncomingEvent, _context: unknown): Promise<IncomingWorkerAnswer> =>
  runIncomingJob(event ?? {}, deps);
