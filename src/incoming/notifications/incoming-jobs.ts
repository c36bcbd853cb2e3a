/**
 * What the incoming-mail queue carries. The web trigger only queues (a pushing service's answer deadline, Graph's 3 seconds, leaves no
 * room for the work: https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#throttling);
 * the worker (src/incoming/worker/handle-incoming-job.ts) does each job's work.
 */
export const LIFECYCLE_EVENTS = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

export type IncomingJob =
  /** New messages in a handler's folder, by the mail service's id (from a notification or a round). */
  | { kind: 'notified'; handlerId: string; messageIds: string[] }
  /** The mail service says the subscription needs renewing, is gone, or notifications were missed. */
  | { kind: 'lifecycle'; handlerId: string; subscriptionId: string; event: LifecycleEvent }
  /**
   * One message again: a run that found it busy or hit a passing failure, or the admin's "Process again" of a held
   * or failed one (`processAgain`). `attempt` counts the runs of a passing failure (1 for the first retry).
   */
  | {
      kind: 'message';
      handlerId: string;
      messageId: string;
      processAgain?: boolean;
      attempt?: number;
      /** Process again's record (its key): finished as failed if the message is no longer in the mailbox. */
      messageKey?: string;
    }
  /** The safety net: the handler's folder read from its stored delta position (every five minutes). */
  | { kind: 'delta'; handlerId: string }
  /** A handler that is enabled but not yet connected: delta position, subscription, and the last N days' mail. */
  | { kind: 'connect'; handlerId: string }
  /** A handler switched off: its subscription deleted and its delta position dropped. */
  | { kind: 'disconnect'; handlerId: string };

export type IncomingJobKind = IncomingJob['kind'];

/** Message ids one job carries at most: a burst becomes several small events, each well under the queue's limits. */
export const MESSAGE_IDS_PER_JOB = 50;
