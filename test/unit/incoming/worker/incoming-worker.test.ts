import { runIncomingJob } from '../../../../src/consumers/incoming-worker';
import { readIncomingJob } from '../../../../src/incoming/notifications/read-incoming-job';
import { inboundMessage } from '../process/process-world';
import { workerWorld } from './worker-world';

describe('the incoming-mail consumer', () => {
  it.each([
    [{ kind: 'notified', handlerId: 'h-1', messageIds: ['AAMk-1'] }, true],
    [{ kind: 'message', handlerId: 'h-1', messageId: 'AAMk-1', processAgain: true, attempt: 2 }, true],
    [{ kind: 'lifecycle', handlerId: 'h-1', subscriptionId: 's-1', event: 'missed' }, true],
    [{ kind: 'delta', handlerId: 'h-1' }, true],
    [{ kind: 'notified', handlerId: 'h-1' }, false],
    [{ kind: 'notified', handlerId: 'h-1', messageIds: [] }, false],
    [{ kind: 'message', handlerId: 'h-1' }, false],
    [{ kind: 'lifecycle', handlerId: 'h-1', subscriptionId: 's-1', event: 'created' }, false],
    [{ kind: 'delta', handlerId: 'H 1' }, false],
    [{ kind: 'resend', handlerId: 'h-1' }, false],
    ['notified', false],
  ])('reads %j as a job: %p', (body, ok) => {
    const job = readIncomingJob(body);
    if (ok) expect(job).toEqual(body);
    else expect(job).toBeUndefined();
  });

  it('reads a message job queued before the rename (its id as graphMessageId) as the same job', () => {
    expect(readIncomingJob({ kind: 'message', handlerId: 'h-1', graphMessageId: 'AAMk-1', attempt: 2 })).toEqual({
      kind: 'message',
      handlerId: 'h-1',
      messageId: 'AAMk-1',
      attempt: 2,
    });
    // Both names: the new one is read.
    expect(readIncomingJob({ kind: 'message', handlerId: 'h-1', messageId: 'new', graphMessageId: 'old' })).toEqual({
      kind: 'message',
      handlerId: 'h-1',
      messageId: 'new',
    });
  });

  it('processes a message job queued before the rename', async () => {
    const world = workerWorld();
    world.mailbox.put(inboundMessage());
    const answer = await runIncomingJob(
      { body: { kind: 'message', handlerId: 'h-support', graphMessageId: 'AAMk-1' } },
      world.deps,
    );
    expect(answer).toEqual({ outcome: 'processed' });
    expect(world.processing.jira.issues.size).toBe(1);
  });

  it('drops what is no job, with a log line', async () => {
    const world = workerWorld();
    expect(await runIncomingJob({ body: { kind: 'what' } }, world.deps)).toEqual({ outcome: 'invalid-job' });
    expect(world.logs).toEqual(['incoming mail: dropped an event that is not an incoming-mail job']);
  });

  it('asks the platform to run a job again when it stopped, naming only the error class and code', async () => {
    const world = workerWorld();
    world.deps.connection = () => Promise.reject(new Error('secret-laden message'));
    const answer = await runIncomingJob({ body: { kind: 'delta', handlerId: 'h-support' } }, world.deps);
    expect(answer).toMatchObject({ retryOptions: { retryAfter: 60 } });
    expect(world.logs).toEqual(['incoming mail: handler h-support: the delta job stopped (Error); retried']);
  });
});
