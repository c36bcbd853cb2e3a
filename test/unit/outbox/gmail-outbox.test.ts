import { TraceUnavailableError } from '../../../src/delivery/errors';
import type { DeliveryResult } from '../../../src/mail-model/outgoing-message';
import type { OutgoingMessage } from '../../../src/mail-model/outgoing-message';
import type { MessageTrace } from '../../../src/mail-model/outgoing-message';
import { describeDeliveryFailure } from '../../../src/messages/error-answers';
import { createEmailContentStore } from '../../../src/outbox/email-contents';
import { createEmailRecordStore } from '../../../src/outbox/email-records';
import { enqueueEmail } from '../../../src/outbox/enqueue-email';
import { DAILY_LIMIT_PAUSE_SECONDS } from '../../../src/outbox/failure-kind';
import { handleOutboxJob, type JobOutcome } from '../../../src/outbox/handle-outbox-job';
import { createMailboxPacer, PACE_SPACING_MS } from '../../../src/outbox/mailbox-pacer';
import type { OutboxDeps } from '../../../src/outbox/outbox-deps';
import { WORKER_TIME_LIMIT_MS } from '../../../src/outbox/worker-limits';
import { GmailError, GmailErrorCode } from '../../../src/providers/google/gmail/gmail-errors';
import { acceptedNote } from '../../../src/providers/words';
import { googleCredential } from '../providers/google/delivery/google-credential-fixture';
import { FakeOutboxQueue } from '../support/fake-outbox-queue';
import { MemoryEntityStore } from '../support/memory-entity-store';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2026-12-07T01:00:00Z');
const ID = 'e-1';
const MESSAGE_ID = '<e-1.demo-1@example-google.test>';
const iso = (ms: number) => new Date(ms).toISOString();

type Step = (message: OutgoingMessage) => DeliveryResult | Error;

const sentByGmail: Step = () => ({
  requestId: undefined,
  clientRequestId: '',
  attempts: 1,
  delivery: 'gmail-multipart',
  internetMessageId: MESSAGE_ID,
  messageId: 'g-1',
});

/** The outbox with a Google credential (gmail.send only unless `incoming`), Gmail's answers scripted in turn. */
const world = (
  steps: Step[],
  trace: () => Promise<MessageTrace> = async () => ({ found: 'nothing', requestId: undefined }),
  incoming = false,
) => {
  const clock = { now: NOW };
  const records = createEmailRecordStore(new MemoryEntityStore());
  const contents = createEmailContentStore(new MemoryKvStore());
  const queue = new FakeOutboxQueue(() => clock.now);
  const pacer = createMailboxPacer(new MemoryEntityStore({}));
  const credential = googleCredential({}, incoming);
  const sent: OutgoingMessage[] = [];
  const deps: OutboxDeps = {
    records,
    contents,
    queue,
    pacer,
    credential: async () => credential,
    send: async (_credential, message) => {
      sent.push(message);
      const answer = steps.shift()?.(message) ?? new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    },
    findMessage: () => trace(),
    deleteDraft: async () => undefined,
    openAttachment: async () => (async function* none() {})(),
    recordHistory: async () => undefined,
    addComment: async () => undefined,
    acceptedNote,
    describe: describeDeliveryFailure,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
    random: () => 0.5,
    attemptTimeLimitMs: WORKER_TIME_LIMIT_MS,
    log: () => undefined,
  };
  const queueEmail = () =>
    enqueueEmail(
      {
        emailId: ID,
        issue: { id: '10001', key: 'DEMO-1' },
        credential: { id: credential.id, senderMailbox: credential.senderMailbox, provider: credential.provider },
        internetMessageId: MESSAGE_ID,
        requestedBy: { accountId: 'user-1', name: 'Ursula User' },
        listed: { to: ['ada@example.com'], cc: [] },
        content: {
          subject: '[DEMO-1] Login page',
          html: '<p>Please look</p>',
          to: ['ada@example.com'],
          cc: [],
          bcc: [],
          headers: [],
          attachments: [],
        },
        commentAfterSend: false,
      },
      { records, contents, queue, pacer, now: () => clock.now, log: () => undefined },
    );
  /** Runs the next job at its time. */
  const runNext = async (): Promise<JobOutcome> => {
    const next = queue.take();
    if (next === undefined) throw new Error('no job');
    clock.now = Math.max(clock.now, next.pushedAt + next.delaySeconds * 1000);
    return handleOutboxJob(next.job, { retryCount: 0 }, deps);
  };
  return { clock, queue, queueEmail, runNext, record: () => records.get(ID), sent };
};

describe('the outbox with a Google Workspace credential', () => {
  it('notes the provider on the record and names Gmail in the log', async () => {
    const { queueEmail, runNext, record, sent } = world([sentByGmail]);
    await expect(queueEmail()).resolves.toMatchObject({ provider: 'google-workspace' });
    await expect(runNext()).resolves.toBe('sent');
    expect(sent.map((message) => message.internetMessageId)).toEqual([MESSAGE_ID]);
    const stored = await record();
    expect(stored).toMatchObject({ status: 'sent', provider: 'google-workspace', attempts: 1 });
    expect(stored?.requestId).toBeUndefined();
    expect(stored?.events).toEqual([
      { at: iso(NOW), status: 'queued', note: 'Queued by Ursula User.' },
      { at: iso(NOW), status: 'sending', note: 'Attempt 1: handing the email to Gmail.', attempt: 1 },
      {
        at: iso(NOW),
        status: 'sent',
        note: 'Sent: Gmail accepted the email (Gmail message g-1).',
        attempt: 1,
        from: 'support@example-google.test',
      },
    ]);
  });

  it("waits an hour at Gmail's daily sending limit without using up an attempt, then sends", async () => {
    const limit = new GmailError(
      GmailErrorCode.DailyLimit,
      'POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send answered 429 (rateLimitExceeded).',
      { status: 429, reason: 'rateLimitExceeded' },
    );
    const { queueEmail, runNext, record, queue } = world([() => limit, () => limit, sentByGmail]);
    await queueEmail();
    await expect(runNext()).resolves.toBe('retry-scheduled');
    const paused = await record();
    expect(paused).toMatchObject({
      status: 'retrying',
      attempts: 1,
      roundAttempts: 0,
      nextAttemptAt: NOW + DAILY_LIMIT_PAUSE_SECONDS * 1000,
      lastError: { code: 'GMAIL_DAILY_LIMIT' },
    });
    expect(paused?.events.at(-1)?.note).toBe(
      "Attempt 1: the sender's mailbox reached Gmail's daily sending limit (POST " +
        'gmail.googleapis.com/upload/gmail/v1/users/me/messages/send answered 429 (rateLimitExceeded)); trying ' +
        'again in 3600 s. The wait does not use up an attempt.',
    );
    // The queue delays at most 15 minutes: the job comes back early and is pushed on until the hour is over.
    expect(queue.pushed.at(-1)?.delaySeconds).toBe(900);
    const outcomes: JobOutcome[] = [];
    for (let round = 0; round < 12 && outcomes.at(-1) !== 'sent'; round += 1) outcomes.push(await runNext());
    expect(outcomes).toEqual(['early', 'early', 'early', 'retry-scheduled', 'early', 'early', 'early', 'sent']);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 3, roundAttempts: 1 });
  });

  it('settles an unanswered send as uncertain, naming Gmail, when gmail.send cannot search the mailbox', async () => {
    const timeout = new GmailError(
      GmailErrorCode.Timeout,
      'POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send timed out.',
    );
    const { queueEmail, runNext, record } = world([() => timeout], async () => {
      throw new TraceUnavailableError('The Google Workspace credential "Google support" may only send (gmail.send).');
    });
    await queueEmail();
    await expect(runNext()).resolves.toBe('unsure');
    expect((await record())?.events.at(-1)?.note).toBe(
      'Attempt 1: no answer from Gmail (POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send timed ' +
        "out), so the email may have gone out. The sender's mailbox is checked before any new attempt.",
    );
    await expect(runNext()).resolves.toBe('uncertain');
    expect(await record()).toMatchObject({
      status: 'failed',
      lastError: {
        code: 'DELIVERY_UNCERTAIN',
        message:
          "Issue Mailer lost contact with Gmail during an attempt and could not check the sender's mailbox " +
          "afterwards, so it cannot tell whether this email went out. Check the sender's Sent mail before resending.",
      },
    });
  });

  it("finds the earlier attempt's sent copy in the mailbox with gmail.modify", async () => {
    const timeout = new GmailError(GmailErrorCode.Timeout, 'm.');
    const { queueEmail, runNext, record } = world(
      [() => timeout],
      async () => ({ found: 'sent', messageId: 'g-9', requestId: undefined }),
      true,
    );
    await queueEmail();
    await runNext();
    await expect(runNext()).resolves.toBe('reconciled-sent');
    expect((await record())?.events.at(-1)?.note).toBe("Found in the sender's mailbox: the earlier attempt went out.");
  });
});

describe("a Google mailbox's pace", () => {
  it('is one send a second (Gmail allows 150 a minute), where a Microsoft mailbox gets 2,075 ms', () => {
    expect(PACE_SPACING_MS).toEqual({ microsoft: 2_075, 'google-workspace': 1_038 });
  });

  it.each([
    ['google-workspace', 1_038],
    [undefined, 2_075],
  ])('spaces the slots of a %s mailbox %d ms apart', async (provider, spacing) => {
    const pacer = createMailboxPacer(new MemoryEntityStore({}));
    const slots = [];
    for (const emailId of ['a', 'b', 'c']) {
      const decision = await pacer.reserve('support@example-google.test', {
        emailId,
        now: NOW,
        ...(provider === undefined ? {} : { provider }),
      });
      slots.push('slotAt' in decision ? decision.slotAt - NOW : undefined);
    }
    expect(slots).toEqual([0, spacing, 2 * spacing]);
  });
});
