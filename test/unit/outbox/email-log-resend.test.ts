import { createCredentialStore } from '../../../src/credentials/credential-store';
import { callsOf, graphError, outboxMicrosoft } from '../support/outbox-microsoft';
import { adminRequest, configuredWorld, emailIdOf, issueRequest, NOW, silenceWarnings } from '../support/resolvers';
import { iso } from './outbox-fixtures';

const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };
const UNCHANGED = {
  code: 'EMAIL_RESEND_UNCHANGED',
  message:
    'Nothing has changed since this email failed: its credential has not been saved since, and it goes to the same ' +
    'recipients, so it will most likely fail the same way. Fix the cause of the last error first, or resend it anyway.',
};

/** One email that failed for good (403: the app may not send as the mailbox) at NOW + 60 s. */
const worldWithFailure = async () => {
  const microsoft = outboxMicrosoft();
  const world = await configuredWorld({ microsoft: microsoft.handler });
  world.clock.now = NOW + 60_000;
  microsoft.sends.push(() => graphError(403, 'ErrorAccessDenied'));
  // Checked, so that a send refused before the outbox names its reason here rather than as a missing record later.
  expect(await world.issueAction.sendIssueEmail(issueRequest(payload))).toMatchObject({ ok: true });
  await world.drainOutbox();
  const store = createCredentialStore(world.kv);
  /** The admin saves the credential at `at` (its mailbox changed when given). */
  const saveCredential = async (at: number, senderMailbox?: string) => {
    const stored = await store.get('cred-1');
    if (stored === undefined) throw new Error('no credential');
    await store.put({ ...stored, ...(senderMailbox === undefined ? {} : { senderMailbox }), updatedAt: iso(at) });
  };
  return { world, microsoft, saveCredential };
};

describe('resending from the email log', () => {
  silenceWarnings();

  it('warns instead of resending when nothing has changed since the failure, and resends when asked "anyway"', async () => {
    const { world } = await worldWithFailure();
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ status: 'failed', finishedAt: NOW + 60_000 });
    world.clock.now = NOW + 120_000;

    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1) }))).resolves.toEqual({
      ok: false,
      error: UNCHANGED,
    });
    expect(world.queue.pushed).toHaveLength(1);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ status: 'failed' });

    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1), anyway: true }))).resolves.toMatchObject(
      {
        ok: true,
        data: { status: 'queued' },
      },
    );
    expect(world.queue.pushed).toHaveLength(2);
  });

  it('resends without a word once the credential was saved after the failure', async () => {
    const { world, saveCredential } = await worldWithFailure();
    await saveCredential(NOW + 90_000);
    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1) }))).resolves.toMatchObject({
      ok: true,
      data: { status: 'queued' },
    });
  });

  it('does not judge a failure a later attempt could get past (the attempts ran out in an outage)', async () => {
    const microsoft = outboxMicrosoft();
    const world = await configuredWorld({ microsoft: microsoft.handler });
    world.clock.now = NOW + 60_000;
    for (let attempt = 0; attempt < 8; attempt += 1) microsoft.sends.push(() => graphError(503, 'ServiceUnavailable'));
    await world.issueAction.sendIssueEmail(issueRequest(payload));
    await world.drainOutbox();
    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      status: 'failed',
      lastError: { code: 'GRAPH_UNAVAILABLE', transient: true },
    });
    await expect(world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1) }))).resolves.toMatchObject({ ok: true });
  });

  it("shows the mailbox the latest attempt went out from, each attempt's From in its events", async () => {
    const { world, saveCredential } = await worldWithFailure();
    await saveCredential(NOW + 90_000, 'helpdesk@contoso.com');
    world.clock.now = NOW + 120_000;
    await world.admin.resendEmail(adminRequest({ emailId: emailIdOf(1) }));
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    const entry = await world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) }));
    expect(entry).toMatchObject({ ok: true, data: { status: 'sent', senderMailbox: 'helpdesk@contoso.com' } });
    const attempts = entry.ok ? entry.data.events.filter((event) => event.from !== undefined) : [];
    expect(attempts.map((event) => [event.status, event.from])).toEqual([
      ['failed', 'support@contoso.com'],
      ['sent', 'helpdesk@contoso.com'],
    ]);
    await expect(world.admin.listEmailLog(adminRequest({}))).resolves.toMatchObject({
      ok: true,
      data: { items: [{ emailId: emailIdOf(1), senderMailbox: 'helpdesk@contoso.com' }] },
    });
    expect(callsOf(world.microsoft.calls).sends.map((send) => send.url)).toEqual([
      expect.stringContaining('/users/support%40contoso.com/sendMail'),
      expect.stringContaining('/users/helpdesk%40contoso.com/sendMail'),
    ]);
  });
});
