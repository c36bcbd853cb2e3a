/**
 * What the web trigger hands the incoming-mail queue: never the work itself, which Graph's 3-second answer deadline
 * leaves no room for (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#throttling).
 */
export const LIFECYCLE_EVENTS = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

export type IncomingJob =
  /** New messages in a handler's folder, by Graph id (from the notifications' resourceData.id). */
  | { kind: 'notified'; handlerId: string; messageIds: string[] }
  /** Graph says the subscription needs renewing, is gone, or notifications were missed. */
  | { kind: 'lifecycle'; handlerId: string; subscriptionId: string; event: LifecycleEvent };

/** Message ids one job carries at most: a burst becomes several small events, each well under the queue's limits. */
export const MESSAGE_IDS_PER_JOB = 50;
