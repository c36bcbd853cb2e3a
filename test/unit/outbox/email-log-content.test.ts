import { emailContentKey } from '../../../src/storage/keys';
import { outboxMicrosoft } from '../support/outbox-microsoft';
import { adminRequest, configuredWorld, emailIdOf, issueRequest, silenceWarnings } from '../support/resolvers';

const payload = {
  to: ['ada@example.com'],
  cc: ['Bob Builder <bob@example.com>'],
  subject: '[DEMO-1] Login page',
  message: 'Please <b>look</b>',
};

describe('the email log shows the message as sent', () => {
  silenceWarnings();

  it('answers subject, From, To, Cc, Bcc count, the body and attachment names while the content is kept', async () => {
    const microsoft = outboxMicrosoft();
    const world = await configuredWorld({ microsoft: microsoft.handler });
    await world.issueAction.sendIssueEmail(issueRequest({ ...payload, bcc: ['secret@example.com'] }));
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    const answer = await world.admin.getEmailContent(adminRequest({ emailId: emailIdOf(1) }));
    expect(answer).toMatchObject({
      ok: true,
      data: {
        kept: true,
        subject: '[DEMO-1] Login page',
        from: 'support@contoso.com',
        to: ['ada@example.com'],
        cc: ['bob@example.com'],
        bccCount: 1,
        replyTo: [],
        attachments: [],
      },
    });
    expect(answer.ok && answer.data.kept && answer.data.html).toContain('Please &lt;b&gt;look&lt;/b&gt;');
    // Bcc addresses are never part of what the log answers.
    expect(JSON.stringify(answer)).not.toContain('secret@example.com');
  });

  it('says plainly when the content is no longer kept', async () => {
    const microsoft = outboxMicrosoft();
    const world = await configuredWorld({ microsoft: microsoft.handler });
    await world.issueAction.sendIssueEmail(issueRequest(payload));
    await world.drainOutbox();
    await world.kv.delete(emailContentKey(emailIdOf(1), 0));
    await expect(world.admin.getEmailContent(adminRequest({ emailId: emailIdOf(1) }))).resolves.toEqual({
      ok: true,
      data: { kept: false },
    });
    await expect(world.admin.getEmailContent(adminRequest({ emailId: emailIdOf(9) }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'EMAIL_NOT_FOUND' },
    });
  });
});
