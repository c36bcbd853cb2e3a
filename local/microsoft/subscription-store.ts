/** A change-notification subscription on a mailbox's (or one folder's) messages. */
export interface Subscription {
  id: string;
  /** As the client sent it, without the leading slash (Graph echoes it so). */
  resource: string;
  /** Lower-case UPN of the mailbox. */
  mailbox: string;
  /** The folder's id; undefined for the whole mailbox (`/users/{id}/messages`). */
  folderId: string | undefined;
  /** Object id of the user, for the notification's `resource` (`Users/{id}/Messages/{id}`). */
  userId: string;
  tenantId: string;
  applicationId: string;
  changeTypes: ('created' | 'updated' | 'deleted')[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
  /** Whether ids in notifications are immutable (Prefer IdType="ImmutableId" on create; outlook-immutable-id). */
  immutableIds: boolean;
  /** When reauthorizationRequired was last sent, so it goes once per renewal. */
  reauthorizationSentFor?: string;
  /** For the mailbox page: the last delivery's outcome. */
  lastDelivery?: { at: string; status: string };
}

/** Subscriptions of one emulator, in memory. */
export class SubscriptionStore {
  private readonly subscriptions = new Map<string, Subscription>();

  add(subscription: Subscription): void {
    this.subscriptions.set(subscription.id, subscription);
  }

  get(id: string): Subscription | undefined {
    return this.subscriptions.get(id);
  }

  list(): Subscription[] {
    return [...this.subscriptions.values()];
  }

  remove(id: string): boolean {
    return this.subscriptions.delete(id);
  }
}

/** The subscription as Graph's resource (fixture `subscription_create_response`, subscription resource page). */
export const subscriptionResource = (subscription: Subscription): Record<string, unknown> => ({
  id: subscription.id,
  resource: subscription.resource,
  applicationId: subscription.applicationId,
  changeType: subscription.changeTypes.join(','),
  clientState: subscription.clientState,
  notificationUrl: subscription.notificationUrl,
  notificationQueryOptions: null,
  lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
  expirationDateTime: subscription.expirationDateTime,
  creatorId: subscription.applicationId,
  includeResourceData: null,
  latestSupportedTlsVersion: 'v1_2',
  encryptionCertificate: null,
  encryptionCertificateId: null,
  notificationUrlAppId: null,
});
