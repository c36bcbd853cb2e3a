import type { EmailDeliveryView } from '../../../src/contract/email-log';
import type { SentIssueEmail } from '../../../src/contract/issue-email';
import type { ResolverResult } from '../../../src/contract/result';
import { deliveryText } from '../../../static/issue-action/src/delivery-text';
import {
  BACK_READ_MIN_GAP_MS,
  type DeliveryProgress,
  type DialogAttention,
  followDelivery,
  MAX_FAILED_READS,
  MAX_FOLLOW_MS,
  POLL_DELAYS_MS,
  type PollScheduler,
  pollDelay,
} from '../../../static/issue-action/src/delivery-tracker';

const EMAIL_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const SENT: SentIssueEmail = {
  issueKey: 'DEMO-1',
  emailId: EMAIL_ID,
  queuedAt: '2026-11-12T21:14:00.000Z',
  status: 'queued',
  recipientCount: 2,
};
const UNREACHABLE = {
  code: 'INTERNAL_ERROR',
  message: 'Issue Mailer could not reach its backend. Try again in a moment.',
};

/** A clock that moves only when told, running the timers that fall due (and the answers they wait for). */
class ManualScheduler implements PollScheduler {
  time = 0;
  private timers: { at: number; run: () => void }[] = [];

  now = () => this.time;

  after = (ms: number, run: () => void) => {
    const timer = { at: this.time + ms, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((other) => other !== timer);
    };
  };

  get pending() {
    return this.timers.length;
  }

  async advance(ms: number) {
    const until = this.time + ms;
    for (;;) {
      const next = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.run();
      await settle();
    }
    this.time = until;
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const view = (patch: Partial<EmailDeliveryView>): EmailDeliveryView => ({
  emailId: EMAIL_ID,
  status: 'queued',
  attempts: 0,
  recipientCount: 2,
  ...patch,
});

/** Answers reads in order; the last answer repeats. */
const statusReads = (...answers: ResolverResult<EmailDeliveryView>[]) => {
  const calls: string[] = [];
  const readStatus = async (emailId: string) => {
    calls.push(emailId);
    const answer = answers[Math.min(calls.length, answers.length) - 1];
    if (!answer) throw new Error('no answer');
    return answer;
  };
  return { calls, readStatus };
};

/** The dialog's visibility as the test sets it; `back()` is the dialog shown or focused again. */
class ManualAttention implements DialogAttention {
  isHidden = false;
  private listeners: Array<() => void> = [];
  hidden = () => this.isHidden;
  onBack = (back: () => void) => {
    this.listeners.push(back);
    return () => {
      this.listeners = this.listeners.filter((listener) => listener !== back);
    };
  };
  get listening() {
    return this.listeners.length;
  }
  async back() {
    this.isHidden = false;
    for (const listener of this.listeners) listener();
    await settle();
  }
}

const follow = (reads: ReturnType<typeof statusReads>, sent: SentIssueEmail = SENT) => {
  const scheduler = new ManualScheduler();
  const attention = new ManualAttention();
  const progress: DeliveryProgress[] = [];
  const follower = followDelivery({
    sent,
    readStatus: reads.readStatus,
    scheduler,
    attention,
    onProgress: (next) => progress.push(next),
  });
  const texts = () => progress.map(deliveryText);
  return { scheduler, attention, progress, follower, texts };
};

/** When each read falls due, from the send (ms), for the first `count` reads. */
const readTimes = (count: number) => {
  const times: number[] = [];
  for (let index = 0, at = 0; index < count; index += 1) times.push((at += pollDelay(index)));
  return times;
};

const ok = (data: EmailDeliveryView): ResolverResult<EmailDeliveryView> => ({ ok: true, data });
const failedRead: ResolverResult<EmailDeliveryView> = { ok: false, error: UNREACHABLE };

describe('the wait between status reads', () => {
  it('grows 1, 2, 3, 5, 8, 13, 20 s, then stays at 30 s', () => {
    expect(POLL_DELAYS_MS).toEqual([1000, 2000, 3000, 5000, 8000, 13_000, 20_000, 30_000]);
    expect(Array.from({ length: 12 }, (_, index) => pollDelay(index) / 1000)).toEqual([
      1, 2, 3, 5, 8, 13, 20, 30, 30, 30, 30, 30,
    ]);
    expect(readTimes(12).map((ms) => ms / 1000)).toEqual([1, 3, 6, 11, 19, 32, 52, 82, 112, 142, 172, 202]);
  });

  it.each([1, 2, 10, 30, 52, 53, 59, 60])(
    'sees an email sent %i s after the send by its 8th read: at most 9 resolver calls with the send',
    async (sentAfterSeconds) => {
      const calls: number[] = [];
      const scheduler = new ManualScheduler();
      const progress: DeliveryProgress[] = [];
      followDelivery({
        sent: SENT,
        scheduler,
        readStatus: async () => {
          calls.push(scheduler.now());
          return ok(view({ status: scheduler.now() >= sentAfterSeconds * 1000 ? 'sent' : 'sending', attempts: 1 }));
        },
        onProgress: (next) => progress.push(next),
      });
      await scheduler.advance(MAX_FOLLOW_MS);
      expect(progress.at(-1)?.phase).toBe('final');
      expect(calls).toEqual(readTimes(calls.length));
      expect(calls.at(-1)).toBe(readTimes(8).find((at) => at >= sentAfterSeconds * 1000));
      expect(1 + calls.length).toBeLessThanOrEqual(9);
    },
  );
});

describe('followDelivery', () => {
  it('shows queued, sending, sent in order, reading after 1, 3 and 6 s, and stops asking when sent', async () => {
    const reads = statusReads(
      ok(view({ status: 'queued' })),
      ok(view({ status: 'sending', attempts: 1 })),
      ok(view({ status: 'sent', attempts: 1, sentAt: '2026-11-12T21:14:03.000Z' })),
    );
    const run = follow(reads);
    expect(run.texts()).toEqual(['Queued: waiting to be sent...']);
    expect(reads.calls).toEqual([]);

    await run.scheduler.advance(999);
    expect(reads.calls).toHaveLength(0);
    await run.scheduler.advance(1);
    expect(reads.calls).toEqual([EMAIL_ID]);
    await run.scheduler.advance(1999);
    expect(reads.calls).toHaveLength(1);
    await run.scheduler.advance(1);
    expect(reads.calls).toHaveLength(2);
    await run.scheduler.advance(3000);

    expect(run.texts()).toEqual([
      'Queued: waiting to be sent...',
      'Queued: waiting to be sent...',
      'Sending...',
      'Sent to 2 people',
    ]);
    expect(run.progress.map((progress) => progress.phase)).toEqual(['following', 'following', 'following', 'final']);
    expect(reads.calls).toHaveLength(3);
    expect(run.scheduler.pending).toBe(0);
    expect(run.attention.listening).toBe(0);
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(3);
    expect(run.progress).toHaveLength(4);
  });

  it('tells when it reads next: the time and the wait, for "still being sent"', async () => {
    const reads = statusReads(ok(view({ status: 'sending', attempts: 1 })));
    const run = follow(reads);
    await run.scheduler.advance(readTimes(5).at(-1) ?? 0);
    expect(
      run.progress.map((progress) =>
        progress.phase === 'following' ? [progress.nextReadAt, progress.nextReadInMs] : progress.phase,
      ),
    ).toEqual(readTimes(6).map((at, index) => [at, pollDelay(index)]));
    run.follower.stop();
  });

  it('says when Microsoft 365 asked to wait, with the next attempt and its local time', async () => {
    const nextAttemptAt = new Date(2026, 10, 12, 21, 14, 5).toISOString();
    const reads = statusReads(
      ok(
        view({
          status: 'retrying',
          attempts: 1,
          nextAttemptAt,
          lastError: { code: 'GRAPH_THROTTLED', message: 'Throttled.' },
        }),
      ),
    );
    const run = follow(reads);
    await run.scheduler.advance(1000);
    expect(run.texts().at(-1)).toBe('Microsoft 365 asked to wait; trying again at 21:14:05 (attempt 2)');
    expect(run.progress.at(-1)?.phase).toBe('following');
    expect(run.scheduler.pending).toBe(1);
    run.follower.stop();
  });

  it('shows why a failed email was not sent and stops asking', async () => {
    const lastError = { code: 'GRAPH_INVALID_RECIPIENTS', message: 'Microsoft 365 refused the recipients.' };
    const reads = statusReads(
      ok(view({ status: 'sending', attempts: 1 })),
      ok(view({ status: 'failed', attempts: 1, lastError })),
    );
    const run = follow(reads);
    await run.scheduler.advance(60_000);
    expect(run.texts()).toEqual([
      'Queued: waiting to be sent...',
      'Sending...',
      'Not sent: Microsoft 365 refused the recipients.',
    ]);
    expect(run.progress.at(-1)).toEqual({ phase: 'final', view: view({ status: 'failed', attempts: 1, lastError }) });
    expect(reads.calls).toHaveLength(2);
    expect(run.scheduler.pending).toBe(0);
  });

  it('stops asking when the dialog closes or unmounts (stop), and drops an answer still on its way', async () => {
    let answer: (result: ResolverResult<EmailDeliveryView>) => void = () => undefined;
    const calls: string[] = [];
    const scheduler = new ManualScheduler();
    const progress: DeliveryProgress[] = [];
    const follower = followDelivery({
      sent: SENT,
      scheduler,
      readStatus: (emailId) => {
        calls.push(emailId);
        return new Promise((resolve) => {
          answer = resolve;
        });
      },
      onProgress: (next) => progress.push(next),
    });
    await scheduler.advance(1000);
    expect(calls).toHaveLength(1);

    follower.stop();
    answer(ok(view({ status: 'sent', attempts: 1 })));
    await settle();
    await scheduler.advance(MAX_FOLLOW_MS);
    expect(calls).toHaveLength(1);
    expect(progress.map(deliveryText)).toEqual(['Queued: waiting to be sent...']);
    expect(scheduler.pending).toBe(0);
    follower.stop();
  });

  it('stops before the first read when stopped at once', async () => {
    const reads = statusReads(ok(view({ status: 'sent' })));
    const run = follow(reads);
    run.follower.stop();
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(0);
    expect(run.scheduler.pending).toBe(0);
    expect(run.attention.listening).toBe(0);
  });

  it('asks again after a failed read and counts only failures in a row', async () => {
    const reads = statusReads(
      failedRead,
      failedRead,
      failedRead,
      failedRead,
      ok(view({ status: 'sending', attempts: 1 })),
      failedRead,
      failedRead,
      ok(view({ status: 'sent', attempts: 1 })),
    );
    const run = follow(reads);
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(8);
    expect([...new Set(run.texts())]).toEqual(['Queued: waiting to be sent...', 'Sending...', 'Sent to 2 people']);
    expect(run.progress.at(-1)?.phase).toBe('final');
  });

  it(`gives up after ${MAX_FAILED_READS} failed reads in a row with the backend's message`, async () => {
    const reads = statusReads(ok(view({ status: 'sending', attempts: 1 })), failedRead);
    const run = follow(reads);
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(1 + MAX_FAILED_READS);
    expect([...new Set(run.texts())]).toEqual([
      'Queued: waiting to be sent...',
      'Sending...',
      "Could not check on the email: Issue Mailer could not reach its backend. Try again in a moment. Its status is in the History tab and in the admin's email log.",
    ]);
    expect(run.progress.at(-1)).toEqual({
      phase: 'unreadable',
      view: view({ status: 'sending', attempts: 1 }),
      error: UNREACHABLE,
    });
    expect(run.scheduler.pending).toBe(0);
  });

  it('keeps asking for 3 minutes, 12 reads in all, then stops without calling it failed', async () => {
    const reads = statusReads(ok(view({ status: 'queued' })));
    const run = follow(reads);
    await run.scheduler.advance(MAX_FOLLOW_MS - 1);
    expect(reads.calls).toHaveLength(11);
    expect(run.progress.at(-1)?.phase).toBe('following');

    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(12);
    expect(run.progress.at(-1)).toEqual({ phase: 'timedOut', view: view({ status: 'queued' }) });
    expect(run.texts().at(-1)).toBe("Still on its way. Its status is in the History tab and in the admin's email log.");
    expect(run.scheduler.pending).toBe(0);
  });

  it('ends at once when the send answer already says sent', async () => {
    const reads = statusReads(ok(view({ status: 'sent' })));
    const run = follow(reads, { ...SENT, status: 'sent', recipientCount: 1 });
    expect(run.texts()).toEqual(['Sent to 1 person']);
    expect(run.progress[0]?.phase).toBe('final');
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(0);
  });
});

describe('followDelivery and the dialog coming back into view', () => {
  it('does not read while the dialog is hidden, and reads at once when it is shown again', async () => {
    const reads = statusReads(ok(view({ status: 'sending', attempts: 1 })), ok(view({ status: 'sent' })));
    const run = follow(reads);
    await run.scheduler.advance(1000);
    expect(reads.calls).toHaveLength(1);
    run.attention.isHidden = true;
    await run.scheduler.advance(60_000);
    expect(reads.calls).toHaveLength(1);

    await run.attention.back();
    expect(reads.calls).toHaveLength(2);
    expect(run.progress.at(-1)?.phase).toBe('final');
    expect(run.attention.listening).toBe(0);
  });

  it(`reads at once when focused again ${BACK_READ_MIN_GAP_MS / 1000} s or more after the last read, then waits on`, async () => {
    const reads = statusReads(ok(view({ status: 'sending', attempts: 1 })));
    const run = follow(reads);
    await run.scheduler.advance(readTimes(6).at(-1) ?? 0);
    expect(reads.calls).toHaveLength(6);

    // Read 6 was just now: focus does not read again.
    await run.scheduler.advance(BACK_READ_MIN_GAP_MS - 1);
    await run.attention.back();
    expect(reads.calls).toHaveLength(6);
    await run.scheduler.advance(1);
    await run.attention.back();
    expect(reads.calls).toHaveLength(7);
    // The next read waits the wait after 7 reads (30 s) from this one; the old timer (due at 52 s) is gone.
    await run.scheduler.advance(pollDelay(7) - 1);
    expect(reads.calls).toHaveLength(7);
    await run.scheduler.advance(1);
    expect(reads.calls).toHaveLength(8);
    run.follower.stop();
  });

  it('stops after 3 minutes without reading when the dialog stayed hidden', async () => {
    const reads = statusReads(ok(view({ status: 'queued' })));
    const run = follow(reads);
    run.attention.isHidden = true;
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(0);
    expect(run.progress.at(-1)?.phase).toBe('following');
    await run.attention.back();
    await run.scheduler.advance(MAX_FOLLOW_MS);
    expect(reads.calls).toHaveLength(1);
    expect(run.progress.at(-1)).toEqual({ phase: 'timedOut', view: view({ status: 'queued' }) });
  });
});
