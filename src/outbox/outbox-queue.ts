import type { Queue } from '@forge/events';

import { newUuid } from '../shared/seams';
import { sha256Hex } from '../shared/sha256-hex';
import { QueueUnavailableError } from './errors';
import { loadForgeEvents } from './load-forge-events';

/** manifest.yml's `consumer` module reads this queue and invokes the worker (src/consumers/email-worker.ts). */
export const OUTBOX_QUEUE_KEY = 'email-outbox';
/** Graph allows 4 concurrent requests per mailbox and app; one worker invocation makes one request at a time. */
export const MAILBOX_CONCURRENCY = 4;
/**
 * Forge delays events by at most 15 minutes ("delayed up to 15 minutes using the delayInSeconds setting":
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/#push-api); a job due later
 * comes early, finds it so and is pushed again (handle-outbox-job.ts): one run per 15 minutes of waiting.
 */
export const MAX_DELAY_SECONDS = 900;

/**
 * One job: send (or finish) this email. `ticket` is new for every push, so a worker can tell the platform's
 * redelivery of the very job that claimed an attempt from any other job of the same email.
 */
export interface OutboxJob {
  emailId: string;
  ticket: string;
}

export interface OutboxQueue {
  push: (emailId: string, options: { mailbox: string; delaySeconds: number }) => Promise<OutboxJob>;
}

/** The per-mailbox concurrency key: the address is hashed, keys stay short and reveal nothing. */
export const mailboxConcurrencyKey = (mailbox: string): string =>
  `mailbox-${sha256Hex(mailbox.trim().toLowerCase()).slice(0, 32)}`;

/**
 * The delay to push for a job due at `at`, worked out from `now` read just before the push: whole seconds (Forge's
 * `delayInSeconds`, https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/#push-api),
 * rounded down, so the job comes up to a second early and waits the rest in its run (handle-outbox-job.ts).
 */
export const delaySecondsUntil = (at: number, now: number): number => Math.max(0, Math.floor((at - now) / 1000));

/**
 * How much earlier than its pacing slot a job is delayed to: the push reaches the queue, and the queue starts the
 * invocation, some time after the delay was worked out (on a busy platform, hundreds of ms). A job that came that
 * late could not reach Microsoft within its slot (SEND_BY_MS, mailbox-pacer.ts), and the slot would be lost to the
 * mailbox; a job that comes early only waits the rest in its run.
 */
export const SLOT_LEAD_MS = 500;

/**
 * The delay for a job due on its pacing slot `at`: it comes 0.5 to 1.5 s before the slot and waits the rest in its
 * run, so it starts on the slot rather than after it, with time left in the slot to reach Microsoft, and to hand the
 * slot on if Microsoft refuses the email.
 */
export const delaySecondsToSlot = (at: number, now: number): number =>
  Math.max(0, Math.floor((at - now - SLOT_LEAD_MS) / 1000));

export const clampDelaySeconds = (seconds: number): number =>
  Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(seconds)));

type QueueLike = Pick<Queue, 'push'>;

/** The outbox's Queue of @forge/events, the library loaded on the first push (load-forge-events.ts) and kept. */
const forgeQueue = async (): Promise<QueueLike> => new (await loadForgeEvents()).Queue({ key: OUTBOX_QUEUE_KEY });

/**
 * The outbox on Forge's async events: every job of one mailbox shares a concurrency key limited to 4. The queue is
 * made on the first push, so a function that pushes nothing (the worker's accepted send) never loads @forge/events.
 */
export const createForgeOutboxQueue = (
  openQueue: () => Promise<QueueLike> = forgeQueue,
  newTicket: () => string = newUuid,
): OutboxQueue => ({
  push: async (emailId, { mailbox, delaySeconds }) => {
    const job: OutboxJob = { emailId, ticket: newTicket() };
    const delay = clampDelaySeconds(delaySeconds);
    try {
      const queue = await openQueue();
      await queue.push({
        body: { ...job },
        ...(delay > 0 ? { delayInSeconds: delay } : {}),
        concurrency: { key: mailboxConcurrencyKey(mailbox), limit: MAILBOX_CONCURRENCY },
      });
    } catch (error) {
      throw new QueueUnavailableError(error);
    }
    return job;
  },
});
