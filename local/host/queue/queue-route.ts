import type { z } from 'zod';

import type { ForgeFetchRoute } from '../runtime/forge-fetch';
import { type FetchInit, jsonResponse, readRequestBody } from '../runtime/http-bodies';
import { parseQueuePath, QUEUE_PATH_PREFIX } from './queue-path';
import {
  type JobRequest,
  jobRequestSchema,
  LONG_RUNNING_AFTER_SECONDS,
  MAX_EVENTS_PER_MINUTE,
  MAX_LONG_RUNNING_EVENT_BYTES,
  MAX_PUSH_PAYLOAD_BYTES,
  type PushRequest,
  pushRequestSchema,
} from './queue-requests';
import type { JobStats } from './queue-types';

/** What the route needs from the queue behind it. */
export interface QueueBackend {
  /** Stores the push; false when it would go over the events a minute (nothing stored then). */
  push: (request: PushRequest) => boolean;
  /** The `timeoutSeconds` of the function that consumes the queue, when the backend knows it. */
  consumerTimeoutSeconds: (queueName: string) => number | undefined;
  jobStats: (request: JobRequest) => JobStats | undefined;
  cancelJob: (request: JobRequest) => boolean;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

const parseBody = async <T>(schema: z.ZodType<T>, init: FetchInit, where: string): Promise<Parsed<T>> => {
  const { body } = await readRequestBody(init);
  let json: unknown;
  try {
    json = JSON.parse(body?.toString('utf8') ?? '');
  } catch {
    return {
      ok: false,
      response: jsonResponse(400, { code: 'INVALID_REQUEST', message: `${where}: the body is not JSON` }),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    return {
      ok: false,
      response: jsonResponse(400, {
        code: 'INVALID_REQUEST',
        message: `${where}: ${field}: ${issue?.message ?? 'invalid'}`,
      }),
    };
  }
  return { ok: true, value: parsed.data };
};

const jobNotFound = (request: JobRequest): Response =>
  jsonResponse(404, {
    code: 'JOB_NOT_FOUND',
    message: `The job ${request.jobId} was not found for the queue ${request.queueName}.`,
  });

/** The first event over 100 KB, when the queue's consumer is a long-running function; else undefined. */
const oversizedEvent = (backend: QueueBackend, request: PushRequest): number | undefined => {
  const timeout = backend.consumerTimeoutSeconds(request.queueName);
  if (timeout === undefined || timeout <= LONG_RUNNING_AFTER_SECONDS) return undefined;
  const index = request.payload.findIndex(
    (event) => Buffer.byteLength(JSON.stringify(event.body)) > MAX_LONG_RUNNING_EVENT_BYTES,
  );
  return index === -1 ? undefined : index;
};

/**
 * Answers @forge/events (`{ type: 'fpp', provider: 'app', remote: 'stargate' }`, POST `/webhook/queue/...`) as the
 * platform does: publish 201 `{}`, stats 200 `{ success, inProgress, failed }`, cancel 204; 404 for a job the
 * queue never had (the SDK's JobDoesNotExistError), 413 for a push over 200 KB or with an event over 100 KB for a
 * consumer whose timeout is over 55 s (PayloadTooBigError), 429 for a push that would go over 500 events a minute
 * (RateLimitError), 400 for a body it cannot read.
 */
export const queueRoute = (backend: QueueBackend): ForgeFetchRoute => ({
  matches: (target, path) =>
    target.type === 'fpp' &&
    target.provider === 'app' &&
    target.remote === 'stargate' &&
    path.startsWith(QUEUE_PATH_PREFIX),
  handle: async (_target, path, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const where = `${method} ${path}`;
    const operation = parseQueuePath(path);
    if (!operation || method !== 'POST') {
      return jsonResponse(404, { code: 'NOT_FOUND', message: `${where}: no such queue operation` });
    }
    if (operation === 'publish') {
      const parsed = await parseBody(pushRequestSchema, init, where);
      if (!parsed.ok) return parsed.response;
      if (Buffer.byteLength(JSON.stringify(parsed.value.payload)) > MAX_PUSH_PAYLOAD_BYTES) {
        // @forge/events reads `errorMessage` from a 413.
        return jsonResponse(413, { errorMessage: 'The combined payload of the events exceeds 200 KB.' });
      }
      const oversized = oversizedEvent(backend, parsed.value);
      if (oversized !== undefined) {
        return jsonResponse(413, {
          errorMessage: `Event ${oversized} is over 100 KB, the most an event may hold when its consumer's function has a timeout over ${LONG_RUNNING_AFTER_SECONDS} seconds.`,
        });
      }
      if (!backend.push(parsed.value)) {
        return jsonResponse(429, {
          code: 'RATE_LIMITED',
          message: `More than ${MAX_EVENTS_PER_MINUTE} events pushed in one minute for this installation.`,
        });
      }
      return jsonResponse(201, {});
    }
    const parsed = await parseBody(jobRequestSchema, init, where);
    if (!parsed.ok) return parsed.response;
    if (operation === 'stats') {
      const stats = backend.jobStats(parsed.value);
      return stats ? jsonResponse(200, stats) : jobNotFound(parsed.value);
    }
    return backend.cancelJob(parsed.value) ? jsonResponse(204, undefined) : jobNotFound(parsed.value);
  },
});
