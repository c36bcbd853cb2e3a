import { TEST_EMAIL_SUBJECT } from '../../../src/credentials/diagnosis/test-email-step';
import { connectionTestRecord } from '../../../src/outbox/connection-test-record';
import { emailRecordSchema } from '../../../src/outbox/email-record-schema';
import { createEmailRecordStore } from '../../../src/outbox/email-records';
import type { FetchHandler } from '../support/fake-fetch';
import { MemoryEntityStore } from '../support/memory-entity-store';
import { graphError } from '../support/outbox-microsoft';
import { adminRequest, configuredWorld, defaultMicrosoft, emailIdOf, NOW, silenceWarnings } from '../support/resolvers';
import { emailRecord } from './outbox-fixtures';

const TEST_ID = emailIdOf(999);
const ADMIN = { accountId: 'admin-1', name: 'Ada Admin' };
const SENDER = 'support@contoso.com';

/** Microsoft as usual, except that sendMail answers `send`. */
const microsoftSending =
  (send: () => Response): FetchHandler =>
  (call, index) =>
    call.url.endsWith('/sendMail') ? send() : defaultMicrosoft(call, index);

const runTest = async (world: Awaited<ReturnType<typeof configuredWorld>>) => {
  world.clock.now = NOW + 5_000;
  return world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: true }));
};

describe("Test connection's test email in the email log", () => {
  silenceWarnings();

  it('writes one sent record: a connection test from the credential to the admin, by the admin', async () => {
    const world = await configuredWorld();
    const writesBefore = world.entities.values.size;
    const result = await runTest(world);
    expect(result).toMatchObject({ ok: true, data: { ok: true } });

    expect(world.entities.values.size).toBe(writesBefore + 1);
    expect(world.entities.replaces).toBe(0);
    // Stored without the empty Message-ID (Forge refuses a blank string attribute), read back as ''.
    expect(world.entities.values.get(TEST_ID)).not.toHaveProperty('internetMessageId');
    expect(await world.records.get(TEST_ID)).toEqual({
      emailId: TEST_ID,
      version: 1,
      status: 'sent',
      createdAt: NOW + 5_000,
      updatedAt: NOW + 5_000,
      kind: 'connection-test',
      credentialId: 'cred-1',
      senderMailbox: SENDER,
      internetMessageId: '',
      subject: TEST_EMAIL_SUBJECT,
      to: ['ada.admin@example.com'],
      cc: [],
      bccCount: 0,
      attachmentCount: 0,
      requestedBy: ADMIN,
      attempts: 1,
      roundAttempts: 1,
      sentAt: NOW + 5_000,
      finishedAt: NOW + 5_000,
      events: [
        {
          at: new Date(NOW + 5_000).toISOString(),
          from: SENDER,
          status: 'sent',
          note: 'Test email accepted by Microsoft 365 (Test connection).',
          attempt: 1,
        },
      ],
      followUps: [],
      commentAfterSend: false,
      contentChunks: 0,
    });
    // Nothing was queued: the test email went straight to Graph.
    expect(world.queue.pushed).toHaveLength(0);
  });

  it('lists it without an issue, not resendable, and keeps it out of an issue filter', async () => {
    const world = await configuredWorld();
    await runTest(world);

    const all = await world.admin.listEmailLog(adminRequest({}));
    expect(all).toMatchObject({
      ok: true,
      data: { items: [{ emailId: TEST_ID, kind: 'connection-test', status: 'sent', canResend: false }] },
    });
    const item = all.ok ? all.data.items[0] : undefined;
    expect(item === undefined ? 'missing' : 'issueKey' in item).toBe(false);
    await expect(world.admin.listEmailLog(adminRequest({ issueKey: 'DEMO-1' }))).resolves.toEqual({
      ok: true,
      data: { items: [] },
    });
    await expect(world.admin.listEmailLog(adminRequest({ status: 'sent' }))).resolves.toMatchObject({
      ok: true,
      data: { items: [{ emailId: TEST_ID }] },
    });
    await expect(world.admin.getEmailLogEntry(adminRequest({ emailId: TEST_ID }))).resolves.toMatchObject({
      ok: true,
      data: {
        kind: 'connection-test',
        senderMailbox: SENDER,
        to: ['ada.admin@example.com'],
        requestedBy: ADMIN,
        canResend: false,
      },
    });
  });

  it("writes a failed record with the step's safe code and guidance, and the backend refuses to resend it", async () => {
    const world = await configuredWorld({ microsoft: microsoftSending(() => graphError(403, 'ErrorAccessDenied')) });
    const result = await runTest(world);
    if (!result.ok) throw new Error('testConnection answered an error');
    const step = result.data.steps?.find((entry) => entry.key === 'test-email');
    expect(step).toMatchObject({ status: 'failed', code: 'GRAPH_ACCESS_DENIED' });

    const record = await world.records.get(TEST_ID);
    expect(record).toMatchObject({ kind: 'connection-test', status: 'failed', attempts: 1, finishedAt: NOW + 5_000 });
    expect(record?.lastError).toEqual({ code: 'GRAPH_ACCESS_DENIED', message: step?.message });
    expect(record?.events[0]).toMatchObject({
      status: 'failed',
      error: { code: 'GRAPH_ACCESS_DENIED', message: step?.message },
    });
    expect(record?.sentAt).toBeUndefined();
    // No token or secret in what was stored.
    expect(JSON.stringify(record)).not.toMatch(/eyJ|client_secret|Bearer/);

    await expect(world.admin.resendEmail(adminRequest({ emailId: TEST_ID, anyway: true }))).resolves.toEqual({
      ok: false,
      error: {
        code: 'EMAIL_CONNECTION_TEST_NOT_RESENDABLE',
        message:
          "A connection test's email cannot be resent. Run Test connection again on the Credentials tab to send a new one.",
      },
    });
    expect(world.queue.pushed).toHaveLength(0);
    expect(await world.records.get(TEST_ID)).toMatchObject({ status: 'failed', version: 1 });
  });

  it('logs nothing when no test email was asked for or none was sent', async () => {
    const world = await configuredWorld();
    await world.admin.testConnection(adminRequest({ id: 'cred-1' }));
    expect(await world.records.get(TEST_ID)).toBeUndefined();
  });

  it('keeps the test green when the log write fails', async () => {
    const world = await configuredWorld();
    jest.spyOn(world.records, 'create').mockRejectedValueOnce(new Error('storage down'));
    const result = await runTest(world);
    expect(result).toMatchObject({ ok: true, data: { ok: true } });
    expect(await world.records.get(TEST_ID)).toBeUndefined();
  });
});

describe('email records and their kind', () => {
  it('reads a record stored before kinds existed as an issue email', async () => {
    const { kind: _kind, ...old } = emailRecord(1);
    const entities = new MemoryEntityStore();
    await entities.create(emailIdOf(1), old);
    const value = await entities.get(emailIdOf(1));
    expect(emailRecordSchema.parse(value)).toMatchObject({ kind: 'issue', issueKey: 'DEMO-1' });
    const store = createEmailRecordStore(entities);
    await store.create({ ...emailRecord(2) });
    expect((await store.get(emailIdOf(2)))?.kind).toBe('issue');
  });

  it('refuses an issue email without its issue, and takes a connection test without one', () => {
    const { issueId: _id, issueKey: _key, ...noIssue } = emailRecord(1);
    expect(emailRecordSchema.safeParse(noIssue).success).toBe(false);
    expect(emailRecordSchema.safeParse({ ...noIssue, kind: 'connection-test' }).success).toBe(true);
    expect(emailRecordSchema.safeParse({ ...noIssue, kind: 'newsletter' }).success).toBe(false);
  });
});

describe("a Google Workspace credential's test email in the email log", () => {
  it.each([
    ['google-workspace', 'Test email accepted by Gmail (Test connection).', { provider: 'google-workspace' }],
    ['microsoft365', 'Test email accepted by Microsoft 365 (Test connection).', {}],
  ] as const)('%s: the note names the service that took it, the record its provider', (provider, note, kept) => {
    const record = connectionTestRecord(
      {
        credentialId: 'cred-2',
        provider,
        senderMailbox: 'support@example-google.test',
        to: 'ada.admin@example.com',
        subject: TEST_EMAIL_SUBJECT,
        requestedBy: ADMIN,
        outcome: { status: 'sent', requestId: undefined },
      },
      TEST_ID,
      NOW,
    );
    expect(record.events.map((event) => event.note)).toEqual([note]);
    expect(record.provider).toBe('provider' in kept ? kept.provider : undefined);
    expect(emailRecordSchema.safeParse(record).success).toBe(true);
  });
});
