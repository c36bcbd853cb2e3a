import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { SLOT_SPACING_MS } from '../../../src/outbox/mailbox-pacer';
import { markedSent } from '../../../src/outbox/record-changes';
import { TRACE_GRACE_MS, UNCERTAIN_MESSAGE } from '../../../src/outbox/trace-check';
import { StorageError } from '../../../src/storage/errors';
import { timeoutError } from '../support/fake-fetch';
import { callsOf, found, graphError, outboxMicrosoft } from '../support/outbox-microsoft';
import { configuredWorld, emailIdOf, issueRequest, NOW, silenceWarnings } from '../support/resolvers';
import { stoppingDeps } from './outbox-fixtures';

const ID = emailIdOf(1);
const MESSAGE_ID = `<${ID}.demo-1@contoso.com>`;
const SEND_MAIL = 'POST graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail';
const LOOKUP = 'GET graph.microsoft.com/v1.0/users/support%40contoso.com/messages';
const DEADLINE_MS = 300_000 + 30_000;
const iso = (ms: number) => new Date(ms).toISOString();
const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };

const setup = async () => {
  const microsoft = outboxMicrosoft();
  const world = await configuredWorld({ microsoft: microsoft.handler });
  const queueEmail = async () => {
    const answer = await world.issueAction.sendIssueEmail(issueRequest(payload));
    expect(answer).toMatchObject({ ok: true, data: { status: 'queued' } });
  };
  const record = async (id = ID) => world.records.get(id);
  const calls = () => callsOf(world.microsoft.calls);
  const history = async () => world.issueAction.listEmailHistory(issueRequest({}));
  const contentKeys = () => [...world.kv.plain.keys()].filter((key) => key.startsWith('email-content:'));
  /** Delays of the jobs pushed after the first (the one enqueueing pushed). */
  const laterPushes = () => world.queue.pushed.slice(1).map((entry) => entry.delaySeconds);
  return { world, microsoft, queueEmail, record, calls, history, contentKeys, laterPushes };
};

/** Queues an email and runs its first job until the invocation stops; the record is left `sending`. */
const leftSending = async (afterGraph: boolean) => {
  const context = await setup();
  await context.queueEmail();
  const first = context.world.queue.take();
  if (first === undefined) throw new Error('no job');
  await expect(handleOutboxJob(first.job, { retryCount: 0 }, stoppingDeps(context.world.outbox, afterGraph))).rejects.toThrow(
    'the invocation stopped',
  );
  expect(await context.record()).toMatchObject({
    status: 'sending',
    attempt: { number: 1, ticket: first.job.ticket, startedAt: NOW, deadlineAt: NOW + DEADLINE_MS },
  });
  return { ...context, job: first.job };
};

describe('handleOutboxJob', () => {
  silenceWarnings();

  it('sends on the first job: one Graph send, the record sent with its request-id, history and comment done', async () => {
    const { world, queueEmail, record, calls, history, contentKeys } = await setup();
    await queueEmail();
    expect(world.queue.pushed.map((entry) => entry.delaySeconds)).toEqual([0]);
    expect(contentKeys()).toEqual([`email-content:${ID}.0`]);

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    expect(calls().sends).toHaveLength(1);
    expect(calls().sends[0]?.body).toContain(`"internetMessageId":"${MESSAGE_ID}"`);
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, roundAttempts: 1, requestId: 'req-send-1', sentAt: NOW, finishedAt: NOW, followUps: [] });
    for (const field of ['attempt', 'lastError', 'nextAttemptAt', 'slotAt', 'unsure']) expect(stored).not.toHaveProperty(field);
    expect(stored?.events).toEqual([
      { at: iso(NOW), status: 'queued', note: 'Queued by Ursula User.' },
      { at: iso(NOW), status: 'sending', note: 'Attempt 1: handing the email to Microsoft 365.', attempt: 1 },
      { at: iso(NOW), status: 'sent', note: 'Sent: Microsoft 365 accepted the email (202 Accepted).', attempt: 1, requestId: 'req-send-1' },
    ]);
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ id: ID, status: 'sent', at: iso(NOW) }] });
    expect(world.issueData.comments_added).toEqual([{ issueKey: 'DEMO-1', to: ['ada@example.com'], cc: [], subject: '[DEMO-1] Login page' }]);
    expect(world.queue.pushed).toHaveLength(1);
    // Only a failed email can be resent: a sent one's content is forgotten.
    expect(stored?.contentChunks).toBe(0);
    expect(contentKeys()).toEqual([]);
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
      lastError: { code: 'GRAPH_THROTTLED', message: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.' },
    });
    expect(retrying).not.toHaveProperty('attempt');
    expect(retrying?.events.at(-1)).toEqual({
      at: iso(NOW),
      status: 'retrying',
      note: `Attempt 1 failed (${SEND_MAIL} answered 429 ApplicationThrottled); trying again in 3 s as Microsoft 365 asked (Retry-After).`,
      attempt: 1,
      error: { code: 'GRAPH_THROTTLED', message: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.' },
    });
    expect(laterPushes()).toEqual([3]);

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
    expect(await record()).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 4000, lastError: { code: 'GRAPH_UNAVAILABLE' } });
    expect((await record())?.events.at(-1)?.note).toBe(`Attempt 1 failed (${SEND_MAIL} answered 503 ServiceUnavailable); trying again in 4 s.`);

    await expect(world.drainOutbox()).resolves.toEqual(['retry-scheduled', 'retry-scheduled', 'sent']);
    expect(laterPushes()).toEqual([4, 8, 15]);
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

    await expect(world.drainOutbox()).resolves.toEqual([...Array.from({ length: 7 }, () => 'retry-scheduled'), 'failed']);

    expect(laterPushes()).toEqual([4, 8, 15, 30, 60, 120, 240]);
    const stored = await record();
    expect(stored).toMatchObject({
      status: 'failed',
      attempts: 8,
      roundAttempts: 8,
      finishedAt: NOW + 477_000,
      lastError: { code: 'GRAPH_UNAVAILABLE', message: 'Microsoft Graph is unavailable right now. Try again in a few minutes.' },
    });
    expect(stored?.events.at(-1)?.note).toBe(`Attempt 8 failed (${SEND_MAIL} answered 503 ServiceUnavailable); no attempts left (8).`);
    expect(calls().sends).toHaveLength(8);
  });

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
    expect(sent).toMatchObject({ status: 'sent', sentAt: NOW + 15_000, requestId: 'req-lookup', attempts: 1, followUps: [] });
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
      ['retrying', "Attempt 1 stopped before its outcome was recorded; the sender's mailbox is checked before any new attempt."],
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

    await expect(world.drainOutbox()).resolves.toEqual(['waiting-for-trace', 'waiting-for-trace', 'waiting-for-trace', 'sent']);

    // Checked at 10, 25, 40 and 55 s; at 60 s "not found" is an answer.
    expect(laterPushes()).toEqual([15, 15, 15, 5]);
    expect(calls().lookups).toHaveLength(5);
    expect(calls().sends).toHaveLength(1);
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 2, sentAt: NOW + TRACE_GRACE_MS });
    expect(stored?.events.map((event) => event.note)).toContain("Not in the sender's mailbox: the earlier attempt did not go out. Sending again.");
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
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ status: 'failed', error: UNCERTAIN_MESSAGE }] });
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
    expect(deletes.map((call) => call.url)).toEqual(['https://graph.microsoft.com/v1.0/users/support%40contoso.com/messages/draft-9']);
    expect(sends).toHaveLength(1);
    expect(world.microsoft.calls.indexOf(deletes[0]!)).toBeLessThan(world.microsoft.calls.indexOf(sends[0]!));
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', attempts: 2 });
    expect(stored?.events.map((event) => event.note)).toContain(
      'The earlier attempt left an unsent draft; it was deleted and the email is sent again.',
    );
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
    await world.records.replace({ ...markedSent(queued, NOW, 'Sent.', 'req-1'), version: queued.version + 1 }, queued.version);
    expect(await record()).toMatchObject({ status: 'sent', followUps: ['history', 'comment', 'content'], contentChunks: 1 });

    await expect(world.drainOutbox()).resolves.toEqual(['already-final']);

    expect(await record()).toMatchObject({ status: 'sent', followUps: [], contentChunks: 0 });
    await expect(history()).resolves.toMatchObject({ ok: true, data: [{ id: ID, status: 'sent' }] });
    expect(world.issueData.comments_added).toHaveLength(1);
    expect(contentKeys()).toEqual([]);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('logs and drops a follow-up that fails, and still does the others', async () => {
    const { world, queueEmail, record, history } = await setup();
    await queueEmail();
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

    expect(laterPushes()).toEqual([30, 0, 20]);
    expect(await record()).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 30_000, attempts: 1 });
    await expect(world.drainOutbox()).resolves.toEqual(['sent', 'already-final']);
  });

  it('paces two emails queued together: the second waits for the next slot, both are sent', async () => {
    const { world, queueEmail, record, calls } = await setup();
    await queueEmail();
    await queueEmail();

    await expect(world.drainOutbox(2)).resolves.toEqual(['sent', 'paced']);
    expect(await record(emailIdOf(2))).toMatchObject({ status: 'queued', slotAt: NOW + SLOT_SPACING_MS, nextAttemptAt: NOW + SLOT_SPACING_MS });
    expect(world.queue.pushed.map((entry) => [entry.job.emailId, entry.delaySeconds])).toEqual([
      [emailIdOf(1), 0],
      [emailIdOf(2), 0],
      [emailIdOf(2), Math.ceil(SLOT_SPACING_MS / 1000)],
    ]);

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await record(emailIdOf(1))).toMatchObject({ status: 'sent', sentAt: NOW });
    expect(await record(emailIdOf(2))).toMatchObject({ status: 'sent', sentAt: NOW + 3000 });
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
    // queued 1, claimed 2, the lost write bumped it to 3, sent 4, follow-ups done 5.
    expect(await record()).toMatchObject({ status: 'sent', version: 5, followUps: [] });
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
