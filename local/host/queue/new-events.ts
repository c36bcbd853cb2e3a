import { randomUUID } from 'node:crypto';

import type { PushRequest } from './queue-requests';
import type { NewEvent } from './queue-types';

/** The events of one Queue.push as the store keeps them: each with its own id and its due time on the queue's clock. */
export const newEventsOf = (request: PushRequest, nowMs: number): NewEvent[] =>
  request.payload.map((event) => ({
    eventId: randomUUID(),
    body: JSON.stringify(event.body),
    dueAt: nowMs + Math.round((event.delayInSeconds ?? 0) * 1000),
    concurrency: event.concurrency,
  }));
