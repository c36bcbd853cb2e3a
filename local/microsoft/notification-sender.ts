import type { JournalEntry } from './mail-store';
import type { Subscription, SubscriptionStore } from './subscription-store';

/** A notification's item of `value[]` (changeNotification resource, notes §1.3 and §1.6). */
type Item = Record<string, unknown>;

/** How the sender waits and retries; tests make the times short. */
export interface NotifierTiming {
  /** Notifications made within this window go in one POST per URL (Graph batches; webhooks page). */
  batchMs: number;
  /** A 2xx later than this counts as not delivered (change-notifications-delivery-webhooks: 3 s). */
  answerTimeoutMs: number;
  /** First retry delay; doubles each time (exponential backoff). */
  retryBaseMs: number;
  /** Graph retries for up to 4 hours, then drops the notification. */
  giveUpAfterMs: number;
}

export const DEFAULT_NOTIFIER_TIMING: NotifierTiming = {
  batchMs: 50,
  answerTimeoutMs: 3000,
  retryBaseMs: 1000,
  giveUpAfterMs: 4 * 60 * 60 * 1000,
};

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** Outcome of one POST, for the mailbox page and the tests. */
export interface DeliveryAttempt {
  url: string;
  status: number | 'timeout' | 'error';
  items: number;
}

/**
 * Posts change notifications and lifecycle notifications to the subscribers' URLs: batched, retried with
 * exponential backoff on a non-2xx or slow answer, held while paused ("notifications switched off") and sent
 * on resume. https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks
 */
export class NotificationSender {
  private paused = false;
  private held: { url: string; item: Item }[] = [];
  private pending = new Map<string, Item[]>();
  private timer: NodeJS.Timeout | undefined;
  private lastBatch: { url: string; items: Item[] } | undefined;
  readonly attempts: DeliveryAttempt[] = [];

  constructor(
    private readonly store: SubscriptionStore,
    private readonly now: () => Date,
    private readonly shutdown: AbortSignal,
    public timing: NotifierTiming = DEFAULT_NOTIFIER_TIMING,
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) {
      const held = this.held;
      this.held = [];
      for (const { url, item } of held) this.enqueue(url, item);
    }
  }

  /** A journal entry of a mailbox: a notification for each live subscription it matches. */
  onChange(mailbox: string, entry: JournalEntry, immutableId: string): void {
    const at = this.now().getTime();
    for (const subscription of this.store.list()) {
      if (Date.parse(subscription.expirationDateTime) <= at) continue;
      if (subscription.mailbox !== mailbox || !subscription.changeTypes.includes(entry.kind)) continue;
      if (subscription.folderId !== undefined && subscription.folderId !== entry.folderId) continue;
      const id = subscription.immutableIds ? immutableId : entry.restId;
      // Basic notifications name the message under the user, capitalised, even for a folder subscription.
      const resource = `Users/${subscription.userId}/Messages/${id}`;
      this.send(subscription.notificationUrl, {
        subscriptionId: subscription.id,
        subscriptionExpirationDateTime: subscription.expirationDateTime,
        changeType: entry.kind,
        resource,
        resourceData: {
          '@odata.type': '#Microsoft.Graph.Message',
          '@odata.id': resource,
          '@odata.etag': `W/"CQAAABYAAAA${entry.seq.toString(36)}"`,
          id,
        },
        clientState: subscription.clientState,
        tenantId: subscription.tenantId,
      });
    }
  }

  /** A lifecycle notification to the subscription's lifecycleNotificationUrl (none without one). */
  lifecycle(subscription: Subscription, event: LifecycleEvent): void {
    if (subscription.lifecycleNotificationUrl === null) return;
    this.send(subscription.lifecycleNotificationUrl, {
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: subscription.expirationDateTime,
      tenantId: subscription.tenantId,
      clientState: subscription.clientState,
      lifecycleEvent: event,
    });
  }

  /**
   * Posts the last batch again, as it was (same items, same ids): Graph retries a notification for up to 4 hours
   * whenever it did not count the answer (not 2xx, or too late), so a receiver that had queued the work already
   * sees it again (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks, "HTTP codes and
   * retry logic"). False when nothing was posted yet.
   */
  redeliverLast(): boolean {
    const last = this.lastBatch;
    if (last === undefined) return false;
    void this.post(last.url, structuredClone(last.items), Date.now(), 0);
    return true;
  }

  private send(url: string, item: Item): void {
    if (this.paused) this.held.push({ url, item });
    else this.enqueue(url, item);
  }

  private enqueue(url: string, item: Item): void {
    const list = this.pending.get(url) ?? [];
    list.push(item);
    this.pending.set(url, list);
    this.timer ??= setTimeout(() => this.flush(), this.timing.batchMs);
  }

  private flush(): void {
    this.timer = undefined;
    const batches = this.pending;
    this.pending = new Map();
    for (const [url, items] of batches) {
      if (!items.some((item) => 'lifecycleEvent' in item)) this.lastBatch = { url, items: structuredClone(items) };
      void this.post(url, items, Date.now(), 0);
    }
  }

  private async post(url: string, items: Item[], firstAt: number, attempt: number): Promise<void> {
    if (this.shutdown.aborted) return;
    const status = await postJson(url, { value: items }, this.timing.answerTimeoutMs, this.shutdown);
    this.attempts.push({ url, status, items: items.length });
    this.note(items, status);
    if (typeof status === 'number' && status >= 200 && status < 300) return;
    const wait = this.timing.retryBaseMs * 2 ** attempt;
    if (Date.now() + wait - firstAt > this.timing.giveUpAfterMs) return;
    setTimeout(() => void this.post(url, items, firstAt, attempt + 1), wait).unref();
  }

  private note(items: Item[], status: DeliveryAttempt['status']): void {
    for (const item of items) {
      const subscription = this.store.get(String(item.subscriptionId));
      if (subscription !== undefined)
        subscription.lastDelivery = { at: this.now().toISOString(), status: String(status) };
    }
  }
}

/** POSTs JSON; the status, or 'timeout' when no answer came in time, or 'error' when the connection failed. */
const postJson = async (
  url: string,
  body: unknown,
  timeoutMs: number,
  shutdown: AbortSignal,
): Promise<DeliveryAttempt['status']> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), shutdown]),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error';
  }
};
