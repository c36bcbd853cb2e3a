import type { ConsumerEvent } from '../runtime-types';
import { ForgeRuntimeError, ModuleTimeoutError } from './errors';

/**
 * Forge's time limit for a queue consumer's function, in seconds: 55 by default, up to 900 with the function's
 * `timeoutSeconds` (consumers are long-running functions, like scheduled triggers).
 */
export const CONSUMER_TIME_LIMITS = { defaultSeconds: 55, maxSeconds: 900 } as const;

/** The platform's extension type of a `consumer` module, as `appContext.moduleType` reports it. */
export const CONSUMER_MODULE_TYPE = 'core:consumer';

/** What the platform tells a consumer about an event it delivers again (`event.retryContext`). */
export interface ConsumerRetryContext {
  /** How many times this event was delivered before (1 on the first retry). */
  retryCount: number;
  /** Why: the `retryReason` the app asked with, or the platform's (e.g. 'FUNCTION_TIME_OUT'). */
  retryReason: string;
  /** The `retryData` the app asked with, as JSON; absent when the platform retried on its own. */
  retryData?: unknown;
}

/** One async event for a `consumer` module (`{ key, queue, function }`, @forge/events 2 and later). */
export interface ConsumerInvocationRequest {
  /** The manifest function key, e.g. 'email-worker'. */
  functionKey: string;
  /** The consumer module's key, e.g. 'email-outbox-consumer'. */
  moduleKey: string;
  /** The queue the event was pushed to, e.g. 'email-outbox'. */
  queueName: string;
  /** The event's `body` as pushed. */
  body: Record<string, unknown>;
  /** The job the event was pushed in (`Queue.push` answers it). */
  jobId: string;
  /** The event's own id within its job. */
  eventId: string;
  /** The push's `concurrency` setting, when it had one. */
  concurrency?: { key: string; limit: number };
  /** Present on a redelivery only, as on Forge. */
  retryContext?: ConsumerRetryContext;
  /** The manifest function's `timeoutSeconds`; 55 s otherwise. */
  timeoutSeconds?: number;
}

/** A consumer invocation the platform would not make: `timeoutSeconds` out of range. */
export class InvalidConsumerRequestError extends ForgeRuntimeError {
  constructor(message: string) {
    super('INVALID_CONSUMER_REQUEST', message);
    this.name = 'InvalidConsumerRequestError';
  }
}

/** A consumer's function did not settle within its time limit; the queue retries it as FUNCTION_TIME_OUT. */
export class ConsumerTimeoutError extends ModuleTimeoutError {
  constructor(functionKey: string, moduleKey: string, timeoutMs: number) {
    super(functionKey, { kind: 'consumer', key: moduleKey }, timeoutMs);
    this.name = 'ConsumerTimeoutError';
  }
}

/** The time limit of one consumer invocation, in ms; refuses a `timeoutSeconds` the platform would refuse. */
export const consumerTimeoutMs = (
  request: Pick<ConsumerInvocationRequest, 'functionKey' | 'timeoutSeconds'>,
): number => {
  const seconds = request.timeoutSeconds ?? CONSUMER_TIME_LIMITS.defaultSeconds;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > CONSUMER_TIME_LIMITS.maxSeconds) {
    throw new InvalidConsumerRequestError(
      `Function '${request.functionKey}': timeoutSeconds must be between 1 and ${CONSUMER_TIME_LIMITS.maxSeconds} for a consumer module, not ${String(seconds)}`,
    );
  }
  return Math.round(seconds * 1000);
};

/**
 * The first argument of a consumer's function, @forge/events' `AsyncEvent`: "the fields of PushEvent as well as
 * invocation-specific fields, including jobId and retryContext" (retryContext on redeliveries only). Since
 * @forge/events 2, "jobId is no longer available via context. retryContext is no longer added to the event body."
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade/
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export const buildConsumerEvent = (request: ConsumerInvocationRequest): ConsumerEvent => ({
  body: request.body,
  ...(request.concurrency ? { concurrency: request.concurrency } : {}),
  queueName: request.queueName,
  jobId: request.jobId,
  eventId: request.eventId,
  ...(request.retryContext ? { retryContext: request.retryContext } : {}),
});
