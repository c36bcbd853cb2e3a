import { fixtureResponse, graphFixture, tokenFixture } from '../support/fixtures';
import {
  adminRequest,
  configuredWorld,
  emailIdOf,
  issueRequest,
  resolverWorld,
  silenceWarnings,
} from '../support/resolvers';

const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };
/** The admin-audience message the email log keeps; the dialog shows it too once the email failed. */
const INVALID_SECRET_GUIDANCE =
  "Microsoft says the client secret is wrong (AADSTS7000215). Paste the secret's Value, not its Secret ID. The Value is shown in " +
  'Microsoft Entra admin center > App registrations > your app > Certificates & secrets only right after the secret is created; ' +
  'if you no longer have it, create a new client secret there and copy its Value.';

describe('issue action resolver functions', () => {
  silenceWarnings();

  it('drafts from the issue in the context', async () => {
    const world = await configuredWorld();
    world.issueData.people = [{ name: 'Grace Hopper', address: 'grace@example.com', source: 'reporter' }];
    world.issueData.attachments = [{ id: '10100', filename: 'log.txt', size: 12, mimeType: 'text/plain' }];
    world.issueData.comments = [
      { id: '1', author: 'Ada', created: '2024-03-08T10:22:05.000+0000', bodyHtml: '<p>Hi</p>' },
    ];
    await expect(world.issueAction.getEmailDraft(issueRequest({}))).resolves.toEqual({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        issueSummary: 'Login page shows a blank screen',
        subject: '[DEMO-1] Login page shows a blank screen',
        senderMailbox: 'support@contoso.com',
        permission: { allowed: true },
        quickPicks: [{ name: 'Grace Hopper', address: 'grace@example.com', source: 'reporter' }],
        templates: [
          {
            id: 'built-in',
            name: 'Standard',
            subject: '[DEMO-1] Login page shows a blank screen',
            uses: { fields: true, description: true, comments: true },
          },
        ],
        defaultTemplateId: 'built-in',
        attachments: [{ id: '10100', filename: 'log.txt', size: 12, mimeType: 'text/plain' }],
        commentCount: 1,
        commentAfterSend: true,
        maxMessageBytes: 150 * 1024 * 1024,
      },
    });
  });

  it('tells a sender the admin does not let them send, and sends nothing', async () => {
    const world = await configuredWorld();
    world.issueData.permission = {
      allowed: false,
      reason: 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.',
    };
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toEqual({
      ok: false,
      error: {
        code: 'NOT_ALLOWED_TO_SEND',
        message: 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.',
      },
    });
    expect(world.queue.pushed).toHaveLength(0);
    expect(world.entities.values.size).toBe(0);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('records the email in the issue history and adds the comment', async () => {
    const world = await configuredWorld();
    const sent = await world.issueAction.sendIssueEmail(
      issueRequest({ ...payload, cc: ['Grace <grace@example.com>'], bcc: ['ken@example.com'] }),
    );
    expect(sent).toEqual({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        emailId: emailIdOf(1),
        queuedAt: '2024-05-06T06:00:00.000Z',
        status: 'queued',
        recipientCount: 3,
      },
    });
    // The history entry and the comment follow the send, in the worker.
    expect(world.issueData.comments_added).toEqual([]);
    await expect(world.issueAction.listEmailHistory(issueRequest({}))).resolves.toEqual({ ok: true, data: [] });
    world.clock.now += 5_000;
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(world.issueData.comments_added).toEqual([
      { issueKey: 'DEMO-1', to: ['ada@example.com'], cc: ['grace@example.com'], subject: '[DEMO-1] Login page' },
    ]);
    await expect(world.issueAction.listEmailHistory(issueRequest({}))).resolves.toEqual({
      ok: true,
      data: [
        {
          id: emailIdOf(1),
          issueKey: 'DEMO-1',
          at: '2024-05-06T06:00:05.000Z',
          sender: { accountId: 'user-1', name: 'Ursula User' },
          from: 'support@contoso.com',
          to: ['ada@example.com'],
          cc: ['grace@example.com'],
          bccCount: 1,
          subject: '[DEMO-1] Login page',
          status: 'sent',
          attachmentCount: 0,
        },
      ],
    });
  });

  it('sends the issue in the context, never one named in the payload', async () => {
    const world = await configuredWorld();

    await expect(
      world.issueAction.sendIssueEmail(issueRequest({ ...payload, issueKey: 'OTHER-9' })),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
    });

    const answer = await world.issueAction.sendIssueEmail(
      issueRequest(payload, 'DEMO-1', { timezone: 'Europe/Berlin' }),
    );
    expect(answer).toEqual({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        emailId: emailIdOf(1),
        queuedAt: '2024-05-06T06:00:00.000Z',
        status: 'queued',
        recipientCount: 1,
      },
    });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(world.jira.calls.map((call) => call.path.split('?')[0])).toEqual([
      '/rest/api/3/mypermissions',
      '/rest/api/3/issue/DEMO-1',
    ]);
    const sent = world.microsoft.calls.find((call) => call.url.endsWith('/sendMail'));
    expect(sent?.body).toContain('11:22');
    expect(sent?.body).toContain(`"internetMessageId":"<${emailIdOf(1)}.demo-1@contoso.com>"`);
    expect(sent?.body).toContain('{"name":"x-issue-mailer-issue","value":"DEMO-1"}');
  });

  it.each([
    ['getEmailDraft', {}],
    ['sendIssueEmail', payload],
  ] as const)('%s answers NO_ISSUE_CONTEXT outside an issue', async (name, body) => {
    const world = resolverWorld();
    await expect(world.issueAction[name](issueRequest(body, null))).resolves.toEqual({
      ok: false,
      error: { code: 'NO_ISSUE_CONTEXT', message: 'Open "Email this issue" from a Jira issue.' },
    });
    expect(world.jira.calls).toHaveLength(0);
  });

  it('answers NOT_CONFIGURED when no credential exists', async () => {
    const world = resolverWorld();
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toEqual({
      ok: false,
      error: {
        code: 'NOT_CONFIGURED',
        message:
          'Issue Mailer is not set up yet. Ask your Jira admin to add a Microsoft 365 credential on the Issue Mailer admin page.',
      },
    });
  });

  it('answers JIRA_ISSUE_NOT_FOUND for an issue the user cannot see', async () => {
    const world = await configuredWorld();
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload, 'SECRET-7'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'JIRA_ISSUE_NOT_FOUND' },
    });
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('queues the email even when the credential will be refused; the sender is pointed at their admin, the log has the guidance', async () => {
    const world = await configuredWorld({ microsoft: () => fixtureResponse(tokenFixture('invalid_secret_7000215')) });
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toMatchObject({
      ok: true,
      data: { status: 'queued' },
    });
    await expect(world.drainOutbox()).resolves.toEqual(['failed']);
    await expect(world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(1) }))).resolves.toEqual({
      ok: true,
      data: {
        emailId: emailIdOf(1),
        status: 'failed',
        attempts: 1,
        lastError: {
          code: 'TOKEN_INVALID_CLIENT_SECRET',
          message:
            'Microsoft 365 did not let Issue Mailer sign in. Tell your Jira admin; the email log has the details.',
          remedy: 'ask-admin',
        },
        finishedAt: expect.any(String),
        recipientCount: 1,
      },
    });
    await expect(world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) }))).resolves.toMatchObject({
      ok: true,
      data: { status: 'failed', lastError: { code: 'TOKEN_INVALID_CLIENT_SECRET', message: INVALID_SECRET_GUIDANCE } },
    });
    expect(world.microsoft.calls.filter((call) => call.url.endsWith('/sendMail'))).toHaveLength(0);
  });

  it.each([
    ['app_access_policy_denied', 'GRAPH_APP_ACCESS_POLICY_DENIED'],
    ['invalid_recipients', 'GRAPH_INVALID_RECIPIENTS'],
    ['mailbox_not_enabled', 'GRAPH_MAILBOX_NOT_ENABLED'],
  ])('answers Graph failure %s as %s', async (name, code) => {
    const world = await configuredWorld({
      microsoft: (call) =>
        call.url.includes('/oauth2/')
          ? new Response(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 't' }), {
              status: 200,
              headers: { 'Content-Type': 'application/json' },
            })
          : fixtureResponse(graphFixture(name)),
    });
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toMatchObject({
      ok: true,
      data: { status: 'queued' },
    });
    // None of these can be fixed by waiting: one attempt, then failed.
    await expect(world.drainOutbox()).resolves.toEqual(['failed']);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ status: 'failed', attempts: 1, lastError: { code } });
  });

  it('answers getEmailStatus for an email of the issue in the context', async () => {
    const world = await configuredWorld();
    await world.issueAction.sendIssueEmail(issueRequest({ ...payload, bcc: ['ken@example.com'] }));
    await expect(world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(1) }))).resolves.toEqual({
      ok: true,
      data: {
        emailId: emailIdOf(1),
        status: 'queued',
        attempts: 0,
        nextAttemptAt: '2024-05-06T06:00:00.000Z',
        recipientCount: 2,
      },
    });
    world.clock.now += 1_000;
    await world.drainOutbox();
    await expect(world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(1) }))).resolves.toEqual({
      ok: true,
      data: {
        emailId: emailIdOf(1),
        status: 'sent',
        attempts: 1,
        sentAt: '2024-05-06T06:00:01.000Z',
        recipientCount: 2,
      },
    });
  });

  it("answers EMAIL_NOT_FOUND for another issue's email, as for one that does not exist", async () => {
    const world = await configuredWorld();
    await world.issueAction.sendIssueEmail(issueRequest(payload));
    const onOtherIssue = { extension: { type: 'jira:issueAction', issue: { id: '10002', key: 'DEMO-2' } } };
    const notFound = {
      ok: false,
      error: { code: 'EMAIL_NOT_FOUND', message: 'This email is not in the email log (any more). Reload the list.' },
    };
    await expect(
      world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(1) }, 'DEMO-2', onOtherIssue)),
    ).resolves.toEqual(notFound);
    await expect(world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(2) }))).resolves.toEqual(notFound);
  });

  it.each([
    [
      { emailId: 'email-1' },
      {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { emailId: 'Not an email id of this app.' },
      },
    ],
    [
      { emailId: emailIdOf(1), issueKey: 'DEMO-2' },
      { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
    ],
  ])('refuses getEmailStatus with payload %j', async (body, error) => {
    const world = await configuredWorld();
    await expect(world.issueAction.getEmailStatus(issueRequest(body))).resolves.toEqual({ ok: false, error });
  });
});
