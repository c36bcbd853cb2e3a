import type { HandlerStateStore } from '../../../../incoming/connection/handler-state';
import type { SubscriptionRegistry } from '../../../../incoming/notifications/subscription-registry';
import type { Clock } from '../../../../shared/seams';
import type { InboundMailbox } from '../../graph/inbound-mailbox';

/** What connecting, renewing and the delta run need: the handler's mailbox and the app's own records. */
export interface ConnectionDeps {
  mailbox: Pick<
    InboundMailbox,
    'findChildFolder' | 'createSubscription' | 'renewSubscription' | 'deleteSubscription' | 'startDelta' | 'followDelta'
  >;
  states: HandlerStateStore;
  subscriptions: SubscriptionRegistry;
  /** The web trigger Graph posts to (webTrigger.getUrl of the notifications trigger). */
  notificationUrl: () => Promise<string>;
  /** A new unguessable clientState, at most 128 characters. */
  newClientState: () => string;
  now: Clock;
}

export type { ConnectingHandler } from '../../../../incoming/connection/incoming-connection';
