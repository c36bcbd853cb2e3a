import { previewIssueEmailSchema, sendIssueEmailSchema } from '../../../src/contract/issue-email';
import { configuredWorld, issueRequest, silenceWarnings } from '../support/resolvers';

const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };

describe('Reply-To of "Email this issue" (issue 12, item 20)', () => {
  silenceWarnings();

  it('sends the address as Graph message replyTo, without the name typed with it', async () => {
    const world = await configuredWorld();
    const answer = await world.issueAction.sendIssueEmail(
      issueRequest({ ...payload, replyTo: ' Help Desk <helpdesk@example.com> ' }),
    );
    expect(answer).toMatchObject({ ok: true, data: { status: 'queued' } });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const sent = world.microsoft.calls.find((call) => call.url.endsWith('/sendMail'));
    const body = JSON.parse(sent?.body ?? '{}') as { message: { replyTo?: unknown; toRecipients?: unknown } };
    expect(body.message.replyTo).toEqual([{ emailAddress: { address: 'helpdesk@example.com' } }]);
    expect(body.message.toRecipients).toEqual([{ emailAddress: { address: 'ada@example.com' } }]);
  });

  it('sends no replyTo when the field is empty: replies go to the sender mailbox', async () => {
    const world = await configuredWorld();
    await world.issueAction.sendIssueEmail(issueRequest({ ...payload, replyTo: '' }));
    await world.drainOutbox();
    const sent = world.microsoft.calls.find((call) => call.url.endsWith('/sendMail'));
    expect((JSON.parse(sent?.body ?? '{}') as { message: Record<string, unknown> }).message).not.toHaveProperty(
      'replyTo',
    );
  });

  it.each(['not-an-address', 'a@127.0.0.1', '"a b"@example.com', 'one@example.com, two@example.com'])(
    'refuses %s as a validation error of the field, queuing nothing',
    async (replyTo) => {
      const world = await configuredWorld();
      const answer = await world.issueAction.sendIssueEmail(issueRequest({ ...payload, replyTo }));
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: expect.any(String),
          fieldErrors: { replyTo: 'Enter one valid email address for replies.' },
        },
      });
      await expect(world.drainOutbox()).resolves.toEqual([]);
    },
  );

  it('is checked the same way for a preview', () => {
    expect(previewIssueEmailSchema.safeParse({ subject: 'S', replyTo: 'nobody' }).success).toBe(false);
    expect(sendIssueEmailSchema.safeParse({ ...payload, replyTo: 'helpdesk@example.com' }).success).toBe(true);
  });
});
