/**
 * Issue 12, item 18, through the local host: someone who may not send (outside the sending group, or a service desk
 * customer) learns why as soon as "Email this issue" opens, and is given nothing to fill in.
 */
import type { LocalHost } from '../../local/host';
import { CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../local/jira';
import { SUPPORT_AGENTS } from '../../local/jira/seed/groups';
import type { IssueEmailDraft } from '../../src/contract/issue-email';
import type { MailSettings } from '../../src/contract/mail-settings';
import { NOT_AN_AGENT_REASON } from '../../src/mail/sender-access';
import { type Answer, dataOf, invokeAs, settleHost, useLocalHost } from './support/host-invoke';

jest.setTimeout(60_000);

const NOT_IN_GROUP =
  'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.';

let host: LocalHost;
useLocalHost('may-not-send', (started) => {
  host = started;
});

const admin = <T>(functionKey: string, payload: unknown): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey: 'issue-mailer-admin', functionKey, payload });
const dialog = <T>(accountId: string, functionKey: string, payload: unknown): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey: 'email-this-issue', functionKey, payload, issueKey: 'DEMO-1' }, accountId);

const saveSettings = async (change: Partial<MailSettings>): Promise<void> => {
  const current = dataOf(await admin<MailSettings>('getMailSettings', {}));
  dataOf(await admin<MailSettings>('saveMailSettings', { ...current, ...change }));
};

/** The whole answer someone refused gets: the issue, the reason, and nothing to choose from. */
const refused = (reason: string): Partial<IssueEmailDraft> => ({
  issueKey: 'DEMO-1',
  permission: { allowed: false, reason },
  senderMailbox: null,
  quickPicks: [],
  templates: [],
  attachments: [],
  commentCount: 0,
});

describe('"Email this issue" for someone who may not send (issue 12, item 18)', () => {
  afterAll(() => saveSettings({ whoMaySend: { mode: 'everyone' } }));

  it('answers Jordan, outside the sending group, with the reason only, and Sam with the full draft', async () => {
    await saveSettings({
      whoMaySend: {
        mode: 'restricted',
        groups: [{ id: SUPPORT_AGENTS.groupId, name: SUPPORT_AGENTS.name }],
        projectRoles: [],
      },
    });
    expect(dataOf(await dialog<IssueEmailDraft>(JORDAN_MEMBER.accountId, 'getEmailDraft', {}))).toMatchObject(
      refused(NOT_IN_GROUP),
    );

    const sam = dataOf(await dialog<IssueEmailDraft>(SAM_AGENT.accountId, 'getEmailDraft', {}));
    expect(sam.permission).toEqual({ allowed: true });
    expect(sam.senderMailbox).toBe('support@contoso.onmicrosoft.com');
    expect(sam.templates.length).toBeGreaterThan(0);
    expect(sam.quickPicks.length).toBeGreaterThan(0);
  });

  it('refuses Casey, a service desk customer, even when everyone may send: on opening and on "Send"', async () => {
    await saveSettings({ whoMaySend: { mode: 'everyone' } });
    expect(dataOf(await dialog<IssueEmailDraft>(CASEY_CUSTOMER.accountId, 'getEmailDraft', {}))).toMatchObject(
      refused(NOT_AN_AGENT_REASON),
    );

    const sent = await dialog(CASEY_CUSTOMER.accountId, 'sendIssueEmail', {
      to: ['someone@example.com'],
      subject: 'Hello',
    });
    expect(sent).toEqual({ ok: false, error: { code: 'NOT_ALLOWED_TO_SEND', message: NOT_AN_AGENT_REASON } });
    await settleHost(host);
    expect(host.microsoft.sentMessages()).toHaveLength(0);

    // Jordan, a Jira user, is not refused by this.
    expect(dataOf(await dialog<IssueEmailDraft>(JORDAN_MEMBER.accountId, 'getEmailDraft', {})).permission).toEqual({
      allowed: true,
    });
  });
});
