import type { DeliveryRecorder } from './delivery-stats';

/** Exchange Online's Outlook API limits (Graph docs: throttling-limits, Outlook service limits; Exchange Online limits). */
export const MAILBOX_CONCURRENCY_LIMIT = 4;
export const MESSAGE_RATE_LIMIT = 30;
export const MESSAGE_RATE_WINDOW_MS = 60_000;

/** A request counted open against a mailbox until its answer is done or its client is gone. */
export interface ConcurrencySlot {
  /** Over the limit on arrival: answered 429 and not counted open. */
  readonly refused: boolean;
  release: () => void;
}

/**
 * Per-mailbox limits. Time is Date.now() read at each call, so a test that fakes the global Date moves the
 * message-rate window.
 */
export class ExchangeLimits {
  /** Open requests per app and mailbox. */
  private readonly open = new Map<string, number>();
  /** Per mailbox (lower-case UPN), the accept times of its latest MESSAGE_RATE_LIMIT messages, oldest first. */
  private readonly latestSends = new Map<string, number[]>();

  constructor(
    readonly enforced: boolean,
    private readonly recorder: DeliveryRecorder,
  ) {}

  /** A request of `appId` against `mailbox` (its UPN) arrives. */
  arrive(appId: string, mailbox: string): ConcurrencySlot {
    const key = `${appId}\u0000${mailbox.toLowerCase()}`;
    const open = (this.open.get(key) ?? 0) + 1;
    this.recorder.concurrency(mailbox, open);
    if (this.enforced && open > MAILBOX_CONCURRENCY_LIMIT) return { refused: true, release: () => undefined };
    this.open.set(key, open);
    let released = false;
    return {
      refused: false,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(key) ?? 1) - 1;
        if (left <= 0) this.open.delete(key);
        else this.open.set(key, left);
      },
    };
  }

  /** Whole seconds until `mailbox` may send again, or undefined when a message may be accepted now. */
  messageRateWait(mailbox: string): number | undefined {
    if (!this.enforced) return undefined;
    const latest = this.latestSends.get(mailbox.toLowerCase()) ?? [];
    const oldest = latest[0];
    const now = Date.now();
    if (latest.length < MESSAGE_RATE_LIMIT || oldest === undefined || oldest <= now - MESSAGE_RATE_WINDOW_MS)
      return undefined;
    return Math.max(1, Math.ceil((oldest + MESSAGE_RATE_WINDOW_MS - now) / 1000));
  }

  /** Counts a message `mailbox` sent; returns its accept time. */
  recordSend(mailbox: string): number {
    const at = Date.now();
    const key = mailbox.toLowerCase();
    const latest = this.latestSends.get(key) ?? [];
    latest.push(at);
    if (latest.length > MESSAGE_RATE_LIMIT) latest.shift();
    this.latestSends.set(key, latest);
    return at;
  }
}
