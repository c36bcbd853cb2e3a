/**
 * People whose address Jira hides (Casey Customer, reporter of DEMO-1 and DEMO-4) through the local host: the
 * dialog picks them by account id, notification rules and the Automation action name them by role, and the app
 * reads the address with Jira's Email API as the app; Microsoft 365 gets the address, the people never see it.
 */
import type { LocalHost } from '../../local/host';
import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../local/jira';
import type { JiraActor } from '../../local/jira/types';
import type { EmailLogPage } from '../../src/contract/email-log';
import type { EmailHistoryEntry, IssueEmailDraft, SentIssueEmail } from '../../src/contract/issue-email';
import type { NotificationRuleView } from '../../src/contract/notification-rules';
import {
  adfText,
  type Answer,
  dataOf,
  invokeAs,
  jiraAs,
  settleHost,
  useLocalHost,
  userActor,
} from './support/host-invoke';

jest.setTimeout(60_000);

const SUPPORT = 'support@contoso.onmicrosoft.com';
const CASEY_ADDRESS = 'casey.customer@customer.example';

let host: LocalHost;
useLocalHost('hidden', (started) => {
  host = started;
});

const invoke = <T>(
  moduleKey: string,
  functionKey: string,
  payload: unknown,
  issueKey?: string,
  accountId = ALEX_ADMIN.accountId,
): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey, functionKey, payload, ...(issueKey === undefined ? {} : { issueKey }) }, accountId);

const data = dataOf;

const jira = (actor: JiraActor, method: string, restPath: string, body?: unknown) =>
  jiraAs(host, actor, method, restPath, body);
const asUser = userActor;
const adf = adfText;

/** Waits until the events are handled and every queued email is sent or failed. */
const settle = () => settleHost(host);

const toAddresses = (message: { toRecipients?: Array<{ emailAddress: { address: string } }> } | undefined) =>
  (message?.toRecipients ?? []).map((recipient) => recipient.emailAddress.address);

const lastSent = () => host.microsoft.sentMessages(SUPPORT).at(-1)?.message;

describe('the "Email this issue" dialog and a reporter whose address Jira hides', () => {
  it('offers the reporter by account id, never with the address', async () => {
    const answer = await invoke<IssueEmailDraft>('email-this-issue', 'getEmailDraft', {}, 'DEMO-1');
    const draft = data(answer);
    expect(draft.quickPicks[0]).toEqual({
      name: 'Casey Customer',
      address: null,
      accountId: CASEY_CUSTOMER.accountId,
      source: 'reporter',
    });
    expect(JSON.stringify(answer)).not.toContain(CASEY_ADDRESS);
  });

  it('queues the email to the reporter, Microsoft 365 gets the address, and the records name Casey', async () => {
    const sent = data(
      await invoke<SentIssueEmail>(
        'email-this-issue',
        'sendIssueEmail',
        { to: [{ accountId: CASEY_CUSTOMER.accountId }], subject: '[DEMO-1] For Casey', message: 'Fixed.' },
        'DEMO-1',
      ),
    );
    expect(sent).toMatchObject({ issueKey: 'DEMO-1', status: 'queued', recipientCount: 1 });
    await settle();

    const message = lastSent();
    expect(message?.subject).toBe('[DEMO-1] For Casey');
    expect(toAddresses(message)).toEqual([CASEY_ADDRESS]);

    const history = await invoke<EmailHistoryEntry[]>('email-this-issue', 'listEmailHistory', {}, 'DEMO-1');
    expect(data(history)[0]).toMatchObject({ id: sent.emailId, to: ['Casey Customer'], status: 'sent' });
    const log = await invoke<EmailLogPage>('issue-mailer-admin', 'listEmailLog', {});
    expect(data(log).items.find((entry) => entry.emailId === sent.emailId)).toMatchObject({ to: ['Casey Customer'] });
    const entry = await invoke<unknown>('issue-mailer-admin', 'getEmailLogEntry', { emailId: sent.emailId });
    expect(JSON.stringify([history, log, entry])).not.toContain(CASEY_ADDRESS);

    // The "Emailed to" comment, as Jordan (who cannot see Casey's address) reads the issue.
    const comments = await jira(
      asUser(JORDAN_MEMBER.accountId),
      'GET',
      '/rest/api/3/issue/DEMO-1/comment?orderBy=-created&maxResults=1',
    );
    const text = JSON.stringify(comments.json);
    expect(text).toContain('Emailed to Casey Customer by ');
    expect(text).not.toContain(CASEY_ADDRESS);
  });

  it('refuses a Jira user who is not on the issue, and sends nothing', async () => {
    const before = host.microsoft.sentMessages(SUPPORT).length;
    const answer = await invoke<SentIssueEmail>(
      'email-this-issue',
      'sendIssueEmail',
      { to: [{ accountId: JORDAN_MEMBER.accountId }], subject: 'x', message: '' },
      'DEMO-1',
    );
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { to: "Only this issue's reporter, assignee and watchers can be added from Jira." },
      },
    });
    await settle();
    expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before);
  });

  it('asks the Email API as the app: the same call as a person is refused', async () => {
    const asPerson = await jira(
      asUser(ALEX_ADMIN.accountId),
      'GET',
      `/rest/api/3/user/email/bulk?accountId=${encodeURIComponent(CASEY_CUSTOMER.accountId)}`,
    );
    expect(asPerson.status).toBe(401);
  });
});

describe('notification rules and the Automation action emailing the hidden reporter', () => {
  it('a rule that emails the reporter delivers to Casey', async () => {
    data(
      await invoke<NotificationRuleView>('issue-mailer-admin', 'saveNotificationRule', {
        enabled: true,
        templateId: 'built-in',
        name: 'Tell the reporter',
        event: 'issue-commented',
        projectKeys: ['DEMO'],
        recipients: { addresses: [], roles: ['reporter'] },
      }),
    );
    const before = host.microsoft.sentMessages(SUPPORT).length;
    expect(
      (
        await jira(asUser(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-4/comment', {
          body: adf('The printer is fixed.'),
        })
      ).status,
    ).toBe(201);
    await settle();

    const sent = host.microsoft.sentMessages(SUPPORT);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)?.message.subject).toMatch(/^\[DEMO-4\] /);
    expect(toAddresses(sent.at(-1)?.message)).toEqual([CASEY_ADDRESS]);
    const log = data(await invoke<EmailLogPage>('issue-mailer-admin', 'listEmailLog', {}));
    expect(log.items[0]).toMatchObject({ issueKey: 'DEMO-4', to: ['Casey Customer'] });
  });

  it('the Automation action\'s "reporter" delivers to Casey', async () => {
    const before = host.microsoft.sentMessages(SUPPORT).length;
    const run = await host.runAutomationAction({
      issueKey: 'DEMO-1',
      inputs: { issueKey: '{{issue.key}}', recipients: 'reporter', template: '', mailbox: '', message: 'From a rule.' },
    });
    expect(run).toMatchObject({ outcome: 'success', messages: [] });
    await settle();

    const sent = host.microsoft.sentMessages(SUPPORT);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)?.message.subject).toMatch(/^\[DEMO-1\] /);
    expect(toAddresses(sent.at(-1)?.message)).toEqual([CASEY_ADDRESS]);
    expect(sent.at(-1)?.message.body?.content).toContain('From a rule.');
  });
});
