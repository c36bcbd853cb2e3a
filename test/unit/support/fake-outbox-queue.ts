import type { OutboxJob, OutboxQueue } from '../../../src/outbox/outbox-queue';

export interface PushedJob {
  job: OutboxJob;
  mailbox: string;
  delaySeconds: number;
  /** When it was pushed (the test clock). */
  pushedAt: number;
}

/** The outbox queue in memory: jobs are kept until a test takes them; tickets count up. */
export class FakeOutboxQueue implements OutboxQueue {
  readonly pushed: PushedJob[] = [];
  private pending: PushedJob[] = [];
  private tickets = 0;
  failNext: Error | undefined;

  constructor(private readonly clock: () => number) {}

  async push(emailId: string, options: { mailbox: string; delaySeconds: number }): Promise<OutboxJob> {
    if (this.failNext !== undefined) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    this.tickets += 1;
    const entry: PushedJob = {
      job: { emailId, ticket: `ticket-${this.tickets}` },
      mailbox: options.mailbox,
      delaySeconds: Math.min(900, Math.max(0, Math.ceil(options.delaySeconds))),
      pushedAt: this.clock(),
    };
    this.pushed.push(entry);
    this.pending.push(entry);
    return entry.job;
  }

  /** Jobs not yet taken, soonest due first. */
  waiting(): PushedJob[] {
    return [...this.pending].sort((a, b) => dueAt(a) - dueAt(b));
  }

  /** Takes the soonest due job. */
  take(): PushedJob | undefined {
    const [next] = this.waiting();
    if (next !== undefined) this.pending = this.pending.filter((entry) => entry !== next);
    return next;
  }
}

export const dueAt = (entry: PushedJob): number => entry.pushedAt + entry.delaySeconds * 1000;
