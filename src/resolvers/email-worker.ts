import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver from '@forge/resolver';
import * as z from 'zod/mini';
import { EMAIL_ID_PATTERN } from '../contract/email-log';
import { handleOutboxJob, type JobOutcome } from '../outbox/handle-outbox-job';
import type { OutboxDeps } from '../outbox/outbox-deps';
import { DELIVER_EMAIL_METHOD } from '../outbox/outbox-queue';
import { safeErrorLabel } from '../shared/error-names';
import { runtimeDeps } from './runtime-deps';

/** Storage trouble and lost races: the platform tries the same job again after this long. */
const PLATFORM_RETRY_SECONDS = 10;

const jobSchema = z.object({
  emailId: z.string().check(z.regex(EMAIL_ID_PATTERN)),
  ticket: z.string().check(z.minLength(1), z.maxLength(100)),
});
const retryContextSchema = z.object({ retryCount: z.int().check(z.nonnegative()) });

export type WorkerAnswer = { outcome: JobOutcome | 'invalid-job' } | InvocationError;

/**
 * One event of the outbox queue. The payload is the event's body (`{ emailId, ticket }`); `context.retryContext`
 * is there when the platform delivers the same event again. Anything the outbox could not settle (storage
 * unavailable, writes that kept losing races, a push that failed) is answered with an InvocationError, so Forge
 * delivers the event again later instead of dropping it.
 */
export const deliverEmail = async (
  request: { payload: unknown; context: Record<string, unknown> },
  deps: OutboxDeps,
): Promise<WorkerAnswer> => {
  const job = jobSchema.safeParse(request.payload);
  if (!job.success) {
    deps.log('outbox: dropped an event that is not an outbox job');
    return { outcome: 'invalid-job' };
  }
  const retry = retryContextSchema.safeParse(request.context['retryContext']);
  try {
    const outcome = await handleOutboxJob(job.data, { retryCount: retry.success ? retry.data.retryCount : 0 }, deps);
    return { outcome };
  } catch (error) {
    deps.log(`email ${job.data.emailId}: the outbox job stopped (${safeErrorLabel(error)}); the platform retries it`);
    return new InvocationError({ retryAfter: PLATFORM_RETRY_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
};

const resolver = new Resolver();
resolver.define(DELIVER_EMAIL_METHOD, (request) => deliverEmail(request, runtimeDeps.outbox));

export const handler = resolver.getDefinitions();
