/**
 * Issue 12, items 1, 2 and 4, through the local host: "who may send" also holds for the Automation action's actor
 * and for the dialog's people search; rules send only from mailboxes an admin allowed, and a rule cannot loop.
 * Sending is limited to support-agents (Alex, Sam); Jordan Lee is outside it, Casey Customer is a customer.
 */
import type { LocalHost } from '../../local/host';
import { CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../local/jira';
import { SUPPORT_AGENTS } from '../../local/jira/seed/groups';
import type { CredentialView } from '../../src/contract/credentials';
import type { PersonOption } from '../../src/contract/issue-email';
import type { MailSettings } from '../../src/contract/mail-settings';
import { type Answer, dataOf, invokeAs, jiraAs, settleHost, useLocalHost, userActor } from './support/host-invoke';

jest.setTimeout(60_000);

const SUPPORT = 'support@contoso.onmicrosoft.com';
const NOT_ALLOWED = 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.';

let host: LocalHost;
useLocalHost('reach', (started) => {
  host = started;
});

const admin = <T>(functionKey: string, payload: unknown): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey: 'issue-mailer-admin', functionKey, payload });

const searchPeople = (accountId: string, query: string) =>
  invokeAs<PersonOption[]>(
    host,
    { moduleKey: 'email-this-issue', functionKey: 'searchPeople', payload: { query }, issueKey: 'DEMO-1' },
    accountId,
  );

const saveSettings = async (change: Partial<MailSettings>): Promise<MailSettings> => {
  const current = dataOf(await admin<MailSettings>('getMailSettings', {}));
  return dataOf(await admin<MailSettings>('saveMailSettings', { ...current, ...change }));
};

const RESTRICTED: Partial<MailSettings> = {
  whoMaySend: {
    mode: 'restricted',
    groups: [{ id: SUPPORT_AGENTS.groupId, name: SUPPORT_AGENTS.name }],
    projectRoles: [],
  },
};

const commentCount = async (issueKey: string): Promise<number> => {
  const answer = await jiraAs(host, userActor(SAM_AGENT.accountId), 'GET', `/rest/api/3/issue/${issueKey}/comment`);
  return (answer.json as { total: number }).total;
};

/** A second credential, Contoso no-reply, beside the demo one (the default). */
const addSecondCredential = async (): Promise<CredentialView> => {
  const [demo] = dataOf(await admin<CredentialView[]>('listCredentials', {}));
  const tenant = host.microsoft.config.tenants[0];
  const secret = tenant?.apps
    .find((app) => app.clientId === demo?.clientId)
    ?.secrets.find((candidate) => Date.parse(candidate.expiresOn) > Date.now());
  if (demo === undefined || secret === undefined) throw new Error('The local host has no demo credential.');
  const { id: _id, isDefault: _isDefault, ...rest } = demo as CredentialView & Record<string, unknown>;
  const input = {
    name: 'Contoso no-reply',
    provider: 'microsoft365',
    grantType: 'client_credentials',
    clientId: demo.clientId,
    clientSecret: secret.value,
    tokenEndpoint: rest['tokenEndpoint'],
    scope: rest['scope'],
    senderMailbox: 'noreply@contoso.onmicrosoft.com',
    graphBaseUrl: rest['graphBaseUrl'],
    secretExpiresOn: secret.expiresOn.slice(0, 10),
  };
  return dataOf(await admin<CredentialView>('saveCredential', input));
};

describe('the people search of "Email this issue" (issue 12, item 2)', () => {
  afterAll(() => saveSettings({ whoMaySend: { mode: 'everyone' } }));

  it('refuses Jordan, outside the sending group, and Casey, a customer, before asking the directory', async () => {
    await saveSettings(RESTRICTED);
    for (const accountId of [JORDAN_MEMBER.accountId, CASEY_CUSTOMER.accountId]) {
      await expect(searchPeople(accountId, 'Megan')).resolves.toEqual({
        ok: false,
        error: { code: 'NOT_ALLOWED_TO_SEND', message: NOT_ALLOWED },
      });
    }
    const sam = dataOf(await searchPeople(SAM_AGENT.accountId, 'Megan'));
    expect(sam).toContainEqual(expect.objectContaining({ name: 'Megan Bowen', source: 'directory' }));
  });

  it('finds no one for Casey even when everyone who can see the issue may send: customers may not browse people', async () => {
    await saveSettings({ whoMaySend: { mode: 'everyone' } });
    await expect(searchPeople(CASEY_CUSTOMER.accountId, 'Megan')).resolves.toEqual({ ok: true, data: [] });
    expect(dataOf(await searchPeople(JORDAN_MEMBER.accountId, 'Megan'))).toContainEqual(
      expect.objectContaining({ name: 'Megan Bowen', source: 'directory' }),
    );
  });
});

describe('the "Send issue email" Automation action (issue 12, items 1 and 4)', () => {
  const rule = (recipients: string, mailbox = '') => ({
    issueKey: '{{issue.key}}',
    recipients,
    template: '',
    mailbox,
    message: 'From a rule: {{issue.key}}',
  });

  it('refuses a rule that runs as Jordan, outside the sending group, and sends nothing', async () => {
    await saveSettings(RESTRICTED);
    try {
      const before = host.microsoft.sentMessages(SUPPORT).length;
      const run = await host.runAutomationAction({
        issueKey: 'DEMO-2',
        inputs: rule('jordan-rule@example.com'),
        accountId: JORDAN_MEMBER.accountId,
      });
      expect(run).toMatchObject({
        outcome: 'failure',
        messages: [`Not sent: this rule runs as a user who may not email issues. ${NOT_ALLOWED}`],
      });
      await settleHost(host);
      expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before);
    } finally {
      await saveSettings({ whoMaySend: { mode: 'everyone' } });
    }
  });

  it('refuses a mailbox that is another credential, or unknown, in the same words, naming no credential or mailbox', async () => {
    const second = await addSecondCredential();
    const refusal = (mailbox: string) =>
      `Not sent: "${mailbox}" is not a mailbox Automation rules may send from. Leave "Sender mailbox" empty to send from ` +
      "Issue Mailer's default mailbox, or ask a Jira admin which mailboxes rules may use.";
    for (const mailbox of ['Contoso no-reply', 'noreply@contoso.onmicrosoft.com', 'ceo@contoso.onmicrosoft.com']) {
      const run = await host.runAutomationAction({
        issueKey: 'DEMO-2',
        inputs: rule('hostile@example.com', mailbox),
        accountId: JORDAN_MEMBER.accountId,
      });
      expect(run).toMatchObject({ outcome: 'failure', messages: [refusal(mailbox)] });
      expect(run.messages.join(' ')).not.toContain(SUPPORT);
      expect(run.messages.join(' ')).not.toContain('Contoso support');
    }
    // Once an admin lets rules use it, the rule may name it.
    await saveSettings({ automationCredentialIds: [second.id] });
    const allowed = await host.runAutomationAction({
      issueKey: 'DEMO-2',
      inputs: rule('noreply-rule@example.com', 'Contoso no-reply'),
      accountId: JORDAN_MEMBER.accountId,
    });
    expect(allowed).toMatchObject({ outcome: 'success', messages: [] });
  });

  it('adds no comment to the issue, and a rule that fires on its own runs sends 5 emails an hour, then says why', async () => {
    const comments = await commentCount('DEMO-3');
    const recipients = 'loop@example.com';
    const sentToLoop = () =>
      host.microsoft
        .sentMessages(SUPPORT)
        .filter((mail) => mail.message.toRecipients?.some((to) => to.emailAddress.address === recipients));
    for (let run = 1; run <= 5; run += 1) {
      expect(await host.runAutomationAction({ issueKey: 'DEMO-3', inputs: rule(recipients) })).toMatchObject({
        outcome: 'success',
      });
    }
    const sixth = await host.runAutomationAction({ issueKey: 'DEMO-3', inputs: rule(recipients) });
    expect(sixth).toMatchObject({
      outcome: 'failure',
      messages: [
        'Not sent: this rule has already emailed DEMO-3 5 times in the last hour, the most Issue Mailer sends for one rule and one issue in an hour. ' +
          'If the rule is triggered by changes its own emails cause, add a condition so that it does not trigger itself.',
      ],
    });
    await settleHost(host);
    expect(sentToLoop()).toHaveLength(5);
    expect(await commentCount('DEMO-3')).toBe(comments);
  });
});
