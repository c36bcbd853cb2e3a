import {
  BACK_READ_MIN_GAP_MS,
  type DeliveryProgress,
  followDelivery,
  MAX_FOLLOW_MS,
  POLL_DELAYS_MS,
  pollDelay,
} from '../../../static/issue-action/src/delivery-tracker';
import { follow, ManualScheduler, ok, readTimes, SENT, statusReads, view } from './support/delivery-fixtures';

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
