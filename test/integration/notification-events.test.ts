/**
 * The rule events beyond created / commented / transitioned, through the local host: a change in the local Jira
 * fires Forge's product event (assigned, updated with a priority, resolution or field in its changelog, attachment
 * created), the `issue-events` trigger runs the rules, and the outbox sends to the Microsoft emulator.
 */
import type { LocalHost } from '../../local/host';
import { ALEX_ADMIN, SAM_AGENT } from '../../local/jira';
import type { NotificationRuleView } from '../../src/contract/notification-rules';
import { type Answer, dataOf, invokeAs, jiraAs, settleHost, useLocalHost, userActor } from './support/host-invoke';

jest.setTimeout(60_000);

const SUPPORT = 'support@contoso.onmicrosoft.com';

let host: LocalHost;
useLocalHost('notify-events', (started) => {
  host = started;
});

const invoke = <T>(functionKey: string, payload: unknown): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey: 'issue-mailer-admin', functionKey, payload });
const asSam = userActor(SAM_AGENT.accountId);
const settle = () => settleHost(host);
const sentTo = (address: string) =>
  host.microsoft
    .sentMessages(SUPPORT)
    .filter((message) => message.message.toRecipients?.some((recipient) => recipient.emailAddress.address === address));

/** Takes the transition to `status` when the issue's status offers it. */
const moveTo = async (issueKey: string, status: string) => {
  const answer = await jiraAs(host, asSam, 'GET', `/rest/api/3/issue/${issueKey}/transitions`);
  const transition = (answer.json as { transitions: Array<{ id: string; to: { name: string } }> }).transitions.find(
    (candidate) => candidate.to.name === status,
  );
  if (transition === undefined) return;
  expect(
    (
      await jiraAs(host, asSam, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, {
        transition: { id: transition.id },
      })
    ).status,
  ).toBe(204);
};

const saveRule = async (rule: Record<string, unknown>) =>
  dataOf(
    await invoke<NotificationRuleView>('saveNotificationRule', {
      enabled: true,
      templateId: 'built-in',
      projectKeys: ['DEMO'],
      ...rule,
    }),
  );

describe('notification rules on more Jira events', () => {
  beforeAll(async () => {
    await saveRule({
      name: 'Priority',
      event: 'priority-changed',
      recipients: { addresses: ['priority@example.com'], roles: [] },
    });
    await saveRule({
      name: 'Assigned',
      event: 'issue-assigned',
      recipients: { addresses: ['assigned@example.com'], roles: ['assignee'] },
    });
    await saveRule({
      name: 'Resolved',
      event: 'issue-resolved',
      recipients: { addresses: ['resolved@example.com'], roles: [] },
    });
    await saveRule({
      name: 'Labels',
      event: 'field-changed',
      fieldId: 'labels',
      recipients: { addresses: ['labels@example.com'], roles: [] },
    });
    await saveRule({
      name: 'Files',
      event: 'attachment-added',
      recipients: { addresses: ['files@example.com'], roles: [] },
    });
  });

  it('lists Jira\'s fields for "a chosen field changed"', async () => {
    const fields = dataOf(await invoke<Array<{ id: string; name: string }>>('listJiraFields', {}));
    expect(fields).toEqual(
      expect.arrayContaining([
        { id: 'labels', name: 'Labels' },
        { id: 'priority', name: 'Priority' },
      ]),
    );
  });

  it('emails the priority rule once when the priority changes, saying from what to what', async () => {
    const before = host.microsoft.sentMessages(SUPPORT).length;
    expect(
      (await jiraAs(host, asSam, 'PUT', '/rest/api/3/issue/DEMO-2', { fields: { priority: { name: 'Highest' } } }))
        .status,
    ).toBe(204);
    await settle();
    const mails = sentTo('priority@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.subject).toMatch(/^\[DEMO-2\] /);
    expect(mails[0]?.message.body?.content).toContain(
      'Sam Rivera changed the priority of DEMO-2 from Medium to Highest.',
    );
    // Only the priority rule: the labels rule's field did not change.
    expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before + 1);
  });

  it('emails the field rule when its field changes', async () => {
    expect(
      (await jiraAs(host, asSam, 'PUT', '/rest/api/3/issue/DEMO-2', { fields: { labels: ['onboarding'] } })).status,
    ).toBe(204);
    await settle();
    const mails = sentTo('labels@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.body?.content).toContain('Sam Rivera changed labels on DEMO-2.');
  });

  it('emails the assigned rule (and the new assignee) on avi:jira:assigned:issue', async () => {
    expect(
      (await jiraAs(host, asSam, 'PUT', '/rest/api/3/issue/DEMO-2/assignee', { accountId: ALEX_ADMIN.accountId }))
        .status,
    ).toBe(204);
    await settle();
    const mails = sentTo('assigned@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.toRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([
      'assigned@example.com',
      ALEX_ADMIN.emailAddress,
    ]);
    expect(mails[0]?.message.body?.content).toContain('Sam Rivera assigned DEMO-2 to Alex Admin.');
  });

  it('emails the resolved rule when a transition sets a resolution', async () => {
    await moveTo('DEMO-2', 'In Progress');
    await settle();
    expect(sentTo('resolved@example.com')).toHaveLength(0);
    await moveTo('DEMO-2', 'Done');
    await settle();
    const mails = sentTo('resolved@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.body?.content).toContain('Sam Rivera resolved DEMO-2 as Done.');
  });

  it('emails the attachment rule when a file is attached, reading the issue the event names by id', async () => {
    host.jira.attachGeneratedFile({
      issueKey: 'DEMO-2',
      filename: 'dock-photo.png',
      mimeType: 'image/png',
      size: 4096,
      seed: 3,
      authorAccountId: SAM_AGENT.accountId,
    });
    await settle();
    const mails = sentTo('files@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.subject).toMatch(/^\[DEMO-2\] /);
    expect(mails[0]?.message.body?.content).toContain('Sam Rivera attached dock-photo.png to DEMO-2.');
  });

  it("keeps each rule's runs: fired, and skipped with the reason in words", async () => {
    // An OPS issue's priority: the DEMO-only priority rule is considered and skipped.
    expect(
      (
        await jiraAs(host, userActor(ALEX_ADMIN.accountId), 'PUT', '/rest/api/3/issue/OPS-1', {
          fields: { priority: { name: 'Low' } },
        })
      ).status,
    ).toBe(204);
    await settle();
    const rules = dataOf(await invoke<NotificationRuleView[]>('listNotificationRules', {}));
    const priority = rules.find((rule) => rule.name === 'Priority');
    expect(priority?.firedCount).toBe(1);
    const runs = dataOf(
      await invoke<Array<{ issueKey: string; outcome: string; reason: string; event: string }>>(
        'getNotificationRuleHistory',
        { id: priority?.id },
      ),
    );
    expect(runs.map(({ issueKey, outcome, reason, event }) => ({ issueKey, outcome, reason, event }))).toEqual([
      { issueKey: 'OPS-1', outcome: 'skipped', reason: 'Project OPS is not in the rule.', event: 'priority-changed' },
      { issueKey: 'DEMO-2', outcome: 'fired', reason: 'Emailed 1 recipient.', event: 'priority-changed' },
    ]);
  });

  it('tries a rule on an issue as the admin: what it would send, or why not, and sends nothing', async () => {
    const rules = dataOf(await invoke<NotificationRuleView[]>('listNotificationRules', {}));
    const assigned = rules.find((rule) => rule.name === 'Assigned');
    await settle();
    const before = host.microsoft.sentMessages(SUPPORT).length;
    const trial = dataOf(
      await invoke<{ outcome: string; to: string[]; subject: string; html: string; notes: string[] }>(
        'tryNotificationRule',
        { id: assigned?.id, issueKey: 'DEMO-1' },
      ),
    );
    expect(trial.outcome).toBe('would-send');
    expect(trial.to).toEqual(['assigned@example.com', SAM_AGENT.emailAddress]);
    expect(trial.subject).toMatch(/^\[DEMO-1\] /);
    expect(trial.html).toContain('Sent by the notification rule "Assigned" in Issue Mailer.');
    // DEMO-1's description embeds its screenshot: named in the trial, never a cid: link a page cannot load.
    expect(trial.html).not.toContain('cid:');
    expect(trial.html).toContain('data-embedded="outlook-sync-error.png"');
    expect(dataOf(await invoke('tryNotificationRule', { id: assigned?.id, issueKey: 'OPS-1' }))).toEqual({
      outcome: 'would-skip',
      reason: 'Project OPS is not in the rule.',
    });
    expect(dataOf(await invoke('tryNotificationRule', { id: assigned?.id, issueKey: 'DEMO-999' }))).toEqual({
      outcome: 'would-skip',
      reason: 'There is no issue DEMO-999 you can see.',
    });
    const refused = await invokeAs(
      host,
      {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'tryNotificationRule',
        payload: { id: assigned?.id, issueKey: 'DEMO-1' },
      },
      SAM_AGENT.accountId,
    );
    expect(refused.ok).toBe(false);
    await settle();
    expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before);
  });
});
