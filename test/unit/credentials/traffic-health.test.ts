import { createTrafficHealth, TRAFFIC_QUIET_MS } from '../../../src/credentials/traffic-health';
import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { setup } from '../outbox/outbox-world';
import { MemoryKvStore } from '../support/memory-kv-store';
import { graphError } from '../support/outbox-microsoft';
import { adminRequest, NOW, silenceWarnings } from '../support/resolvers';

const REFUSAL = {
  code: 'GRAPH_INVALID_RECIPIENTS',
  message: 'Microsoft 365 could not resolve at least one recipient.',
};

describe("a credential's health from real traffic", () => {
  silenceWarnings();

  it('writes one key per outcome, blind (no read), and nothing again for the same outcome within the quiet time', async () => {
    const kv = new MemoryKvStore();
    const traffic = createTrafficHealth(kv, new Map());

    await traffic.recordAccepted('cred-1', NOW);
    expect(kv.operations).toEqual([{ operation: 'set', key: 'credential-sent:cred-1' }]);
    kv.resetOperations();
    await traffic.recordAccepted('cred-1', NOW + TRAFFIC_QUIET_MS - 1);
    expect(kv.count()).toBe(0);
    await traffic.recordAccepted('cred-1', NOW + TRAFFIC_QUIET_MS);
    expect(kv.operations).toEqual([{ operation: 'set', key: 'credential-sent:cred-1' }]);

    kv.resetOperations();
    await traffic.recordRefused('cred-1', NOW, REFUSAL);
    await traffic.recordRefused('cred-1', NOW + 1000, REFUSAL);
    // Another reason is news.
    await traffic.recordRefused('cred-1', NOW + 2000, { code: 'GRAPH_MAILBOX_NOT_FOUND', message: 'No such mailbox.' });
    expect(kv.operations).toEqual([
      { operation: 'set', key: 'credential-refused:cred-1' },
      { operation: 'set', key: 'credential-refused:cred-1' },
    ]);

    await expect(traffic.read('cred-1')).resolves.toEqual({
      lastAccepted: { at: new Date(NOW + TRAFFIC_QUIET_MS).toISOString() },
      lastRefused: {
        at: new Date(NOW + 2000).toISOString(),
        code: 'GRAPH_MAILBOX_NOT_FOUND',
        message: 'No such mailbox.',
      },
    });
    await expect(traffic.read('cred-2')).resolves.toEqual({});
  });

  it('clips a long refusal message', async () => {
    const kv = new MemoryKvStore();
    const traffic = createTrafficHealth(kv, new Map());
    await traffic.recordRefused('cred-1', NOW, { code: 'X', message: 'y'.repeat(500) });
    const read = await traffic.read('cred-1');
    expect(read.lastRefused?.message).toHaveLength(200);
    expect(read.lastRefused?.message.endsWith('\u2026')).toBe(true);
  });

  it('records an accepted send from the outbox with one kvs operation in all, and the list shows it', async () => {
    const sendOne = async (withTraffic: boolean) => {
      const { world, queueEmail } = await setup();
      await queueEmail();
      const job = world.queue.take();
      if (job === undefined) throw new Error('no job');
      world.kv.resetOperations();
      const deps = withTraffic ? world.outbox : { ...world.outbox, traffic: undefined };
      await expect(handleOutboxJob(job.job, { retryCount: 0 }, deps)).resolves.toBe('sent');
      return { world, operations: world.kv.operations.map((entry) => `${entry.operation} ${entry.key}`) };
    };
    const without = await sendOne(false);
    const { world, operations } = await sendOne(true);
    expect(operations.filter((line) => !without.operations.includes(line))).toEqual(['set credential-sent:cred-1']);
    expect(operations).toHaveLength(without.operations.length + 1);

    const listed = await world.admin.listCredentials(adminRequest({}));
    expect(listed).toMatchObject({
      ok: true,
      data: [{ id: 'cred-1', traffic: { lastAccepted: { at: new Date(NOW).toISOString() } } }],
    });
  });

  it("records Microsoft's final refusal with the log's safe code and message, but not a throttled attempt", async () => {
    const { world, microsoft, queueEmail } = await setup();
    microsoft.sends.push(() => graphError(429, 'ApplicationThrottled', { 'Retry-After': '3' }));
    microsoft.sends.push(() => graphError(400, 'ErrorInvalidRecipients'));
    await queueEmail();
    await expect(world.drainOutbox()).resolves.toEqual(['retry-scheduled', 'failed']);

    const listed = await world.admin.listCredentials(adminRequest({}));
    expect(listed.ok && listed.data[0]?.traffic).toEqual({
      lastRefused: {
        at: new Date(world.clock.now).toISOString(),
        code: 'GRAPH_INVALID_RECIPIENTS',
        message: 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
      },
    });
  });

  it('keeps the email sent when the health write fails, and logs it without details', async () => {
    const { world, queueEmail, record } = await setup();
    await queueEmail();
    const job = world.queue.take();
    if (job === undefined) throw new Error('no job');
    const failing = {
      recordAccepted: () => Promise.reject(new Error('kvs down')),
      recordRefused: () => Promise.resolve(),
    };
    await expect(handleOutboxJob(job.job, { retryCount: 0 }, { ...world.outbox, traffic: failing })).resolves.toBe(
      'sent',
    );
    expect(await record()).toMatchObject({ status: 'sent' });
    expect(world.logLines).toContain('credential health not recorded: Error');
  });
});
