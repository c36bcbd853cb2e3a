import type { IssuePerson } from '../../../src/jira/issue-people';
import { configuredWorld, emailIdOf, issueRequest, silenceWarnings } from '../support/resolvers';

const CASEY: IssuePerson = {
  accountId: 'u-casey',
  displayName: 'Casey Customer',
  emailAddress: null,
  active: true,
  source: 'reporter',
};
const SAM: IssuePerson = {
  accountId: 'u-sam',
  displayName: 'Sam Rivera',
  emailAddress: 'sam@example.com',
  active: true,
  source: 'assignee',
};
const payload = { subject: '[DEMO-1] Login page', message: 'Please look' };

const sentTo = (world: Awaited<ReturnType<typeof configuredWorld>>) => {
  const send = world.microsoft.calls.find((call) => call.url.endsWith('/sendMail'));
  const body = JSON.parse(send?.body ?? '{}') as {
    message: {
      toRecipients: Array<{ emailAddress: { address: string } }>;
      ccRecipients?: Array<{ emailAddress: { address: string } }>;
    };
  };
  return {
    to: body.message.toRecipients.map((recipient) => recipient.emailAddress.address),
    cc: (body.message.ccRecipients ?? []).map((recipient) => recipient.emailAddress.address),
  };
};

describe('sendIssueEmail to Jira users picked by account id', () => {
  silenceWarnings();

  it('emails a reporter whose address Jira hides, and names them in the log, the history and the comment', async () => {
    const world = await configuredWorld();
    world.issueData.participants = [CASEY, SAM];
    world.issueData.userEmails = { 'u-casey': 'casey@customer.example' };

    await expect(
      world.issueAction.sendIssueEmail(
        issueRequest({ ...payload, to: [{ accountId: 'u-casey' }], cc: ['ada@example.com'] }),
      ),
    ).resolves.toEqual({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        emailId: emailIdOf(1),
        queuedAt: '2024-05-06T06:00:00.000Z',
        status: 'queued',
        recipientCount: 2,
      },
    });
    // Only the hidden person is looked up, as the app.
    expect(world.issueData.userEmailCalls).toEqual([['u-casey']]);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ to: ['Casey Customer'], cc: ['ada@example.com'] });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(sentTo(world)).toEqual({ to: ['casey@customer.example'], cc: ['ada@example.com'] });
    expect(world.issueData.comments_added).toEqual([
      { issueKey: 'DEMO-1', to: ['Casey Customer'], cc: ['ada@example.com'], subject: '[DEMO-1] Login page' },
    ]);
    const history = await world.issueAction.listEmailHistory(issueRequest({}));
    expect(history).toMatchObject({ ok: true, data: [{ to: ['Casey Customer'], cc: ['ada@example.com'] }] });
    expect(JSON.stringify(history)).not.toContain('casey@customer.example');
  });

  it('uses the address Jira shows the sender without asking the Email API', async () => {
    const world = await configuredWorld();
    world.issueData.participants = [CASEY, SAM];

    await expect(
      world.issueAction.sendIssueEmail(issueRequest({ ...payload, to: [{ accountId: 'u-sam' }] })),
    ).resolves.toMatchObject({ ok: true });
    expect(world.issueData.userEmailCalls).toEqual([]);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ to: ['sam@example.com'] });
  });

  it('does not fold a hidden person into a typed address, so a guessed address is never confirmed', async () => {
    const world = await configuredWorld();
    world.issueData.participants = [CASEY];
    world.issueData.userEmails = { 'u-casey': 'casey@customer.example' };

    const answer = await world.issueAction.sendIssueEmail(
      issueRequest({ ...payload, to: ['casey@customer.example', { accountId: 'u-casey' }] }),
    );
    expect(answer).toMatchObject({ ok: true, data: { recipientCount: 2 } });
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ to: ['casey@customer.example', 'Casey Customer'] });
  });

  it.each<[string, IssuePerson[], Record<string, string>, Record<string, string>]>([
    [
      'someone who is not on the issue',
      [SAM],
      {},
      { cc: "Only this issue's reporter, assignee and watchers can be added from Jira." },
    ],
    [
      'a deactivated account',
      [{ ...CASEY, active: false }],
      { 'u-casey': 'casey@customer.example' },
      { cc: 'Casey Customer cannot be emailed: their Jira account is deactivated.' },
    ],
    ['a person Jira gives no address for', [CASEY], {}, { cc: 'Jira gives no email address for Casey Customer.' }],
  ])('refuses %s, queueing nothing', async (_name, participants, userEmails, fieldErrors) => {
    const world = await configuredWorld();
    world.issueData.participants = participants;
    world.issueData.userEmails = userEmails;

    await expect(
      world.issueAction.sendIssueEmail(
        issueRequest({ ...payload, to: ['ada@example.com'], cc: [{ accountId: 'u-casey' }] }),
      ),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors },
    });
    expect(world.queue.pushed).toHaveLength(0);
  });

  it('refuses a sender the admin does not let send before looking any address up', async () => {
    const world = await configuredWorld();
    world.issueData.participants = [CASEY];
    world.issueData.userEmails = { 'u-casey': 'casey@customer.example' };
    world.issueData.permission = { allowed: false, reason: 'Ask your Jira admin for access.' };

    await expect(
      world.issueAction.sendIssueEmail(issueRequest({ ...payload, to: [{ accountId: 'u-casey' }] })),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED_TO_SEND', message: 'Ask your Jira admin for access.' },
    });
    expect(world.issueData.userEmailCalls).toEqual([]);
  });

  it.each([
    ['an account id with a slash', { accountId: 'u/../x' }],
    ['a name next to the account id', { accountId: 'u-casey', name: 'Casey' }],
    ['an address in the object', { address: 'casey@customer.example' }],
  ])('refuses %s as an invalid request', async (_name, recipient) => {
    const world = await configuredWorld();
    await expect(
      world.issueAction.sendIssueEmail(issueRequest({ ...payload, to: [recipient] })),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(world.issueData.userEmailCalls).toEqual([]);
  });
});
