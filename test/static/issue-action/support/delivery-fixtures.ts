import type { EmailDeliveryView } from '../../../../src/contract/email-log';
import type { SentIssueEmail } from '../../../../src/contract/issue-email';
import type { ResolverResult } from '../../../../src/contract/result';
import { deliveryText } from '../../../../static/issue-action/src/delivery-text';
import {
  type DeliveryProgress,
  type DialogAttention,
  followDelivery,
  pollDelay,
  type PollScheduler,
} from '../../../../static/issue-action/src/delivery-tracker';

export const EMAIL_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
export const SENT: SentIssueEmail = {
  issueKey: 'DEMO-1',
  emailId: EMAIL_ID,
  queuedAt: '2026-11-12T21:14:00.000Z',
  status: 'queued',
  recipientCount: 2,
};
export const UNREACHABLE = {
  code: 'INTERNAL_ERROR',
  message: 'Issue Mailer could not reach its backend. Try again in a moment.',
};

/** A clock that moves only when told, running the timers that fall due (and the answers they wait for). */
export class ManualScheduler implements PollScheduler {
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

export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export const view = (patch: Partial<EmailDeliveryView>): EmailDeliveryView => ({
  emailId: EMAIL_ID,
  status: 'queued',
  attempts: 0,
  recipientCount: 2,
  ...patch,
});

/** Answers reads in order; the last answer repeats. */
export const statusReads = (...answers: ResolverResult<EmailDeliveryView>[]) => {
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
export class ManualAttention implements DialogAttention {
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

export const follow = (reads: ReturnType<typeof statusReads>, sent: SentIssueEmail = SENT) => {
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
export const readTimes = (count: number) => {
  const times: number[] = [];
  for (let index = 0, at = 0; index < count; index += 1) times.push((at += pollDelay(index)));
  return times;
};

export const ok = (data: EmailDeliveryView): ResolverResult<EmailDeliveryView> => ({ ok: true, data });
export const failedRead: ResolverResult<EmailDeliveryView> = { ok: false, error: UNREACHABLE };
