import type { InvocationError } from '@forge/events';
import * as z from 'zod/mini';

import { createEmailWorkerDeps } from '../composition/email-worker-root';
import { EMAIL_ID_PATTERN } from '../contract/email-log-values';
import { handleOutboxJob, type JobOutcome } from '../outbox/handle-outbox-job';
import { retryInvocation } from '../outbox/load-forge-events';
import type { OutboxDeps } from '../outbox/outbox-deps';
import { safeErrorLabel } from '../shared/error-names';

/** Storage trouble and lost races: the platform tries the same job again after this long. */
const PLATFORM_RETRY_SECONDS = 10;

const jobSchema = z.object({
  emailId: z.string().check(z.regex(EMAIL_ID_PATTERN)),
  ticket: z.string().check(z.minLength(1), z.maxLength(100)),
});
const retryContextSchema = z.object({ retryCount: z.int().check(z.nonnegative()) });

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
  const job = jobSchema.safeParse(event.body);
  if (!job.success) {
    deps.log('outbox: dropped an event that is not an outbox job');
    return { outcome: 'invalid-job' };
  }
  const retry = retryContextSchema.safeParse(event.retryContext);
  try {
    const outcome = await handleOutboxJob(job.data, { retryCount: retry.success ? retry.data.retryCount : 0 }, deps);
    return { outcome };
  } catch (error) {
    deps.log(`email ${job.data.emailId}: the outbox job stopped (${safeErrorLabel(error)}); the platform retries it`);
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
