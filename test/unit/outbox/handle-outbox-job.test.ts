import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { SLOT_SPACING_MS } from '../../../src/outbox/mailbox-pacer';
import { SLOT_LEAD_MS } from '../../../src/outbox/outbox-queue';
import { markedSent } from '../../../src/outbox/record-changes';
import { graphError } from '../support/outbox-microsoft';
import { emailIdOf, NOW, silenceWarnings } from '../support/resolvers';
import { DEADLINE_MS, ID, iso, leftSending, MESSAGE_ID, SEND_MAIL, setup } from './outbox-world';

describe('handleOutboxJob', () => {
  silenceWarnings();

  it('sends on the first job: one Graph send, the record sent with its request-id, history and comment done', async () => {
    const { world, queueEmail, record, calls, history, contentKeys } = await setup();
    await queueEmail();
    expect(world.queue.pushed.map((entry) => entry.delaySeconds)).toEqual([0]);
    expect(contentKeys()).toEqual([`email-content:${ID}.0`]);
    world.kv.resetOperations();

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    // The history entry and its thread index went in the sent status's own transaction: no write of their own.
    const historyWrites = world.kv.operations.filter(({ key }) => /email-history:|thread:/.test(key));
    expect(historyWrites).toEqual([
      { operation: 'setAll', key: expect.stringMatching(/^email-history:\S+ thread:[0-9a-f]{64}$/) as unknown },
    ]);
    expect(calls().sends).toHaveLength(1);
    expect(calls().sends[0]?.body).toContain(`"internetMessageId":"${MESSAGE_ID}"`);
    const stored = await record();
    expect(stored).toMatchObject({
      status: 'sent',
      attempts: 1,
      roundAttempts: 1,
      requestId: 'req-send-1',
      sentAt: NOW,
      finishedAt: NOW,
      followUps: [],
    });
    for (const field of ['attempt', 'lastError', 'nextAttemptAt', 'slotAt', 'unsure'])
      expect(stored).not.toHaveProperty(field);
    expect(stored?.events).toEqual([
      { at: iso(NOW), status: 'queued', note: 'Queued by Ursula User.' },
      { at: iso(NOW), status: 'sending', note: 'Attempt 1: handing the email to Microsoft 365.', attempt: 1 },
      {
        at: iso(NOW),
        status: 'sent',
        note: 'Sent: Microsoft 365 accepted the email (202 Accepted).',
        attempt: 1,
        requestId: 'req-send-1',
        from: 'support@contoso.com',
      },
    ]);
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ id: ID, status: 'sent', at: iso(NOW) }] });
    expect(world.issueData.comments_added).toEqual([
      { issueKey: 'DEMO-1', to: ['ada@example.com'], cc: [], subject: '[DEMO-1] Login page' },
    ]);
    expect(world.queue.pushed).toHaveLength(1);
    // The content stays as long as the log keeps the email, so the log can show the message as sent.
    expect(stored?.contentChunks).toBe(1);
    expect(contentKeys()).toEqual([`email-content:${ID}.0`]);
  });

  it('waits as long as Retry-After asks after a 429, then sends', async () => {
    const { world, microsoft, queueEmail, record, calls, laterPushes } = await setup();
    microsoft.sends.push(() => graphError(429, 'ApplicationThrottled', { 'Retry-After': '3' }));
    await queueEmail();

    await expect(world.drainOutbox(1)).resolves.toEqual(['retry-scheduled']);
    const retrying = await record();
    expect(retrying).toMatchObject({
      status: 'retrying',
      nextAttemptAt: NOW + 3000,
      attempts: 1,
      lastError: {
        code: 'GRAPH_THROTTLED',
        message: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
      },
    });
    expect(retrying).not.toHaveProperty('attempt');
    expect(retrying?.events.at(-1)).toEqual({
      at: iso(NOW),
      status: 'retrying',
      note: `Attempt 1 failed (${SEND_MAIL} answered 429 ApplicationThrottled); trying again in 3 s as Microsoft 365 asked (Retry-After).`,
      attempt: 1,
      error: {
        code: 'GRAPH_THROTTLED',
        message: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
      },
      from: 'support@contoso.com',
    });
    // The retry holds the pacing slot 3 s on; its job is delayed to half a second before it (SLOT_LEAD_MS), in seconds.
    expect(laterPushes()).toEqual([2]);

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const sent = await record();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, sentAt: NOW + 3000, requestId: 'req-send-2' });
    expect(sent).not.toHaveProperty('lastError');
    expect(calls().sends).toHaveLength(2);
  });

  it('backs off 4, 8 and 15 s (random 0.5) after 503s without Retry-After, then sends', async () => {
    const { world, microsoft, queueEmail, record, calls, laterPushes } = await setup();
    for (let index = 0; index < 3; index += 1) microsoft.sends.push(() => graphError(503, 'ServiceUnavailable'));
    await queueEmail();

    await expect(world.drainOutbox(1)).resolves.toEqual(['retry-scheduled']);
    expect(await record()).toMatchObject({
      status: 'retrying',
      nextAttemptAt: NOW + 4000,
      lastError: { code: 'GRAPH_UNAVAILABLE' },
    });
    expect((await record())?.events.at(-1)?.note).toBe(
      `Attempt 1 failed (${SEND_MAIL} answered 503 ServiceUnavailable); trying again in 4 s.`,
    );

    await expect(world.drainOutbox()).resolves.toEqual(['retry-scheduled', 'retry-scheduled', 'sent']);
    // Each retry's job is delayed to half a second before its slot (SLOT_LEAD_MS), in whole seconds.
    expect(laterPushes()).toEqual([3, 7, 14]);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 4, roundAttempts: 4, sentAt: NOW + 27_000 });
    expect(calls().sends).toHaveLength(4);
  });

  it('fails at once on 400 ErrorInvalidRecipients: a failed history entry with the message, no comment', async () => {
    const { world, microsoft, queueEmail, record, calls, history, contentKeys } = await setup();
    microsoft.sends.push(() => graphError(400, 'ErrorInvalidRecipients'));
    await queueEmail();

    await expect(world.drainOutbox()).resolves.toEqual(['failed']);

    const message = 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.';
    const stored = await record();
    expect(stored).toMatchObject({
      status: 'failed',
      attempts: 1,
      finishedAt: NOW,
      followUps: [],
      lastError: { code: 'GRAPH_INVALID_RECIPIENTS', message },
    });
    expect(stored?.events.at(-1)).toEqual({
      at: iso(NOW),
      status: 'failed',
      note: `Attempt 1 failed (${SEND_MAIL} answered 400 ErrorInvalidRecipients).`,
      attempt: 1,
      error: { code: 'GRAPH_INVALID_RECIPIENTS', message },
      from: 'support@contoso.com',
    });
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ id: ID, status: 'failed', error: message }] });
    expect(world.issueData.comments_added).toEqual([]);
    expect(calls().sends).toHaveLength(1);
    expect(world.queue.pushed).toHaveLength(1);
    // Kept for a resend.
    expect(stored?.contentChunks).toBe(1);
    expect(contentKeys()).toEqual([`email-content:${ID}.0`]);
  });

  it('fails after 8 retryable failures with "no attempts left (8)"', async () => {
    const { world, microsoft, queueEmail, record, calls, laterPushes } = await setup();
    for (let index = 0; index < 8; index += 1) microsoft.sends.push(() => graphError(503, 'ServiceUnavailable'));
    await queueEmail();

    await expect(world.drainOutbox()).resolves.toEqual([
      ...Array.from({ length: 7 }, () => 'retry-scheduled'),
      'failed',
    ]);

    expect(laterPushes()).toEqual([3, 7, 14, 29, 59, 119, 239]);
    const stored = await record();
    expect(stored).toMatchObject({
      status: 'failed',
      attempts: 8,
      roundAttempts: 8,
      finishedAt: NOW + 477_000,
      lastError: {
        code: 'GRAPH_UNAVAILABLE',
        message: 'Microsoft Graph is unavailable right now. Try again in a few minutes.',
        senderMessage: 'Microsoft 365 is unavailable right now. Try again in a few minutes.',
      },
    });
    expect(stored?.events.at(-1)?.note).toBe(
      `Attempt 8 failed (${SEND_MAIL} answered 503 ServiceUnavailable); no attempts left (8).`,
    );
    expect(calls().sends).toHaveLength(8);
  });

  it('answers busy to a second job while another holds a live attempt, and looks again at its deadline', async () => {
    const { world, job, record, calls, laterPushes } = await leftSending(false);
    await world.queue.push(ID, { mailbox: 'support@contoso.com', delaySeconds: 0 });

    await expect(world.drainOutbox(1)).resolves.toEqual(['busy']);
    // The very job that claimed it, delivered for the first time, is not a redelivery either.
    await expect(handleOutboxJob(job, { retryCount: 0 }, world.outbox)).resolves.toBe('busy');
    expect(laterPushes()).toEqual([0, (DEADLINE_MS + 1000) / 1000, (DEADLINE_MS + 1000) / 1000]);
    expect(await record()).toMatchObject({ status: 'sending', version: 2 });

    await expect(world.drainOutbox()).resolves.toEqual(['sent', 'already-final']);
    expect(calls().lookups).toHaveLength(1);
    expect(calls().sends).toHaveLength(1);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 2, sentAt: NOW + DEADLINE_MS + 1000 });
  });

  it('answers already-final to a job for a sent email, without calling Graph', async () => {
    const { world, queueEmail, calls } = await setup();
    await queueEmail();
    await world.drainOutbox();
    const before = world.microsoft.calls.length;
    await world.queue.push(ID, { mailbox: 'support@contoso.com', delaySeconds: 0 });

    await expect(world.drainOutbox()).resolves.toEqual(['already-final']);

    expect(world.microsoft.calls).toHaveLength(before);
    expect(calls().sends).toHaveLength(1);
    expect(world.issueData.comments_added).toHaveLength(1);
    expect(world.queue.pushed).toHaveLength(2);
  });

  it('runs the follow-ups still on a final record when the next job finds it (a stopped invocation left them)', async () => {
    const { world, queueEmail, record, history, contentKeys } = await setup();
    await queueEmail();
    const queued = await record();
    if (queued === undefined) throw new Error('no record');
    // Stored "sent", then the invocation stopped before its follow-ups.
    await world.records.replace(
      { ...markedSent(queued, NOW, 'Sent.', 'req-1'), version: queued.version + 1 },
      queued.version,
    );
    expect(await record()).toMatchObject({ status: 'sent', followUps: ['history', 'comment'], contentChunks: 1 });

    await expect(world.drainOutbox()).resolves.toEqual(['already-final']);

    expect(await record()).toMatchObject({ status: 'sent', followUps: [], contentChunks: 1 });
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ id: ID, status: 'sent' }] });
    expect(world.issueData.comments_added).toHaveLength(1);
    expect(contentKeys()).toEqual([`email-content:${ID}.0`]);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('logs and drops a follow-up that fails, and still does the others', async () => {
    const { world, queueEmail, record, history } = await setup();
    await queueEmail();
    // Written on its own (not in the sent status's transaction), the history entry fails.
    delete world.outbox.stageHistory;
    world.outbox.recordHistory = async () => Promise.reject(new TypeError('storage down'));

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    expect(await record()).toMatchObject({ status: 'sent', followUps: [] });
    await expect(history()).resolves.toEqual({ ok: true, data: [] });
    expect(world.issueData.comments_added).toHaveLength(1);
    expect(world.logLines).toEqual([`email ${ID}: the history after sent failed (TypeError)`]);
  });

  it('answers gone to a job for an email no longer in the log', async () => {
    const { world, queueEmail } = await setup();
    await queueEmail();
    await world.records.delete(ID);
    await expect(world.drainOutbox()).resolves.toEqual(['gone']);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('pushes an early job again for the time that remains', async () => {
    const { world, microsoft, queueEmail, record, laterPushes } = await setup();
    microsoft.sends.push(() => graphError(429, 'ApplicationThrottled', { 'Retry-After': '30' }));
    await queueEmail();
    await world.drainOutbox(1);
    world.clock.now = NOW + 10_000;
    await world.queue.push(ID, { mailbox: 'support@contoso.com', delaySeconds: 0 });

    await expect(world.drainOutbox(1)).resolves.toEqual(['early']);

    // Due on the retry's slot (30 s on): delayed to half a second before it, whole seconds.
    expect(laterPushes()).toEqual([29, 0, 19]);
    expect(await record()).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 30_000, attempts: 1 });
    await expect(world.drainOutbox()).resolves.toEqual(['sent', 'already-final']);
  });

  it('paces two emails queued together: the second waits for the next slot, both are sent', async () => {
    const { world, queueEmail, record, calls } = await setup();
    await queueEmail();
    await queueEmail();

    await expect(world.drainOutbox(2)).resolves.toEqual(['sent', 'paced']);
    expect(await record(emailIdOf(2))).toMatchObject({
      status: 'queued',
      slotAt: NOW + SLOT_SPACING_MS,
      nextAttemptAt: NOW + SLOT_SPACING_MS,
    });
    expect(world.queue.pushed.map((entry) => [entry.job.emailId, entry.delaySeconds])).toEqual([
      [emailIdOf(1), 0],
      [emailIdOf(2), 0],
      // Whole seconds, rounded down from half a second before the slot (SLOT_LEAD_MS): a job that comes early waits the
      // rest of the way to its slot in its run.
      [emailIdOf(2), Math.floor((SLOT_SPACING_MS - SLOT_LEAD_MS) / 1000)],
    ]);

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await record(emailIdOf(1))).toMatchObject({ status: 'sent', sentAt: NOW });
    expect(await record(emailIdOf(2))).toMatchObject({ status: 'sent', sentAt: NOW + SLOT_SPACING_MS });
    expect(calls().sends).toHaveLength(2);
  });

  it('writes the outcome again from a fresh read when another writer got in first, and still sends once', async () => {
    const { world, queueEmail, record, calls } = await setup();
    await queueEmail();
    let raced = false;
    world.entities.onReplace = (key) => {
      if (!raced && world.entities.values.get(key)?.['status'] === 'sending') {
        raced = true;
        world.entities.conflictsBeforeReplace = 1;
      }
    };

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    expect(raced).toBe(true);
    expect(calls().sends).toHaveLength(1);
    // queued 1, claimed 2, the lost write bumped it to 3, sent with its follow-ups done 4.
    expect(await record()).toMatchObject({ status: 'sent', version: 4, followUps: [] });
  });

  it('claims again from a fresh read when the claim loses a race, and still sends once', async () => {
    const { world, queueEmail, record, calls } = await setup();
    await queueEmail();
    world.entities.conflictsBeforeReplace = 1;

    // The slot reserved for the lost claim is not reused: the fresh round takes the next one.
    await expect(world.drainOutbox()).resolves.toEqual(['paced', 'sent']);

    expect(calls().sends).toHaveLength(1);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gets one fresh token when Graph answers 401 InvalidAuthenticationToken, within one attempt', async () => {
    const { world, microsoft, queueEmail, record, calls } = await setup();
    microsoft.sends.push(() => graphError(401, 'InvalidAuthenticationToken'));
    await queueEmail();

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    expect(calls().tokens).toHaveLength(2);
    expect(calls().sends).toHaveLength(2);
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, requestId: 'req-send-2' });
    expect(stored?.events.map((event) => event.status)).toEqual(['queued', 'sending', 'sent']);
  });
});
