/**
 * SEC, a project whose permission scheme grants its security team (Sam) only: the app's own Jira account cannot see
 * it, as on a real site where a scheme leaves out the atlassian-addons-project-access role. Through the local host
 * (each function in a worker process, the app's Jira calls through the platform proxy):
 * - Sam emails SEC-1 with its attachment: the worker reads it with Sam's rights (offline impersonation, allowed by
 *   manifest.yml) and the bytes arrive as Jira holds them; the "Emailed to" comment the app cannot add is explained
 *   in the email log;
 * - a notification rule on SEC says on the admin page why it cannot send.
 */
import { createHash } from 'node:crypto';

import type { LocalHost } from '../../local/host';
import { SAM_AGENT } from '../../local/jira';
import type { EmailLogEntry } from '../../src/contract/email-log';
import type { SentIssueEmail } from '../../src/contract/issue-email';
import type { NotificationRuleView } from '../../src/contract/notification-rules';
import { dataOf, invokeAs, useLocalHost } from './support/host-invoke';

jest.setTimeout(60_000);

const SUPPORT = 'support@contoso.onmicrosoft.com';

let host: LocalHost;
useLocalHost('restricted', (started) => {
  host = started;
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The attachment's bytes as Jira serves them to Sam, who may read SEC. */
const jiraBytes = async (attachmentId: string): Promise<Buffer> => {
  const answer = await host.jira.handle(
    { method: 'GET', path: `/rest/api/3/attachment/content/${attachmentId}?redirect=false`, headers: {} },
    { type: 'user', accountId: SAM_AGENT.accountId },
  );
  expect(answer.status).toBe(200);
  return Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body);
};

describe("a project the app's own Jira account cannot see", () => {
  it("emails SEC-1 with its attachment as Sam sees it, and says in the email log why the app's comment is missing", async () => {
    const sent = dataOf(
      await invokeAs<SentIssueEmail>(
        host,
        {
          moduleKey: 'email-this-issue',
          functionKey: 'sendIssueEmail',
          issueKey: 'SEC-1',
          payload: {
            to: ['soc@example.com'],
            subject: '[SEC-1] Phishing campaign',
            message: 'The headers.',
            attachmentIds: ['10099'],
          },
        },
        SAM_AGENT.accountId,
      ),
    );
    await host.queue.whenIdle();

    const message = host.microsoft
      .sentMessages(SUPPORT)
      .find((candidate) => candidate.message.subject === '[SEC-1] Phishing campaign');
    const attachment = message?.message.attachments?.[0];
    expect(attachment).toMatchObject({ name: 'phishing-headers.log', contentType: 'text/plain' });
    expect(sha256(Buffer.from(attachment?.contentBytes ?? '', 'base64'))).toBe(sha256(await jiraBytes('10099')));

    const entry = dataOf(
      await invokeAs<EmailLogEntry>(host, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'getEmailLogEntry',
        payload: { emailId: sent.emailId },
      }),
    );
    expect(entry.status).toBe('sent');
    expect(entry.events.map((event) => event.note)).toContain(
      'The "Emailed to" comment was not added: Issue Mailer\'s own Jira account cannot see or comment on SEC-1. ' +
        "To have it, grant the atlassian-addons-project-access role Browse projects and Add comments in the project's permission scheme.",
    );
    // The app's comment is not there, and nothing was posted as Sam in its place.
    const comments = await host.jira.handle(
      { method: 'GET', path: '/rest/api/3/issue/SEC-1/comment', headers: {} },
      { type: 'user', accountId: SAM_AGENT.accountId },
    );
    expect(JSON.parse(comments.body.toString())).toMatchObject({ total: 0 });
  });

  it('shows on the admin page why a notification rule on SEC cannot send', async () => {
    const templates = dataOf(
      await invokeAs<Array<{ id: string }>>(host, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'listTemplates',
        payload: {},
      }),
    );
    const rule = dataOf(
      await invokeAs<NotificationRuleView>(host, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'saveNotificationRule',
        payload: {
          name: 'Security incidents to the SOC',
          enabled: true,
          event: 'issue-commented',
          projectKeys: ['SEC', 'DEMO'],
          templateId: templates[0]?.id,
          recipients: { addresses: ['soc@example.com'], roles: [] },
        },
      }),
    );
    const rules = dataOf(
      await invokeAs<NotificationRuleView[]>(host, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'listNotificationRules',
        payload: {},
      }),
    );
    const listed = rules.find((candidate) => candidate.id === rule.id);
    expect(listed?.warnings).toEqual([
      "Issue Mailer's own Jira account cannot see project SEC, so this rule sends nothing for SEC issues. Grant the atlassian-addons-project-access role Browse projects in SEC's permission scheme.",
    ]);
  });
});
