import type { ForgeHandler } from '../runtime-types';
import { ForgeRuntimeError, ModuleTimeoutError } from './errors';
import type { SiteIdentity } from './site-identity';

/**
 * Forge's time limit for a queue consumer's function, in seconds: 55 by default, up to 900 with the function's
 * `timeoutSeconds` (consumers are long-running functions, like scheduled triggers).
 */
export const CONSUMER_TIME_LIMITS = { defaultSeconds: 55, maxSeconds: 900 } as const;

/** The platform's extension type of a `consumer` module, as `appContext.moduleType` reports it. */
export const CONSUMER_MODULE_TYPE = 'core:consumer';

/** What the platform tells a consumer about an event it delivers again (`context.retryContext`). */
export interface ConsumerRetryContext {
  /** How many times this event was delivered before (1 on the first retry). */
  retryCount: number;
  /** Why: the `retryReason` the app asked with, or the platform's (e.g. 'FUNCTION_TIME_OUT'). */
  retryReason: string;
  /** The `retryData` the app asked with, as JSON; absent when the platform retried on its own. */
  retryData?: unknown;
}

/** One async event for a `consumer` module in the resolver form (`resolver: { function, method }`). */
export interface ConsumerInvocationRequest {
  /** The manifest function key, e.g. 'email-worker'. */
  functionKey: string;
  /** The consumer module's key, e.g. 'email-outbox-consumer'. */
  moduleKey: string;
  /** The resolver definition to call (`resolver.method`), e.g. 'deliver-email'. */
  method: string;
  /** The event's `body` as pushed. */
  body: Record<string, unknown>;
  /** The job the event was pushed in (`Queue.push` answers it); @forge/resolver hands it over as `context.jobId`. */
  jobId: string;
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
export function consumerTimeoutMs(request: Pick<ConsumerInvocationRequest, 'functionKey' | 'timeoutSeconds'>): number {
  const seconds = request.timeoutSeconds ?? CONSUMER_TIME_LIMITS.defaultSeconds;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > CONSUMER_TIME_LIMITS.maxSeconds) {
    throw new InvalidConsumerRequestError(
      `Function '${request.functionKey}': timeoutSeconds must be between 1 and ${CONSUMER_TIME_LIMITS.maxSeconds} for a consumer module, not ${String(seconds)}`,
    );
  }
  return Math.round(seconds * 1000);
}

/**
 * The first argument of a consumer's resolver function: the body as the call's payload, the job id on the call
 * (where @forge/resolver reads it for `context.jobId`), and a trigger-like context that carries `retryContext`
 * on redeliveries only.
 */
export function buildConsumerEvent(site: SiteIdentity, request: ConsumerInvocationRequest): Parameters<ForgeHandler>[0] {
  return {
    call: { functionKey: request.method, payload: request.body, jobId: request.jobId },
    context: {
      cloudId: site.cloudId,
      moduleKey: request.moduleKey,
      ...(request.retryContext ? { retryContext: request.retryContext } : {}),
    },
  };
}
