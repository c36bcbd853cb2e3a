import type { PushEvent } from '@forge/events';

import type { IncomingJob } from '../../../../src/incoming/notifications/incoming-jobs';
import { createForgeIncomingQueue, handlerConcurrencyKey } from '../../../../src/incoming/queue/incoming-queue';
import { sha256Hex } from '../../../../src/shared/sha256-hex';

const recordingQueue = () => {
  const pushes: PushEvent[][] = [];
  let opened = 0;
  const open = async () => {
    opened += 1;
    return {
      push: async (events: PushEvent | PushEvent[]) => {
        pushes.push(Array.isArray(events) ? events : [events]);
        return { jobId: `job-${pushes.length}` };
      },
    };
  };
  return { open, pushes, opened: () => opened };
};

const job = (n: number, handlerId = 'h-support'): IncomingJob => ({
  kind: 'notified',
  handlerId,
  messageIds: [`AAMk-${n}`],
});

describe('the incoming-mail queue', () => {
  it('pushes each job with its handler as the concurrency key, one at a time per handler', async () => {
    const { open, pushes } = recordingQueue();
    await createForgeIncomingQueue(open).push([job(1), job(2, 'h-sales')]);
    expect(pushes).toEqual([
      [
        { body: job(1), concurrency: { key: `handler-${sha256Hex('h-support').slice(0, 32)}`, limit: 1 } },
        { body: job(2, 'h-sales'), concurrency: { key: handlerConcurrencyKey('h-sales'), limit: 1 } },
      ],
    ]);
  });

  it('pushes at most 50 events at once', async () => {
    const { open, pushes } = recordingQueue();
    await createForgeIncomingQueue(open).push(Array.from({ length: 120 }, (_, n) => job(n)));
    expect(pushes.map((events) => events.length)).toEqual([50, 50, 20]);
  });

  it.each([
    [60, 60],
    [0.2, 1],
    [5000, 900],
    [-3, undefined],
  ])('asks for %p s of delay and pushes delayInSeconds %p (whole seconds, 900 at most)', async (asked, pushed) => {
    const { open, pushes } = recordingQueue();
    await createForgeIncomingQueue(open).push([job(1)], { delaySeconds: asked });
    expect(pushes[0]?.[0]?.delayInSeconds).toBe(pushed);
  });

  it('opens no queue for nothing', async () => {
    const { open, opened } = recordingQueue();
    await createForgeIncomingQueue(open).push([]);
    expect(opened()).toBe(0);
  });

  it('lets the push failure through, for the caller to answer (the web trigger: 503)', async () => {
    const failing = async () => ({ push: () => Promise.reject(new Error('RateLimitError')) });
    await expect(createForgeIncomingQueue(failing).push([job(1)])).rejects.toThrow('RateLimitError');
  });
});
