import type { DeliveryStatus, EmailDeliveryView } from '../../../src/contract/email-log';
import type { SentIssueEmail } from '../../../src/contract/issue-email';
import type { ResolverError, ResolverResult } from '../../../src/contract/result';

/** About once a second: quick enough to feel live, slow enough for a resolver call per tick. */
export const POLL_INTERVAL_MS = 1000;
/** After this the dialog stops asking; the email goes on in the outbox and shows up in History and the log. */
export const MAX_FOLLOW_MS = 3 * 60 * 1000;
/** Failed status reads in a row after which the dialog gives up asking. */
export const MAX_FAILED_READS = 5;

const FINAL: ReadonlySet<DeliveryStatus> = new Set(['sent', 'failed']);
export const isFinalStatus = (status: DeliveryStatus) => FINAL.has(status);

/**
 * Where following an email stands. `following`: not sent or failed yet, still asking; `final`: sent or failed;
 * `timedOut`: still on its way after MAX_FOLLOW_MS; `unreadable`: MAX_FAILED_READS reads failed in a row.
 * `view` is always the last status read (or the send answer's).
 */
export type DeliveryProgress =
  | { phase: 'following'; view: EmailDeliveryView }
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

/** Never throws: a failed read is `{ ok: false }`, as the typed invoke answers. */
export type ReadStatus = (emailId: string) => Promise<ResolverResult<EmailDeliveryView>>;

export interface FollowOptions {
  sent: SentIssueEmail;
  readStatus: ReadStatus;
  onProgress: (progress: DeliveryProgress) => void;
  scheduler?: PollScheduler;
  intervalMs?: number;
  maxFollowMs?: number;
  maxFailedReads?: number;
}

export interface DeliveryFollower {
  /** Stops asking; an answer still on its way is dropped. Safe to call more than once. */
  stop: () => void;
}

/**
 * Follows a queued email: tells `onProgress` the send answer at once, then reads its status every interval
 * (one read at a time: the next is scheduled when the answer is in) until it is sent or failed, the time is up,
 * reads keep failing, or `stop()`.
 */
export const followDelivery = (options: FollowOptions): DeliveryFollower => {
  const scheduler = options.scheduler ?? realScheduler;
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS;
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
  let stopped = false;
  let cancelTimer: (() => void) | undefined;

  const stop = () => {
    stopped = true;
    cancelTimer?.();
    cancelTimer = undefined;
  };
  const end = (progress: DeliveryProgress) => {
    stop();
    options.onProgress(progress);
  };

  const tick = async () => {
    cancelTimer = undefined;
    const result = await options.readStatus(sent.emailId);
    if (stopped) return;
    if (result.ok) {
      failedReads = 0;
      view = result.data;
      if (isFinalStatus(view.status)) return end({ phase: 'final', view });
      options.onProgress({ phase: 'following', view });
    } else if (++failedReads >= maxFailedReads) {
      return end({ phase: 'unreadable', view, error: result.error });
    }
    if (scheduler.now() - startedAt >= maxFollowMs) return end({ phase: 'timedOut', view });
    cancelTimer = scheduler.after(intervalMs, () => void tick());
  };

  if (sent.status === 'sent') {
    end({ phase: 'final', view });
  } else {
    // A failed send answer carries no message: one read fetches it.
    options.onProgress({ phase: 'following', view });
    cancelTimer = scheduler.after(intervalMs, () => void tick());
  }
  return { stop };
};
