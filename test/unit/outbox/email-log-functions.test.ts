import { UNCERTAIN_MESSAGE } from '../../../src/outbox/trace-check';
import { timeoutError } from '../support/fake-fetch';
import { callsOf, graphError, outboxMicrosoft } from '../support/outbox-microsoft';
import {
  adminRequest,
  configuredWorld,
  emailIdOf,
  issueRequest,
  NOW,
  resolverWorld,
  silenceWarnings,
} from '../support/resolvers';
import { iso } from './outbox-fixtures';

const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };
const NOT_ADMIN = {
  ok: false,
  error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
};
const INVALID_RECIPIENTS = {
  code: 'GRAPH_INVALID_RECIPIENTS',
  message: 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
};
const fieldError = (field: string, message: string) => ({
  ok: false,
  error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors: { [field]: message } },
});

/** A world whose first email is sent and whose second fails on its recipients. */
const worldWithLog = async () => {
  const microsoft = outboxMicrosoft();
  const world = await configuredWorld({ microsoft: microsoft.handler });
  await world.issueAction.sendIssueEmail(issueRequest(payload));
  await world.drainOutbox();
  world.clock.now = NOW + 60_000;
  microsoft.sends.push(() => graphError(400, 'ErrorInvalidRecipients'));
  await world.issueAction.sendIssueEmail(issueRequest({ ...payload, to: ['nobody@example.com'] }));
  await world.drainOutbox();
  return { world, microsoft };
};

describe('email log resolver functions', () => {
  silenceWarnings();

  it.each([
    ['listEmailLog', {}],
    ['getEmailLogEntry', { emailId: emailIdOf(1) }],
    ['resendEmail', { emailId: emailIdOf(1) }],
    ['getEmailContent', { emailId: emailIdOf(1) }],
    ['getEmailLogSettings', {}],
    ['saveEmailLogSettings', { retentionDays: 30 }],
  ] as const)('%s answers NOT_ADMIN to a non-admin before touching the log', async (name, body) => {
    const world = resolverWorld({ isAdmin: false });
    await expect(world.admin[name](adminRequest(body))).resolves.toEqual(NOT_ADMIN);
    expect(world.kv.count()).toBe(0);
    expect(world.entities.replaces).toBe(0);
    expect(world.queue.pushed).toEqual([]);
    expect(world.jira.calls.map((call) => call.path)).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });

  it.each<[string, 'listEmailLog' | 'getEmailLogEntry' | 'resendEmail' | 'saveEmailLogSettings', unknown, unknown]>([
    [
      'an unknown status',
      'listEmailLog',
      { status: 'lost' },
      fieldError('status', 'Choose queued, sending, retrying, sent or failed.'),
    ],
    [
      'a bad issue key',
      'listEmailLog',
      { issueKey: 'DEMO' },
      fieldError('issueKey', 'Enter an issue key such as DEMO-12.'),
    ],
    [
      'a date that is not ISO 8601',
      'listEmailLog',
      { from: '6 May 2024' },
      fieldError('from', 'Use an ISO 8601 date and time.'),
    ],
    [
      'a bad email id',
      'getEmailLogEntry',
      { emailId: 'email-1' },
      fieldError('emailId', 'Not an email id of this app.'),
    ],
    ['a bad email id', 'resendEmail', { emailId: '../x' }, fieldError('emailId', 'Not an email id of this app.')],
    [
      '0 days',
      'saveEmailLogSettings',
      { retentionDays: 0 },
      fieldError('retentionDays', 'Keep emails at least 1 day.'),
    ],
    [
      '366 days',
      'saveEmailLogSettings',
      { retentionDays: 366 },
      fieldError('retentionDays', 'Keep emails at most 365 days.'),
    ],
    [
      '1.5 days',
      'saveEmailLogSettings',
      { retentionDays: 1.5 },
      fieldError('retentionDays', 'Enter a whole number of days.'),
    ],
    [
      'an unknown field',
      'listEmailLog',
      { sort: 'oldest' },
      {
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
      },
    ],
  ])('refuses %s (%s)', async (_name, fn, body, answer) => {
    const world = await configuredWorld();
    await expect(world.admin[fn](adminRequest(body))).resolves.toEqual(answer);
    expect(world.queue.pushed).toEqual([]);
  });

  it('lists the log newest first, filtered by status and issue (key as typed), as summaries', async () => {
    const { world } = await worldWithLog();

    const all = await world.admin.listEmailLog(adminRequest({}));
    expect(all).toMatchObject({ ok: true, data: { items: [{ emailId: emailIdOf(2) }, { emailId: emailIdOf(1) }] } });
    expect(all).not.toHaveProperty('data.cursor');

    await expect(world.admin.listEmailLog(adminRequest({ status: 'failed', issueKey: ' demo-1 ' }))).resolves.toEqual({
      ok: true,
      data: {
        items: [
          {
            emailId: emailIdOf(2),
            createdAt: iso(NOW + 60_000),
            updatedAt: iso(NOW + 60_000),
            kind: 'issue',
            issueKey: 'DEMO-1',
            senderMailbox: 'support@contoso.com',
            to: ['nobody@example.com'],
            cc: [],
            bccCount: 0,
            subject: '[DEMO-1] Login page',
            status: 'failed',
            attempts: 1,
            lastError: INVALID_RECIPIENTS,
            requestedBy: { accountId: 'user-1', name: 'Ursula User' },
            canResend: true,
          },
        ],
      },
    });
    await expect(world.admin.listEmailLog(adminRequest({ issueKey: 'DEMO-2' }))).resolves.toEqual({
      ok: true,
      data: { items: [] },
    });
    await expect(world.admin.listEmailLog(adminRequest({ from: iso(NOW + 1), limit: 1 }))).resolves.toMatchObject({
      ok: true,
      data: { items: [{ emailId: emailIdOf(2) }] },
    });
  });

  it('gets one entry with its events', async () => {
    const { world } = await worldWithLog();
    const answer = await world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) }));
    expect(answer).toMatchObject({
      ok: true,
      data: { emailId: emailIdOf(1), status: 'sent', requestId: 'req-send-1', sentAt: iso(NOW), attachmentCount: 0 },
    });
    expect(answer.ok && answer.data.events.map((event) => event.status)).toEqual(['queued', 'sending', 'sent']);
    await expect(world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(3) }))).resolves.toEqual({
      ok: false,
      error: { code: 'EMAIL_NOT_FOUND', message: 'This email is not in the email log (any more). Reload the list.' },
    });
  });

  it("resends a failed email in the admin's name; the worker sends it under the same Message-ID", async () => {
    const { world } = await worldWithLog();
    world.clock.now = NOW + 120_000;

    // Its credential was not saved after it failed: the log warns first (email-log-resend.test.ts), "anyway" resends.
    const answer = await world.admin.resendEmail(adminRequest({ emailId: emailIdOf(2), anyway: true }));

    expect(answer).toMatchObject({ ok: true, data: { emailId: emailIdOf(2), status: 'queued', canResend: false } });
    expect(answer.ok && answer.data.events.at(-1)).toEqual({
      at: iso(NOW + 120_000),
      status: 'queued',
      note: 'Resent by Ada Admin.',
    });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const sends = callsOf(world.microsoft.calls).sends;
    expect(sends).toHaveLength(3);
    expect(sends[2]?.body).toContain(`"internetMessageId":"<${emailIdOf(2)}.demo-1@contoso.com>"`);
    expect(await world.records.get(emailIdOf(2))).toMatchObject({ status: 'sent', attempts: 2, roundAttempts: 1 });
  });

  it('refuses to resend an email that did not fail, or is not in the log', async () => {
    const { world } = await worldWithLog();
    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1) }))).resolves.toEqual({
      ok: false,
      error: {
        code: 'EMAIL_NOT_RESENDABLE',
        message: 'Only failed emails can be resent. Reload the email log to see where this one stands.',
      },
    });
    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(3) }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'EMAIL_NOT_FOUND' },
    });
    expect(world.queue.pushed).toHaveLength(2);
  });

  it('searches the mailbox before sending a resent DELIVERY_UNCERTAIN email', async () => {
    const microsoft = outboxMicrosoft();
    const world = await configuredWorld({ microsoft: microsoft.handler });
    microsoft.sends.push(() => {
      throw timeoutError();
    });
    microsoft.lookups.push(() => graphError(403, 'ErrorAccessDenied'));
    await world.issueAction.sendIssueEmail(issueRequest(payload));
    await expect(world.drainOutbox()).resolves.toEqual(['unsure', 'uncertain']);
    await expect(world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(1) }))).resolves.toMatchObject({
      ok: true,
      data: { status: 'failed', lastError: { code: 'DELIVERY_UNCERTAIN', message: UNCERTAIN_MESSAGE } },
    });

    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1) }))).resolves.toMatchObject({ ok: true });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    expect(callsOf(world.microsoft.calls).lookups).toHaveLength(2);
    expect(callsOf(world.microsoft.calls).sends).toHaveLength(2);
    expect((await world.records.get(emailIdOf(1)))?.events.map((event) => event.note)).toContain(
      "Not in the sender's mailbox: the earlier attempt did not go out. Sending again.",
    );
  });

  it('reads and saves how long the log keeps emails', async () => {
    const world = await configuredWorld();
    await expect(world.admin.getEmailLogSettings(adminRequest({}))).resolves.toEqual({
      ok: true,
      data: { retentionDays: 90 },
    });
    await expect(world.admin.saveEmailLogSettings(adminRequest({ retentionDays: 365 }))).resolves.toEqual({
      ok: true,
      data: { retentionDays: 365 },
    });
    await expect(world.admin.getEmailLogSettings(adminRequest({}))).resolves.toEqual({
      ok: true,
      data: { retentionDays: 365 },
    });
    await expect(world.logSettings.read()).resolves.toEqual({ retentionDays: 365 });
  });
});
