import type { InboundMailbox } from '../../graph/inbound-mailbox';
import type { Clock } from '../../shared/seams';
import type { SubscriptionRegistry } from '../notifications/subscription-registry';
import type { HandlerStateStore } from './handler-state';

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

/** The parts of a mail handler the connection reads. */
export interface ConnectingHandler {
  id: string;
  folder: string;
  /** Mail of the last N days is taken when it connects; 0: only mail from now on. */
  backfillDays: number;
  /** What it reads (credential, mailbox, folder) as a digest, kept in its state. */
  source?: string;
}
