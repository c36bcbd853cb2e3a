import type { z } from 'zod';

import type { ForgeFetchRoute } from '../runtime/forge-fetch';
import { type FetchInit, jsonResponse, readRequestBody } from '../runtime/http-bodies';
import { parseQueuePath, QUEUE_PATH_PREFIX } from './queue-path';
import {
  type JobRequest,
  jobRequestSchema,
  MAX_PUSH_PAYLOAD_BYTES,
  type PushRequest,
  pushRequestSchema,
} from './queue-requests';
import type { JobStats } from './queue-types';

/** What the route needs from the queue behind it. */
export interface QueueBackend {
  push: (request: PushRequest) => void;
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

/**
 * Answers @forge/events (`{ type: 'fpp', provider: 'app', remote: 'stargate' }`, POST `/webhook/queue/...`) as the
 * platform does: publish 201 `{}`, stats 200 `{ success, inProgress, failed }`, cancel 204; 404 for a job the
 * queue never had (the SDK's JobDoesNotExistError), 413 for a push over 200 KB, 400 for a body it cannot read.
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
      backend.push(parsed.value);
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
