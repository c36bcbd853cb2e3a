import type { EmailDeliveryView } from '../../../src/contract/email-log';
import type { ResolverResult } from '../../../src/contract/result';
import { deliveryText } from '../../../static/issue-action/src/delivery-text';
import {
  type DeliveryProgress,
  followDelivery,
  MAX_FAILED_READS,
  MAX_FOLLOW_MS,
  pollDelay,
} from '../../../static/issue-action/src/delivery-tracker';
import {
  EMAIL_ID,
  failedRead,
  follow,
  ManualScheduler,
  ok,
  readTimes,
  SENT,
  settle,
  statusReads,
  UNREACHABLE,
  view,
} from './support/delivery-fixtures';

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
