import type { Queue } from '@forge/events';

import { loadForgeEvents } from '../../outbox/load-forge-events';
import { sha256Hex } from '../../shared/sha256-hex';
import type { IncomingJob } from '../notifications/incoming-jobs';

/** manifest.yml's consumer of incoming mail reads this queue. */
export const INCOMING_QUEUE_KEY = 'incoming-mail';

/**
 * Forge takes at most 50 events in one push (and 200 KB:
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/#push-api); a job holds at most
 * MESSAGE_IDS_PER_JOB ids, well under that.
 */
export const MAX_EVENTS_PER_PUSH = 50;

/**
 * One job of a handler at a time: its messages are processed in order, its per-sender hourly count is exact, and
 * its mailbox gets one of the mail service's few concurrent requests per mailbox and app (Graph's four), not all
 * of them.
 */
export const HANDLER_CONCURRENCY = 1;

export const handlerConcurrencyKey = (handlerId: string): string => `handler-${sha256Hex(handlerId).slice(0, 32)}`;

type QueueLike = Pick<Queue, 'push'>;

const forgeQueue = async (): Promise<QueueLike> => new (await loadForgeEvents()).Queue({ key: INCOMING_QUEUE_KEY });

/**
 * Forge delays an event by at most 15 minutes (`delayInSeconds`,
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/#push-api).
 */
export const MAX_INCOMING_DELAY_SECONDS = 900;

export interface PushOptions {
  /** Whole seconds before the jobs run, clamped to 0..900. */
  delaySeconds?: number;
}

export interface IncomingQueue {
  /** Throws what @forge/events throws (RateLimitError over 500 events a minute): the caller decides. */
  push: (jobs: readonly IncomingJob[], options?: PushOptions) => Promise<void>;
}

const clampDelay = (seconds: number | undefined): number =>
  Math.min(MAX_INCOMING_DELAY_SECONDS, Math.max(0, Math.ceil(seconds ?? 0)));

/** Incoming mail's jobs on Forge's async events, @forge/events loaded on the first push. */
export const createForgeIncomingQueue = (openQueue: () => Promise<QueueLike> = forgeQueue): IncomingQueue => ({
  push: async (jobs, options = {}) => {
    if (jobs.length === 0) return;
    const delay = clampDelay(options.delaySeconds);
    const queue = await openQueue();
    for (let start = 0; start < jobs.length; start += MAX_EVENTS_PER_PUSH)
      await queue.push(
        jobs.slice(start, start + MAX_EVENTS_PER_PUSH).map((job) => ({
          body: { ...job },
          ...(delay > 0 ? { delayInSeconds: delay } : {}),
          concurrency: { key: handlerConcurrencyKey(job.handlerId), limit: HANDLER_CONCURRENCY },
        })),
      );
  },
});
