import { ConsumerTimeoutError } from '../runtime/consumer-invocation';
import { FunctionOutOfMemoryError } from '../runtime/errors';
import { retryAnswerSchema } from './queue-requests';
import { RETRY_REASONS } from './queue-types';

/** What one delivery came to. */
export type DeliveryOutcome =
  | { kind: 'delivered' }
  | {
      kind: 'retry';
      retryReason: string;
      /** JSON text of the app's retryData; undefined when there is none. */
      retryData: string | undefined;
      /** The app's `retryAfter` in ms; undefined for the default backoff. */
      retryAfterMs: number | undefined;
      /** Whether the app asked (InvocationError / QueueResponse.retry()) rather than failed. */
      requested: boolean;
    };

/** `retryAfter` bounds, in seconds: @forge/events raises <= 0 to 1; the platform lowers > 900 to 900. */
const MIN_RETRY_AFTER_SECONDS = 1;
const MAX_RETRY_AFTER_SECONDS = 900;
/** The platform's backoff tops out at about 15 minutes. */
const MAX_BACKOFF_MS = 15 * 60_000;

/** The default wait before retry `retryCount` (1-based): 1 s, 2 s, 4 s, 8 s, ... exponential, at most 15 min. */
export const backoffMs = (retryCount: number): number =>
  Math.min(1000 * 2 ** Math.max(0, retryCount - 1), MAX_BACKOFF_MS);

/** What the consumer's answer means: a retry request when it is an InvocationError, a delivery otherwise. */
export const outcomeOfAnswer = (answer: unknown): DeliveryOutcome => {
  const parsed = retryAnswerSchema.safeParse(answer);
  if (!parsed.success) return { kind: 'delivered' };
  const options = parsed.data.retryOptions;
  const retryAfter = options?.retryAfter;
  return {
    kind: 'retry',
    retryReason: options?.retryReason ?? RETRY_REASONS.retryRequest,
    retryData: options?.retryData === undefined ? undefined : JSON.stringify(options.retryData),
    retryAfterMs:
      retryAfter === undefined
        ? undefined
        : Math.min(Math.max(retryAfter, MIN_RETRY_AFTER_SECONDS), MAX_RETRY_AFTER_SECONDS) * 1000,
    requested: true,
  };
};

/**
 * What a failed invocation means. Forge retries app-level errors on its own (async events 2.x: "runtime error,
 * function time out, ..."); a time-out as FUNCTION_TIME_OUT, a container over its memory as
 * FUNCTION_OUT_OF_MEMORY, anything else as FUNCTION_PLATFORM_UNKNOWN_ERROR: the reasons of @forge/events'
 * InvocationErrorCode (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/).
 */
export const retryReasonOf = (error: unknown): string => {
  if (error instanceof ConsumerTimeoutError) return RETRY_REASONS.timeOut;
  if (error instanceof FunctionOutOfMemoryError) return RETRY_REASONS.outOfMemory;
  return RETRY_REASONS.unknownError;
};

export const outcomeOfError = (error: unknown): DeliveryOutcome => ({
  kind: 'retry',
  retryReason: retryReasonOf(error),
  retryData: undefined,
  retryAfterMs: undefined,
  requested: false,
});
