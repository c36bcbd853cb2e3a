import { ALEX_ADMIN, JORDAN_MEMBER } from '../../local/jira';
import { type Answer, data } from './support/answers';
import { type LocalStack, useLocalStack } from './support/local-stack';

let stack: LocalStack;
useLocalStack((started) => {
  stack = started;
});

describe('emailing an issue through the real handlers, runtime globals and emulators', () => {
  let credentialId: string;

  it('saves a credential as a Jira admin and never answers its secret', async () => {
    const answer = await stack.admin('saveCredential', stack.credential());
    const view = data<{ id: string; hasSecret: boolean; isDefault: boolean }>(answer);
    credentialId = view.id;
    expect(view.hasSecret).toBe(true);
    expect(view.isDefault).toBe(true);
    const list = await stack.admin('listCredentials', {});
    expect(JSON.stringify([answer, list])).not.toContain(stack.demoApp.secrets[0]?.value);
  });

  it('refuses a user who is not a Jira admin', async () => {
    const answer = (await stack.admin('listCredentials', {}, JORDAN_MEMBER.accountId)) as Answer;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('NOT_ADMIN');
  });

  it('tests the connection: a token with every permission, the sender mailbox found and readable', async () => {
    const result = data<{ ok: boolean; code: string; steps: Array<{ status: string }> }>(
      await stack.admin('testConnection', { id: credentialId }),
    );
    expect(result).toMatchObject({ ok: true, code: 'OK' });
    expect(result.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed']);
    expect(stack.microsoft.requestCounts()).toEqual({ token: 1, graph: 2 });
  });

  it('drafts the email from the issue the action was opened on', async () => {
    const draft = data<{ issueKey: string; subject: string; senderMailbox: string }>(
      await stack.issueAction('getEmailDraft', {}),
    );
    expect(draft.issueKey).toBe('DEMO-1');
    expect(draft.subject).toMatch(/^\[DEMO-1\] \S/);
    expect(draft.senderMailbox).toBe('support@contoso.onmicrosoft.com');
  });

  it('sends the issue through Graph: one Graph request per email, the token reused from kvs', async () => {
    for (const key of ['DEMO-1', 'DEMO-2', 'DEMO-3']) {
      const sent = data<{ issueKey: string; recipientCount: number }>(
        await stack.issueAction(
          'sendIssueEmail',
          {
            to: ['reader@example.com'],
            cc: ['lead@example.com'],
            subject: `[${key}] hello`,
            message: 'Have a look <please>',
          },
          key,
        ),
      );
      expect(sent).toMatchObject({ issueKey: key, recipientCount: 2, status: 'queued' });
    }
    await stack.outboxIdle();
    expect(stack.microsoft.requestCounts()).toEqual({ token: 0, graph: 3 });
    const last = stack.microsoft.sentMessages('support@contoso.onmicrosoft.com').at(-1);
    expect(last?.message.subject).toBe('[DEMO-3] hello');
    expect(last?.message.toRecipients).toEqual([{ emailAddress: { address: 'reader@example.com' } }]);
    expect(last?.message.ccRecipients).toEqual([{ emailAddress: { address: 'lead@example.com' } }]);
    expect(last?.message.body?.contentType?.toLowerCase()).toBe('html');
    expect(last?.message.body?.content).toContain('Have a look &lt;please&gt;');
    expect(last?.message.body?.content).toContain('http://127.0.0.1:4000/browse/DEMO-3');
  });

  it('rides out a throttled Graph answer by honouring Retry-After, through the queue', async () => {
    stack.microsoft.injectFault({ target: 'graph', kind: 'throttle', count: 1, retryAfterSeconds: 1 });
    const sent = data<{ emailId: string }>(
      await stack.issueAction('sendIssueEmail', { to: ['reader@example.com'], subject: 'Retry', message: '' }),
    );
    await stack.outboxIdle();
    expect(stack.microsoft.requestCounts().graph).toBe(2);
    const entry = data<{ status: string; attempts: number; events: Array<{ status: string; note: string }> }>(
      await stack.admin('getEmailLogEntry', { emailId: sent.emailId }),
    );
    expect(entry).toMatchObject({ status: 'sent', attempts: 2 });
    expect(entry.events.map((event) => event.status)).toEqual(['queued', 'sending', 'retrying', 'sending', 'sent']);
    expect(entry.events[2]?.note).toMatch(
      /^Attempt 1 failed \(POST 127\.0\.0\.1:\d+\/v1\.0\/users\/support%40contoso\.onmicrosoft\.com\/sendMail answered 429 ApplicationThrottled \(request-id [0-9a-f-]+\)\); trying again in 1 s as Microsoft 365 asked \(Retry-After\)\.$/,
    );
  });

  it("answers a wrong secret with the AADSTS7000215 guidance, never the secret or Microsoft's raw text", async () => {
    const wrong = 'Wr0ng~SecretValue.ForTheIntegrationTest_42';
    const saved = data<{ id: string }>(
      await stack.admin('saveCredential', stack.credential({ name: 'Wrong secret', clientSecret: wrong })),
    );
    const answer = await stack.admin('testConnection', { id: saved.id });
    const result = data<{ ok: boolean; code: string; message: string }>(answer);
    expect(result.ok).toBe(false);
    expect(result.code).toBe('TOKEN_INVALID_CLIENT_SECRET');
    expect(result.message).toContain('AADSTS7000215');
    expect(result.message).toContain("Paste the secret's Value, not its Secret ID");
    expect(result.message).not.toMatch(/Trace ID|Correlation ID/);
    const listed = await stack.admin('listCredentials', {});
    expect(JSON.stringify([answer, listed])).not.toContain(wrong);
  });

  it('answers an expired secret with the AADSTS7000222 guidance', async () => {
    const expired = stack.demoApp.secrets.find((s) => Date.parse(s.expiresOn) < Date.now());
    const saved = data<{ id: string }>(
      await stack.admin('saveCredential', stack.credential({ name: 'Expired', clientSecret: expired?.value })),
    );
    const result = data<{ ok: boolean; code: string; message: string }>(
      await stack.admin('testConnection', { id: saved.id }),
    );
    expect(result).toMatchObject({ ok: false, code: 'TOKEN_CLIENT_SECRET_EXPIRED' });
    expect(result.message).toContain('AADSTS7000222');
  });

  it('fails an email at once, with the reason in the email log, when the mailbox is unknown to Graph', async () => {
    const update = data<{ id: string }>(
      await stack.admin(
        'saveCredential',
        stack.credential({ id: credentialId, clientSecret: '', senderMailbox: 'nobody@contoso.onmicrosoft.com' }),
      ),
    );
    expect(update.id).toBe(credentialId);
    const sent = data<{ emailId: string }>(
      await stack.issueAction('sendIssueEmail', { to: ['reader@example.com'], subject: 'x', message: '' }),
    );
    await stack.outboxIdle();
    const entry = data<{ status: string; attempts: number; lastError: { code: string; message: string } }>(
      await stack.admin('getEmailLogEntry', { emailId: sent.emailId }),
    );
    expect(entry).toMatchObject({ status: 'failed', attempts: 1, lastError: { code: 'GRAPH_MAILBOX_NOT_FOUND' } });
    expect(entry.lastError.message).toBe(
      "Microsoft 365 has no mailbox for the credential's sender address. Check the sender mailbox on the Issue Mailer admin page.",
    );
    data(await stack.admin('saveCredential', stack.credential({ id: credentialId, clientSecret: '' })));
  });

  it('validates the payload and names the field', async () => {
    const answer = (await stack.issueAction('sendIssueEmail', {
      to: ['not an address'],
      subject: '',
      message: '',
    })) as Answer;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('VALIDATION_FAILED');
    expect(!answer.ok && Object.keys(answer.error.fieldErrors ?? {}).sort()).toEqual(['subject', 'to']);
  });

  it('reads the issue, its people, watchers, attachments and comments in five Jira requests (and one for "may send"), once the app knows its own account', async () => {
    expect(ALEX_ADMIN.isAdmin).toBe(true);
    // The app's own account (whose comments emails leave out) is read once per container: a warm one asks no more.
    // DEMO-6 carries no app comments from the tests before (on DEMO-1, reading past them would take more pages).
    await stack.issueAction('getEmailDraft', {}, 'DEMO-6');
    await stack.outboxIdle();
    const before = stack.runtime.stats().jiraRequests;
    await stack.issueAction('getEmailDraft', {}, 'DEMO-6');
    // The sixth: whether Jira lets the caller browse people (customers may not send), asked before anything else.
    expect(stack.runtime.stats().jiraRequests).toBe(before + 6);
  });
});
