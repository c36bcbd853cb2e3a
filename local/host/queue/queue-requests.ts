import { z } from 'zod';

/** @forge/events' queue name pattern (validators.js). */
export const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;
/** The platform's limits per push (Atlassian's docs; @forge/events checks them too before sending). */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_PAYLOAD_BYTES = 200 * 1024;
export const MAX_DELAY_SECONDS = 900;
/**
 * Async events limits per installation (https://developer.atlassian.com/platform/forge/limits-async-events/):
 * "Event per minute 500: Maximum number of events pushed in one minute" (@forge/events turns the 429 into
 * RateLimitError: "retry adding events after a minute",
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-error-handling/), and
 * "Payload size for long running functions 100 KB: Maximum size of an individual event. This limit only applies to
 * functions specifying a timeout greater than 55 seconds."
 */
export const MAX_EVENTS_PER_MINUTE = 500;
export const EVENT_RATE_WINDOW_MS = 60_000;
export const MAX_LONG_RUNNING_EVENT_BYTES = 100 * 1024;
export const LONG_RUNNING_AFTER_SECONDS = 55;

const pushEventSchema = z.object({
  body: z.record(z.string(), z.unknown()),
  delayInSeconds: z.number().min(0).max(MAX_DELAY_SECONDS).optional(),
  concurrency: z.object({ key: z.string().min(1), limit: z.number().int().min(1) }).optional(),
});

/** What Queue.push sends (@forge/events 3.0.8 `PushRequest`). */
export const pushRequestSchema = z.object({
  queueName: z.string().regex(QUEUE_NAME),
  jobId: z.string().min(1),
  type: z.literal('avi:forge:app:event'),
  schema: z.string().min(1),
  payload: z.array(pushEventSchema).min(1).max(MAX_EVENTS_PER_PUSH),
  time: z.string().min(1),
});

export type PushRequest = z.infer<typeof pushRequestSchema>;

/** What getStats and cancel send (`APIRequest`). */
export const jobRequestSchema = z.object({
  queueName: z.string().regex(QUEUE_NAME),
  jobId: z.string().min(1),
  time: z.string().min(1),
});

export type JobRequest = z.infer<typeof jobRequestSchema>;

/**
 * What a consumer answers to ask for a retry: @forge/events' `InvocationError` (`{ _retry: true, retryOptions }`),
 * or a `QueueResponse` after `retry()` (`{ _retry: true }`).
 */
export const retryAnswerSchema = z.object({
  _retry: z.literal(true),
  retryOptions: z
    .object({
      retryAfter: z.number().optional(),
      retryReason: z.string().optional(),
      retryData: z.unknown().optional(),
    })
    .optional(),
});
