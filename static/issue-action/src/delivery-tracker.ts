import type { DeliveryStatus, EmailDeliveryView } from '../../../src/contract/email-log';
import type { SentIssueEmail } from '../../../src/contract/issue-email';
import type { ResolverError, ResolverResult } from '../../../src/contract/result';

/**
 * The waits before each status read, the last repeating: quick at first, as most emails go out within seconds,
 * then further apart. An email sent within a minute is seen by the 8th read (at 82 s), so following it costs at most
 * 9 resolver calls with the send, where reading once a second cost up to 180: on Forge each call is an invocation
 * (possibly a cold start), counted against the app's invocation quotas.
 *
 * Polling, not Forge Realtime: Realtime is a Preview capability, and a function may publish to a channel only from
 * an invocation made by a UI ("Publish requests only work when the request originated from a UI context
 * invocation", https://developer.atlassian.com/platform/forge/rest/v2/api-group-forge-realtime/; resolvers publish,
 * they cannot subscribe: https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/realtime). Here
 * the status changes in the outbox's queue consumer, which no UI invoked, so nothing could publish it to the dialog.
 */
export const POLL_DELAYS_MS = [1000, 2000, 3000, 5000, 8000, 13_000, 20_000, 30_000] as const;
/** After this the dialog stops asking; the email goes on in the outbox and shows up in History and the log. */
export const MAX_FOLLOW_MS = 3 * 60 * 1000;
/** The dialog shown or focused again reads at once, unless it read this recently (or a read is on its way). */
export const BACK_READ_MIN_GAP_MS = 5000;

/** The wait before the read after `readsDone` reads. */
export const pollDelay = (readsDone: number): number =>
  POLL_DELAYS_MS[Math.min(readsDone, POLL_DELAYS_MS.length - 1)] ?? POLL_DELAYS_MS[0];
/** Failed status reads in a row after which the dialog gives up asking. */
export const MAX_FAILED_READS = 5;

const FINAL: ReadonlySet<DeliveryStatus> = new Set(['sent', 'failed']);
export const isFinalStatus = (status: DeliveryStatus) => FINAL.has(status);

/**
 * Where following an email stands. `following`: not sent or failed yet, still asking, next at `nextReadAt` (the
 * scheduler's clock, ms), `nextReadInMs` from now; `final`: sent or failed; `timedOut`: still on its way after
 * MAX_FOLLOW_MS; `unreadable`: MAX_FAILED_READS reads failed in a row. `view` is always the last status read (or the
 * send answer's).
 */
export type DeliveryProgress =
  | { phase: 'following'; view: EmailDeliveryView; nextReadAt: number; nextReadInMs: number }
  | { phase: 'final'; view: EmailDeliveryView }
  | { phase: 'timedOut'; view: EmailDeliveryView }
  | { phase: 'unreadable'; view: EmailDeliveryView; error: ResolverError };

/** The clock and timer seam: the browser's by default, a manual one in tests. */
export interface PollScheduler {
  now: () => number;
  /** Runs `run` once after `ms`; the returned function cancels it. */
  after: (ms: number, run: () => void) => () => void;
}

export const realScheduler: PollScheduler = {
  now: () => Date.now(),
  after: (ms, run) => {
    const handle = globalThis.setTimeout(run, ms);
    return () => globalThis.clearTimeout(handle);
  },
};

/** Whether the person is looking at the dialog: no reads while it is hidden, one at once when it is back. */
export interface DialogAttention {
  /** The frame is hidden now (another browser tab, a minimised window). */
  hidden: () => boolean;
  /** Calls `back` when the frame is shown or focused again; the returned function stops listening. */
  onBack: (back: () => void) => () => void;
}

/** Always looked at: nothing to listen to (outside a browser). */
export const ALWAYS_SHOWN: DialogAttention = { hidden: () => false, onBack: () => () => undefined };

/** The browser's: the Page Visibility API and the frame's focus. */
export const documentAttention = (): DialogAttention => ({
  hidden: () => document.visibilityState === 'hidden',
  onBack: (back) => {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') back();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', back);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', back);
    };
  },
});

/** Never throws: a failed read is `{ ok: false }`, as the typed invoke answers. */
export type ReadStatus = (emailId: string) => Promise<ResolverResult<EmailDeliveryView>>;

export interface FollowOptions {
  sent: SentIssueEmail;
  readStatus: ReadStatus;
  onProgress: (progress: DeliveryProgress) => void;
  scheduler?: PollScheduler;
  attention?: DialogAttention;
  maxFollowMs?: number;
  maxFailedReads?: number;
}

export interface DeliveryFollower {
  /** Stops asking; an answer still on its way is dropped. Safe to call more than once. */
  stop: () => void;
}

/**
 * Follows a queued email: tells `onProgress` the send answer at once, then reads its status after each wait of
 * POLL_DELAYS_MS (one read at a time: the next is scheduled when the answer is in) until it is sent or failed, the
 * time is up, reads keep failing, or `stop()`. While the dialog is hidden it does not read; shown or focused again,
 * it reads at once (BACK_READ_MIN_GAP_MS apart at most).
 */
export const followDelivery = (options: FollowOptions): DeliveryFollower => {
  const scheduler = options.scheduler ?? realScheduler;
  const attention = options.attention ?? ALWAYS_SHOWN;
  const maxFollowMs = options.maxFollowMs ?? MAX_FOLLOW_MS;
  const maxFailedReads = options.maxFailedReads ?? MAX_FAILED_READS;
  const { sent } = options;
  const startedAt = scheduler.now();
  let view: EmailDeliveryView = {
    emailId: sent.emailId,
    status: sent.status,
    attempts: 0,
    recipientCount: sent.recipientCount,
  };
  let failedReads = 0;
  let readsDone = 0;
  let lastReadAt = startedAt;
  let reading = false;
  /** A read fell due while the dialog was hidden: it runs when the dialog is back. */
  let waitingForBack = false;
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let stopListening: (() => void) | undefined;

  const stop = () => {
    stopped = true;
    cancelTimer?.();
    cancelTimer = undefined;
    stopListening?.();
    stopListening = undefined;
  };
  const end = (progress: DeliveryProgress) => {
    stop();
    options.onProgress(progress);
  };
  const following = () => {
    const nextReadInMs = pollDelay(readsDone);
    options.onProgress({ phase: 'following', view, nextReadAt: scheduler.now() + nextReadInMs, nextReadInMs });
    cancelTimer = scheduler.after(nextReadInMs, () => void tick());
  };

  const tick = async () => {
    cancelTimer?.();
    cancelTimer = undefined;
    // Hidden: the read waits until the dialog is back (onBack), unless the time is up.
    if (attention.hidden()) {
      if (scheduler.now() - startedAt >= maxFollowMs) end({ phase: 'timedOut', view });
      else waitingForBack = true;
      return;
    }
    waitingForBack = false;
    reading = true;
    const result = await options.readStatus(sent.emailId);
    reading = false;
    if (stopped) return;
    readsDone += 1;
    lastReadAt = scheduler.now();
    if (result.ok) {
      failedReads = 0;
      view = result.data;
      if (isFinalStatus(view.status)) return end({ phase: 'final', view });
    } else if (++failedReads >= maxFailedReads) {
      return end({ phase: 'unreadable', view, error: result.error });
    }
    if (scheduler.now() - startedAt >= maxFollowMs) return end({ phase: 'timedOut', view });
    following();
  };

  if (sent.status === 'sent') {
    end({ phase: 'final', view });
  } else {
    // A failed send answer carries no message: one read fetches it.
    following();
    stopListening = attention.onBack(() => {
      if (stopped || reading) return;
      if (waitingForBack || scheduler.now() - lastReadAt >= BACK_READ_MIN_GAP_MS) void tick();
    });
  }
  return { stop };
};
