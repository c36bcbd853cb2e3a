import type { LifecycleEvent } from '../notifications/incoming-jobs';
import type { HandlerStateStore } from './handler-state';

/**
 * When the mail service no longer knows a stored position, a new round starts from the last finished round less
 * this margin: mail received meanwhile is taken, and what was taken already is dropped by its exactly-once mark.
 */
export const RESYNC_MARGIN_MS = 60 * 60 * 1000;

/** The parts of a mail handler the connection reads. */
export interface ConnectingHandler {
  id: string;
  folder: string;
  /** Mail of the last N days is taken when it connects; 0: only mail from now on. */
  backfillDays: number;
  /** What it reads (credential, mailbox, folder) as a digest, kept in its state. */
  source?: string;
}

/** Hands message ids to the queue; throws when it cannot (the position is then not moved on). */
export type TakeMessages = (messageIds: readonly string[]) => Promise<void>;

/** How a round ended: the handler was never connected, a lifecycle event was for another subscription, or done. */
export type RoundOutcome = 'not-connected' | 'stale' | 'done';

/**
 * A handler's connection to its mailbox, whichever service holds it (the composition root fills it from
 * src/providers/): how it starts reading (a position, and the last N days when asked), how it reads what arrived
 * since (a round from the stored position), and how it stops. Message ids are the service's own.
 */
export interface IncomingConnection {
  /** Where each handler's connection stands (its state: what it reads, its position). */
  states: Pick<HandlerStateStore, 'get'>;
  /**
   * Connects the handler to its folder: what arrived since an earlier connection's last round is handed to `take`
   * first; the answer is the last N days' messages the admin asked for (none without a backfill).
   */
  connect: (handler: ConnectingHandler, take: TakeMessages) => Promise<{ backfill: string[] }>;
  /** The messages that arrived since the stored position, handed to `take`, and the new position stored. */
  deltaRound: (handlerId: string, take: TakeMessages) => Promise<Exclude<RoundOutcome, 'stale'>>;
  /**
   * The service's word about a subscription of the handler (renewal due, removed, notifications missed), for a
   * service that pushes notifications; absent for one that is polled (an event for it is stale).
   */
  lifecycle?: (
    handlerId: string,
    event: { subscriptionId: string; event: LifecycleEvent },
    take: TakeMessages,
  ) => Promise<RoundOutcome>;
  /** Stops listening: whatever the service holds for it goes, and so does the stored position. */
  disconnect: (handlerId: string) => Promise<void>;
}
