import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { TRACE_GRACE_MS, UNCERTAIN_MESSAGE } from '../../../src/outbox/trace-check';
import { StorageError } from '../../../src/storage/errors';
import { timeoutError } from '../support/fake-fetch';
import { found, graphError } from '../support/outbox-microsoft';
import { NOW, silenceWarnings } from '../support/resolvers';
import { iso, leftSending, LOOKUP, MESSAGE_ID, SEND_MAIL, setup } from './outbox-world';

describe('handleOutboxJob when an attempt may have gone out unheard', () => {
  silenceWarnings();

  it('treats a timeout as unsure and settles it as sent when the sender mailbox holds a sent copy: one send', async () => {
    const { world, microsoft, queueEmail, record, calls, history, laterPushes } = await setup();
    microsoft.sends.push(() => {
      throw timeoutError();
    });
    microsoft.lookups.push(() => found([{ id: 'sent-1', isDraft: false }]));
    await queueEmail();

    await expect(world.drainOutbox(1)).resolves.toEqual(['unsure']);
    const unsure = await record();
    expect(unsure).toMatchObject({
      status: 'retrying',
      unsure: { since: NOW },
      nextAttemptAt: NOW + 15_000,
      lastError: { code: 'GRAPH_TIMEOUT' },
    });
    expect(unsure?.events.at(-1)?.note).toBe(
      `Attempt 1: no answer from Microsoft 365 (${SEND_MAIL} timed out; the mail may or may not have been sent), so the email may ` +
        "have gone out. The sender's mailbox is checked before any new attempt.",
    );
    expect(laterPushes()).toEqual([15]);

    await expect(world.drainOutbox()).resolves.toEqual(['reconciled-sent']);
    const sent = await record();
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: NOW + 15_000,
      requestId: 'req-lookup',
      attempts: 1,
      followUps: [],
    });
    expect(sent).not.toHaveProperty('unsure');
    expect(sent?.events.at(-1)).toEqual({
      at: iso(NOW + 15_000),
      status: 'sent',
      note: "Found in the sender's Sent Items: the earlier attempt went out.",
      requestId: 'req-lookup',
    });
    expect(calls().sends).toHaveLength(1);
    expect(calls().lookups).toHaveLength(1);
    const lookup = new URL(calls().lookups[0]?.url ?? '');
    expect(lookup.searchParams.get('$filter')).toBe(`internetMessageId eq '${MESSAGE_ID}'`);
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ status: 'sent' }] });
    expect(world.issueData.comments_added).toHaveLength(1);
  });

  it('checks the mailbox when the platform redelivers the job whose invocation stopped after sending: one send', async () => {
    const { world, microsoft, job, record, calls } = await leftSending(true);
    microsoft.lookups.push(() => found([{ id: 'sent-1', isDraft: false }]));
    world.clock.now = NOW + 10_000;

    await expect(handleOutboxJob(job, { retryCount: 1 }, world.outbox)).resolves.toBe('reconciled-sent');

    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, sentAt: NOW + 10_000 });
    expect(stored?.events.slice(2).map((event) => [event.status, event.note])).toEqual([
      [
        'retrying',
        "Attempt 1 stopped before its outcome was recorded; the sender's mailbox is checked before any new attempt.",
      ],
      ['sent', "Found in the sender's Sent Items: the earlier attempt went out."],
    ]);
    expect(calls().sends).toHaveLength(1);
    expect(calls().lookups).toHaveLength(1);
  });

  it('waits for the trace while nothing is found within TRACE_GRACE_MS, then sends once', async () => {
    const { world, job, record, calls, laterPushes } = await leftSending(false);
    world.clock.now = NOW + 10_000;

    await expect(handleOutboxJob(job, { retryCount: 1 }, world.outbox)).resolves.toBe('waiting-for-trace');
    expect(await record()).toMatchObject({ status: 'retrying', unsure: { since: NOW }, nextAttemptAt: NOW + 25_000 });
    expect(laterPushes()).toEqual([15]);

    await expect(world.drainOutbox()).resolves.toEqual([
      'waiting-for-trace',
      'waiting-for-trace',
      'waiting-for-trace',
      'sent',
    ]);

    // Checked at 10, 25, 40 and 55 s; at 60 s "not found" is an answer.
    expect(laterPushes()).toEqual([15, 15, 15, 5]);
    expect(calls().lookups).toHaveLength(5);
    expect(calls().sends).toHaveLength(1);
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 2, sentAt: NOW + TRACE_GRACE_MS });
    expect(stored?.events.map((event) => event.note)).toContain(
      "Not in the sender's mailbox: the earlier attempt did not go out. Sending again.",
    );
  });

  it('fails as DELIVERY_UNCERTAIN when the mailbox cannot be searched (403)', async () => {
    const { world, microsoft, job, record, calls, history } = await leftSending(true);
    microsoft.lookups.push(() => graphError(403, 'ErrorAccessDenied'));
    world.clock.now = NOW + 10_000;

    await expect(handleOutboxJob(job, { retryCount: 1 }, world.outbox)).resolves.toBe('uncertain');

    const stored = await record();
    expect(stored).toMatchObject({
      status: 'failed',
      finishedAt: NOW + 10_000,
      lastError: { code: 'DELIVERY_UNCERTAIN', message: UNCERTAIN_MESSAGE },
      followUps: [],
    });
    expect(stored?.events.at(-1)?.note).toBe(
      `Could not search the sender's mailbox (${LOOKUP} answered 403 ErrorAccessDenied): whether the earlier attempt went out is unknown.`,
    );
    await expect(history()).resolves.toMatchObject({
      ok: true,
      data: [{ status: 'failed', error: UNCERTAIN_MESSAGE }],
    });
    expect(world.issueData.comments_added).toEqual([]);
    expect(calls().sends).toHaveLength(1);
  });

  it('tries the mailbox search again later when it answers 503, counting it as an attempt', async () => {
    const { world, microsoft, job, record, laterPushes } = await leftSending(false);
    microsoft.lookups.push(() => graphError(503, 'ServiceUnavailable'));
    world.clock.now = NOW + 10_000;

    await expect(handleOutboxJob(job, { retryCount: 1 }, world.outbox)).resolves.toBe('retry-scheduled');

    expect(await record()).toMatchObject({
      status: 'retrying',
      unsure: { since: NOW },
      roundAttempts: 2,
      nextAttemptAt: NOW + 14_000,
      lastError: { code: 'GRAPH_UNAVAILABLE' },
    });
    expect(laterPushes()).toEqual([4]);
  });

  it('deletes a leftover draft, then sends once', async () => {
    const { world, microsoft, job, record, calls } = await leftSending(false);
    microsoft.lookups.push(() => found([{ id: 'draft-9', isDraft: true }]));
    world.clock.now = NOW + 10_000;

    await expect(handleOutboxJob(job, { retryCount: 1 }, world.outbox)).resolves.toBe('sent');

    const { deletes, sends } = calls();
    expect(deletes.map((call) => call.url)).toEqual([
      'https://graph.microsoft.com/v1.0/users/support%40contoso.com/messages/draft-9',
    ]);
    expect(sends).toHaveLength(1);
    expect(world.microsoft.calls.indexOf(deletes[0]!)).toBeLessThan(world.microsoft.calls.indexOf(sends[0]!));
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 2 });
    expect(stored?.events.map((event) => event.note)).toContain(
      'The earlier attempt left an unsent draft; it was deleted and the email is sent again.',
    );
  });

  it('does not send again when storing "sent" fails after Microsoft 365 accepted: the redelivered job finds the sent copy', async () => {
    const { world, microsoft, queueEmail, record, calls } = await setup();
    await queueEmail();
    let failed = false;
    world.entities.onReplace = (key) => {
      if (!failed && world.entities.values.get(key)?.['status'] === 'sending') {
        failed = true;
        throw new StorageError('transact', key, { code: 'INTERNAL_SERVER_ERROR' });
      }
    };
    const job = world.queue.take();
    if (job === undefined) throw new Error('no job');

    // The job fails (the platform will deliver it again), leaving the claim in place.
    await expect(handleOutboxJob(job.job, { retryCount: 0 }, world.outbox)).rejects.toThrow(StorageError);
    expect(await record()).toMatchObject({ status: 'sending', attempt: { number: 1, ticket: job.job.ticket } });
    expect(world.queue.waiting()).toEqual([]);

    microsoft.lookups.push(() => found([{ id: 'sent-1', isDraft: false }]));
    world.clock.now = NOW + 10_000;
    await expect(handleOutboxJob(job.job, { retryCount: 1 }, world.outbox)).resolves.toBe('reconciled-sent');
    expect(calls().sends).toHaveLength(1);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
