import type { DeliveryStatus, ListEmailLogQuery } from '../../../src/contract/email-log';
import { createEmailContentStore } from '../../../src/outbox/email-contents';
import { createEmailLogService } from '../../../src/outbox/email-log-service';
import type { EmailRecord } from '../../../src/outbox/email-record';
import { createEmailRecordStore } from '../../../src/outbox/email-records';
import { EmailNotFoundError, NotResendableError } from '../../../src/outbox/errors';
import { senderRemedies } from '../../../src/outbox/sender-remedy';
import { UNCERTAIN_MESSAGE } from '../../../src/outbox/trace-check';
import { MAIL_SERVICE_CODES_NEEDING_ADMIN } from '../../../src/providers/failure';
import type { EntityPage, IndexQuery } from '../../../src/storage/entity-store';
import { FakeOutboxQueue } from '../support/fake-outbox-queue';
import { MemoryEntityStore } from '../support/memory-entity-store';
import { MemoryKvStore } from '../support/memory-kv-store';
import { emailIdOf, NOW } from '../support/resolvers';
import { emailRecord, failedRecord, iso } from './outbox-fixtures';

/** The outbox-email entity, keeping every index query it was asked. */
class RecordingEntities extends MemoryEntityStore {
  readonly queries: IndexQuery[] = [];
  override async query(query: IndexQuery): Promise<EntityPage> {
    this.queries.push(query);
    return super.query(query);
  }
}

const ADMIN = { accountId: 'admin-1', name: 'Ada Admin' };
const THROTTLED = {
  code: 'GRAPH_THROTTLED',
  message: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
};
const UNCERTAIN = { code: 'DELIVERY_UNCERTAIN', message: UNCERTAIN_MESSAGE };

const setup = async (...records: EmailRecord[]) => {
  const clock = { now: NOW + 3_600_000 };
  const entities = new RecordingEntities();
  const store = createEmailRecordStore(entities);
  for (const record of records) await store.create(record);
  const queue = new FakeOutboxQueue(() => clock.now);
  const credentials = new Map<string, string>();
  const contentKv = new MemoryKvStore();
  const contents = createEmailContentStore(contentKv);
  const service = createEmailLogService({
    records: store,
    queue,
    now: () => clock.now,
    credentialUpdatedAt: async (id) => credentials.get(id),
    contents,
    remedyOf: senderRemedies(MAIL_SERVICE_CODES_NEEDING_ADMIN),
  });
  return { clock, entities, store, queue, service, credentials, contents, contentKv };
};

const query = (overrides: Partial<ListEmailLogQuery> = {}): ListEmailLogQuery => ({ limit: 25, ...overrides });

describe('email log service: list', () => {
  const FROM = '2024-05-06T00:00:00.000Z';
  const TO = '2024-05-07T00:00:00+02:00';

  it.each<[string, Partial<ListEmailLogQuery>, IndexQuery]>([
    ['no filter', {}, { index: 'createdAt', range: {}, order: 'newest', limit: 25 }],
    [
      'a status',
      { status: 'failed' },
      { index: 'by-status', partition: ['failed'], range: {}, order: 'newest', limit: 25 },
    ],
    [
      'an issue',
      { issueKey: 'DEMO-2' },
      { index: 'by-issue', partition: ['DEMO-2'], range: {}, order: 'newest', limit: 25 },
    ],
    [
      'an issue and a status',
      { issueKey: 'DEMO-2', status: 'sent' },
      { index: 'by-issue', partition: ['DEMO-2'], equals: { status: 'sent' }, range: {}, order: 'newest', limit: 25 },
    ],
    [
      'dates',
      { from: FROM, to: TO },
      {
        index: 'createdAt',
        range: { from: Date.parse(FROM), to: Date.parse('2024-05-06T22:00:00Z') },
        order: 'newest',
        limit: 25,
      },
    ],
    [
      'a status, dates, a cursor and a limit',
      { status: 'queued', from: FROM, cursor: 'MQ', limit: 5 },
      {
        index: 'by-status',
        partition: ['queued'],
        range: { from: Date.parse(FROM) },
        order: 'newest',
        limit: 5,
        cursor: 'MQ',
      },
    ],
  ])('asks the right index for %s', async (_name, filters, expected) => {
    const { entities, service } = await setup();
    await service.list(query(filters));
    expect(entities.queries).toEqual([expected]);
  });

  it('lists newest first, filtered, in pages, as summaries without Bcc addresses', async () => {
    const at = (minutes: number) => NOW + minutes * 60_000;
    const { service } = await setup(
      emailRecord(1, { createdAt: at(1) }),
      failedRecord(2, THROTTLED, { createdAt: at(2) }),
      emailRecord(3, { createdAt: at(3), issueKey: 'DEMO-2', status: 'sent', sentAt: at(4), requestId: 'req-3' }),
      failedRecord(4, THROTTLED, { createdAt: at(4), issueKey: 'DEMO-2' }),
      emailRecord(5, { createdAt: at(5), status: 'retrying', nextAttemptAt: at(6) }),
    );
    const ids = async (filters: Partial<ListEmailLogQuery>) =>
      (await service.list(query(filters))).items.map((item) => item.emailId);

    await expect(ids({})).resolves.toEqual([5, 4, 3, 2, 1].map(emailIdOf));
    await expect(ids({ status: 'failed' })).resolves.toEqual([4, 2].map(emailIdOf));
    await expect(ids({ issueKey: 'DEMO-2' })).resolves.toEqual([4, 3].map(emailIdOf));
    await expect(ids({ issueKey: 'DEMO-2', status: 'sent' })).resolves.toEqual([emailIdOf(3)]);
    await expect(ids({ from: iso(at(2)), to: iso(at(4)) })).resolves.toEqual([3, 2].map(emailIdOf));

    const first = await service.list(query({ limit: 2 }));
    expect(first.items.map((item) => item.emailId)).toEqual([5, 4].map(emailIdOf));
    expect(first.cursor).toEqual(expect.any(String));
    const second = await service.list(query({ limit: 2, cursor: first.cursor ?? '' }));
    expect(second.items.map((item) => item.emailId)).toEqual([3, 2].map(emailIdOf));

    expect(first.items[0]).toEqual({
      emailId: emailIdOf(5),
      createdAt: iso(at(5)),
      updatedAt: iso(at(5)),
      kind: 'issue',
      issueKey: 'DEMO-1',
      senderMailbox: 'support@contoso.com',
      to: ['ada@example.com'],
      cc: [],
      bccCount: 1,
      subject: 'Email 5',
      status: 'retrying',
      attempts: 0,
      nextAttemptAt: iso(at(6)),
      requestedBy: { accountId: 'user-1', name: 'Ursula User' },
      canResend: false,
    });
    expect(first.items[1]).toMatchObject({ status: 'failed', lastError: THROTTLED, canResend: true });
    expect(first.items[1]).not.toHaveProperty('nextAttemptAt');
    expect((await service.list(query({ status: 'sent' }))).items[0]).toMatchObject({
      sentAt: iso(at(4)),
      requestId: 'req-3',
    });
  });
});

describe('email log service: get and deliveryOf', () => {
  it('gets an entry with its events and attachment count', async () => {
    const { service } = await setup(failedRecord(1, THROTTLED, { attachmentCount: 2 }));
    const entry = await service.get(emailIdOf(1));
    expect(entry).toMatchObject({ emailId: emailIdOf(1), status: 'failed', attachmentCount: 2, canResend: true });
    expect(entry.events.map((event) => event.status)).toEqual(['queued', 'failed']);
  });

  it('answers EmailNotFoundError for an email not in the log', async () => {
    const { service } = await setup();
    const attempt = service.get(emailIdOf(9));
    await expect(attempt).rejects.toThrow(EmailNotFoundError);
    await expect(attempt).rejects.toMatchObject({
      code: 'EMAIL_NOT_FOUND',
      message: `No email ${emailIdOf(9)} in the email log.`,
    });
  });

  it("answers the delivery of an email of the issue, and EmailNotFoundError for another issue's", async () => {
    const { service } = await setup(failedRecord(1, THROTTLED, { cc: ['grace@example.com'] }));
    await expect(service.deliveryOf(emailIdOf(1), '10001')).resolves.toEqual({
      emailId: emailIdOf(1),
      status: 'failed',
      attempts: 3,
      lastError: { ...THROTTLED, remedy: 'send-again' },
      finishedAt: iso(NOW + 60_000),
      recipientCount: 3,
    });
    await expect(service.deliveryOf(emailIdOf(1), '10002')).rejects.toThrow(EmailNotFoundError);
    await expect(service.deliveryOf(emailIdOf(2), '10001')).rejects.toThrow(EmailNotFoundError);
  });

  it("gives the sender the sender's words and says when only an admin can help", async () => {
    const policy = {
      code: 'GRAPH_APP_ACCESS_POLICY_DENIED',
      message:
        'An Exchange application access policy does not let this app send (check with Test-ApplicationAccessPolicy).',
      senderMessage:
        'Microsoft 365 does not let Issue Mailer send from this mailbox. Tell your Jira admin; the email log has the details.',
    };
    const { service } = await setup(failedRecord(1, policy));
    const view = await service.deliveryOf(emailIdOf(1), '10001');
    expect(view.lastError).toEqual({ code: policy.code, message: policy.senderMessage, remedy: 'ask-admin' });
  });
});

describe('email log service: resend', () => {
  it('queues a failed email again under the same id: queued, a new round of attempts, one job', async () => {
    const { clock, store, queue, service } = await setup(failedRecord(1, THROTTLED));

    const entry = await service.resend(emailIdOf(1), ADMIN);

    expect(entry).toMatchObject({
      emailId: emailIdOf(1),
      status: 'queued',
      attempts: 3,
      canResend: false,
      nextAttemptAt: iso(clock.now),
    });
    expect(entry.events.at(-1)).toEqual({ at: iso(clock.now), status: 'queued', note: 'Resent by Ada Admin.' });
    const stored = await store.get(emailIdOf(1));
    expect(stored).toMatchObject({
      status: 'queued',
      version: 8,
      roundAttempts: 0,
      attempts: 3,
      nextAttemptAt: clock.now,
      updatedAt: clock.now,
      followUps: [],
    });
    expect(stored).not.toHaveProperty('finishedAt');
    expect(stored).not.toHaveProperty('unsure');
    expect(stored?.internetMessageId).toBe(`<${emailIdOf(1)}.demo-1@contoso.com>`);
    expect(queue.pushed).toEqual([
      {
        job: { emailId: emailIdOf(1), ticket: 'ticket-1' },
        mailbox: 'support@contoso.com',
        delaySeconds: 0,
        pushedAt: clock.now,
      },
    ]);
  });

  it('has the worker search the mailbox first when the failure was DELIVERY_UNCERTAIN', async () => {
    const { store, service } = await setup(failedRecord(1, UNCERTAIN));
    await service.resend(emailIdOf(1), ADMIN);
    expect(await store.get(emailIdOf(1))).toMatchObject({ status: 'queued', unsure: { since: 0 } });
  });

  it.each<DeliveryStatus>(['queued', 'sending', 'retrying', 'sent'])('refuses to resend a %s email', async (status) => {
    const { store, queue, service } = await setup(emailRecord(1, { status }));
    const attempt = service.resend(emailIdOf(1), ADMIN);
    await expect(attempt).rejects.toThrow(NotResendableError);
    await expect(attempt).rejects.toMatchObject({
      code: 'EMAIL_NOT_RESENDABLE',
      message: `Email ${emailIdOf(1)} is ${status}; only failed emails can be resent.`,
    });
    expect(await store.get(emailIdOf(1))).toEqual(emailRecord(1, { status }));
    expect(queue.pushed).toEqual([]);
  });

  it('refuses the second of two admins resending at once', async () => {
    const { entities, store, queue, service } = await setup(failedRecord(1, THROTTLED));
    let first = true;
    entities.onReplace = () => {
      if (!first) return;
      first = false;
      // The other admin's resend lands between this one's read and write.
      const stored = entities.values.get(emailIdOf(1));
      if (stored !== undefined)
        entities.values.set(emailIdOf(1), { ...stored, status: 'queued', version: stored.version + 1 });
    };
    await expect(service.resend(emailIdOf(1), ADMIN)).rejects.toThrow(NotResendableError);
    expect(queue.pushed).toEqual([]);
    expect(await store.get(emailIdOf(1))).toMatchObject({ status: 'queued', version: 8 });
  });

  it('answers EmailNotFoundError for an email not in the log', async () => {
    const { service } = await setup();
    await expect(service.resend(emailIdOf(1), ADMIN)).rejects.toThrow(EmailNotFoundError);
  });
});
