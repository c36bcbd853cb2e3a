import { fixtureResponse, graphFixture, tokenFixture } from '../support/fixtures';
import { configuredWorld, issueRequest, resolverWorld, silenceWarnings } from '../support/resolvers';

const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };

describe('issue action resolver functions', () => {
  silenceWarnings();

  it('drafts from the issue in the context', async () => {
    const world = await configuredWorld();
    world.issueData.people = [{ name: 'Grace Hopper', address: 'grace@example.com', source: 'reporter' }];
    world.issueData.attachments = [{ id: '10100', filename: 'log.txt', size: 12, mimeType: 'text/plain' }];
    world.issueData.comments = [{ id: '1', author: 'Ada', created: '2024-03-08T10:22:05.000+0000', bodyHtml: '<p>Hi</p>' }];
    await expect(world.issueAction.getEmailDraft(issueRequest({}))).resolves.toEqual({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        issueSummary: 'Login page shows a blank screen',
        subject: '[DEMO-1] Login page shows a blank screen',
        senderMailbox: 'support@contoso.com',
        permission: { allowed: true },
        quickPicks: [{ name: 'Grace Hopper', address: 'grace@example.com', source: 'reporter' }],
        templates: [{ id: 'built-in', name: 'Standard' }],
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
    world.issueData.permission = { allowed: false, reason: 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.' };
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED_TO_SEND', message: 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.' },
    });
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('records the email in the issue history and adds the comment', async () => {
    const world = await configuredWorld();
    const sent = await world.issueAction.sendIssueEmail(issueRequest({ ...payload, cc: ['Grace <grace@example.com>'], bcc: ['ken@example.com'] }));
    expect(sent).toEqual({
      ok: true,
      data: { issueKey: 'DEMO-1', emailId: 'email-1', sentAt: '2024-05-06T06:00:00.000Z', recipientCount: 3, commented: true },
    });
    expect(world.issueData.comments_added).toEqual([
      { issueKey: 'DEMO-1', to: ['ada@example.com'], cc: ['grace@example.com'], subject: '[DEMO-1] Login page' },
    ]);
    await expect(world.issueAction.listEmailHistory(issueRequest({}))).resolves.toEqual({
      ok: true,
      data: [
        {
          id: 'email-1',
          issueKey: 'DEMO-1',
          at: '2024-05-06T06:00:00.000Z',
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

    await expect(world.issueAction.sendIssueEmail(issueRequest({ ...payload, issueKey: 'OTHER-9' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
    });

    const answer = await world.issueAction.sendIssueEmail(issueRequest(payload, 'DEMO-1', { timezone: 'Europe/Berlin' }));
    expect(answer).toEqual({
      ok: true,
      data: { issueKey: 'DEMO-1', emailId: 'email-1', sentAt: '2024-05-06T06:00:00.000Z', recipientCount: 1, commented: true },
    });
    expect(world.jira.calls.map((call) => call.path.split('?')[0])).toEqual(['/rest/api/3/mypermissions', '/rest/api/3/issue/DEMO-1']);
    const sent = world.microsoft.calls.find((call) => call.url.endsWith('/sendMail'));
    expect(sent?.body).toContain('11:22');
    expect(sent?.body).toContain('"internetMessageId":"<email-1.demo-1@contoso.com>"');
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
        message: 'Issue Mailer is not set up yet. Ask your Jira admin to add a Microsoft 365 credential on the Issue Mailer admin page.',
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

  it('points a sender at their admin when the credential is refused', async () => {
    const world = await configuredWorld({ microsoft: () => fixtureResponse(tokenFixture('invalid_secret_7000215')) });
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toEqual({
      ok: false,
      error: {
        code: 'TOKEN_INVALID_CLIENT_SECRET',
        message: 'Issue Mailer could not sign in to Microsoft 365. Ask your Jira admin to test the connection on the Issue Mailer admin page.',
      },
    });
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
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toMatchObject({ ok: false, error: { code } });
  });
});
