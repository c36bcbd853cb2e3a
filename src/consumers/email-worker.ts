import type { InvocationError } from '@forge/events';

import { createEmailWorkerDeps } from '../composition/email-worker-root';
import { validateJob, validateRetryContext } from '../generated/outbox-job';
import { handleOutboxJob, type JobOutcome } from '../outbox/handle-outbox-job';
import { retryInvocation } from '../outbox/load-forge-events';
import type { OutboxDeps } from '../outbox/outbox-deps';
import { safeErrorLabel } from '../shared/error-names';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';

/** Storage trouble and lost races: the platform tries the same job again after this long. */
const PLATFORM_RETRY_SECONDS = 10;

const readJob = standaloneValidator<{ emailId: string; ticket: string }>(validateJob as StandaloneValidate);
const readRetryContext = standaloneValidator<{ retryCount: number }>(validateRetryContext as StandaloneValidate);

export type WorkerAnswer = { outcome: JobOutcome | 'invalid-job' } | InvocationError;

/**
 * The part of @forge/events' AsyncEvent the worker reads: the pushed `body` and, on a redelivery, `retryContext`.
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export interface OutboxEvent {
  [field: string]: unknown;
  body?: unknown;
  retryContext?: unknown;
}

/**
 * One event of the outbox queue. Its body is the job (`{ emailId, ticket }`); `retryContext` is there when the
 * platform delivers the same event again. Anything the outbox could not settle (storage unavailable, writes that
 * kept losing races, a push that failed) is answered with an InvocationError, so Forge delivers the event again
 * later instead of dropping it (@forge/events, for that answer, is loaded only then: load-forge-events.ts).
 */
export const deliverEmail = async (event: OutboxEvent, deps: OutboxDeps): Promise<WorkerAnswer> => {
  const job = readJob(event.body);
  if (!job.ok) {
    deps.log('outbox: dropped an event that is not an outbox job');
    return { outcome: 'invalid-job' };
  }
  const retry = readRetryContext(event.retryContext);
  try {
    const outcome = await handleOutboxJob(job.value, { retryCount: retry.ok ? retry.value.retryCount : 0 }, deps);
    return { outcome };
  } catch (error) {
    deps.log(`email ${job.value.emailId}: the outbox job stopped (${safeErrorLabel(error)}); the platform retries it`);
    return retryInvocation(PLATFORM_RETRY_SECONDS);
  }
};

/**
 * The `email-worker` function of the `consumer` module on queue `email-outbox`: Forge invokes it as
 * `handler(event: AsyncEvent, context)` (@forge/events 2 and later: no resolver, no `context.jobId`).
 */
const deps = createEmailWorkerDeps();

export const handler = async (event: OutboxEvent, _context: unknown): Promise<WorkerAnswer> =>
  deliverEmail(event ?? {}, deps);
