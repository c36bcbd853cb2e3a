/**
 * Notification rules through the local host: changes made in the local Jira fire Forge's product events, the
 * app's `issue-events` trigger queues emails by the rules, and the outbox sends them to the Microsoft emulator.
 */
import type { LocalHost } from '../../local/host';
import { ALEX_ADMIN, CASEY_CUSTOMER, SAM_AGENT } from '../../local/jira';
import type { JiraActor } from '../../local/jira/types';
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

let host: LocalHost;
useLocalHost('notify', (started) => {
  host = started;
});

const invoke = <T>(moduleKey: string, functionKey: string, payload: unknown): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey, functionKey, payload });

const data = dataOf;

const jira = (actor: JiraActor, method: string, restPath: string, body?: unknown) =>
  jiraAs(host, actor, method, restPath, body);
const asUser = userActor;
const adf = adfText;

/** Waits until the events are handled and every queued email is sent or failed. */
const settle = () => settleHost(host);

const sentTo = (address: string) =>
  host.microsoft
    .sentMessages(SUPPORT)
    .filter((message) => message.message.toRecipients?.some((recipient) => recipient.emailAddress.address === address));

const saveRule = async (rule: Record<string, unknown>) =>
  data(
    await invoke<NotificationRuleView>('issue-mailer-admin', 'saveNotificationRule', {
      enabled: true,
      templateId: 'built-in',
      ...rule,
    }),
  );

describe('notification rules on Jira events', () => {
  beforeAll(async () => {
    await saveRule({
      name: 'New DEMO issues',
      event: 'issue-created',
      projectKeys: ['DEMO'],
      recipients: { addresses: ['intake@example.com'], roles: [] },
    });
    await saveRule({
      name: 'DEMO comments',
      event: 'issue-commented',
      projectKeys: ['DEMO'],
      recipients: { addresses: ['team@example.com'], roles: [] },
    });
    await saveRule({
      name: 'OPS comments',
      event: 'issue-commented',
      projectKeys: ['OPS'],
      recipients: { addresses: ['ops@example.com'], roles: [] },
    });
  });

  it('emails the configured rule once when an issue is created', async () => {
    const created = await jira(asUser(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'DEMO' },
        issuetype: { name: 'Task' },
        summary: 'Printer on floor 3 jams',
        description: adf('It jams on every job.'),
      },
    });
    expect(created.status).toBe(201);
    const key = (created.json as { key: string }).key;
    await settle();
    const mails = sentTo('intake@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.subject).toBe(`[${key}] Printer on floor 3 jams`);
    expect(mails[0]?.message.body?.content).toContain('Sam Rivera created');
  });

  it('emails the comment rule once for a comment; the OPS rule does not fire for a DEMO issue', async () => {
    const before = host.microsoft.sentMessages(SUPPORT).length;
    const commented = await jira(asUser(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-2/comment', {
      body: adf('The laptop arrives Monday.'),
    });
    expect(commented.status).toBe(201);
    await settle();
    const mails = sentTo('team@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.subject).toMatch(/^\[DEMO-2\] /);
    expect(mails[0]?.message.body?.content).toContain('The laptop arrives Monday.');
    expect(sentTo('ops@example.com')).toHaveLength(0);
    expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before + 1);
  });

  it('sends nothing for a comment the app itself made', async () => {
    const before = host.microsoft.sentMessages(SUPPORT).length;
    const commented = await jira({ type: 'app' }, 'POST', '/rest/api/3/issue/DEMO-3/comment', {
      body: adf('Emailed to someone@example.com by Issue Mailer.'),
    });
    expect(commented.status).toBe(201);
    await settle();
    expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before);
  });

  it('fires the OPS rule for an OPS issue, and a rule for a status only on that transition', async () => {
    await saveRule({
      name: 'Waiting for customer',
      event: 'issue-transitioned',
      toStatus: 'Waiting for customer',
      projectKeys: ['DEMO'],
      // DEMO-4's reporter (Casey, a customer) hides their email: Jira's Email API gives it to the app.
      recipients: { addresses: ['status@example.com'], roles: ['reporter', 'assignee'] },
    });
    const opsComment = await jira(asUser(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/OPS-1/comment', {
      body: adf('Maintenance window tonight.'),
    });
    expect(opsComment.status).toBe(201);
    await settle();
    expect(sentTo('ops@example.com')).toHaveLength(1);

    const transitions = await jira(asUser(ALEX_ADMIN.accountId), 'GET', '/rest/api/3/issue/DEMO-4/transitions');
    const list = (transitions.json as { transitions: Array<{ id: string; to: { name: string } }> }).transitions;
    const before = host.microsoft.sentMessages(SUPPORT).length;
    const toProgress = list.find((transition) => transition.to.name === 'In Progress');
    if (toProgress !== undefined) {
      expect(
        (
          await jira(asUser(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-4/transitions', {
            transition: { id: toProgress.id },
          })
        ).status,
      ).toBe(204);
      await settle();
      expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before);
    }
    const next = (await jira(asUser(ALEX_ADMIN.accountId), 'GET', '/rest/api/3/issue/DEMO-4/transitions')).json as {
      transitions: Array<{ id: string; to: { name: string } }>;
    };
    const toWaiting = next.transitions.find((transition) => transition.to.name === 'Waiting for customer');
    expect(toWaiting).toBeDefined();
    expect(
      (
        await jira(asUser(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-4/transitions', {
          transition: { id: toWaiting?.id },
        })
      ).status,
    ).toBe(204);
    await settle();
    const sent = host.microsoft.sentMessages(SUPPORT);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)?.message.subject).toMatch(/^\[DEMO-4\] /);
    expect(sent.at(-1)?.message.toRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([
      'status@example.com',
      CASEY_CUSTOMER.emailAddress,
      ALEX_ADMIN.emailAddress,
    ]);
    expect(sent.at(-1)?.message.body?.content).toContain('moved DEMO-4 to Waiting for customer');
  });

  describe('a Jira event delivered twice', () => {
    it('fires a rule once per event, however often Forge delivers it', async () => {
      const events: Array<{ eventType: string; payload: Record<string, unknown> }> = [];
      const stop = host.jira.onEvent((event) => events.push({ eventType: event.eventType, payload: event.payload }));
      try {
        const before = sentTo('team@example.com').length;
        expect(
          (
            await jira(asUser(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-6/comment', {
              body: adf('Delivered twice.'),
            })
          ).status,
        ).toBe(201);
        await settle();
        expect(sentTo('team@example.com')).toHaveLength(before + 1);

        const comment = events.find((event) => event.eventType === 'avi:jira:commented:issue');
        const app = (await import('../../src/triggers/issue-events')) as unknown as {
          handler: Parameters<typeof host.runtime.invokeTrigger>[0];
        };
        await host.runtime.invokeTrigger(app.handler, {
          functionKey: 'issue-events',
          moduleKey: 'issue-event-notifications',
          moduleType: 'trigger',
          event: comment?.payload ?? {},
        });
        await settle();
        expect(sentTo('team@example.com')).toHaveLength(before + 1);
      } finally {
        stop();
      }
    });
  });

  describe('the "Send issue email" Automation action, run as Jira Automation runs it', () => {
    it("queues the rule's issue to its assignee and an address, and the email goes out", async () => {
      const run = await host.runAutomationAction({
        issueKey: 'DEMO-2',
        inputs: {
          issueKey: '{{issue.key}}',
          recipients: 'assignee, lead@example.com',
          template: 'Standard',
          mailbox: '',
          message: 'From a rule.',
        },
      });
      expect(run).toMatchObject({ outcome: 'success', messages: [] });
      await settle();
      const mails = sentTo('lead@example.com');
      expect(mails).toHaveLength(1);
      expect(mails[0]?.message.subject).toMatch(/^\[DEMO-2\] /);
      expect(mails[0]?.message.toRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([
        'lead@example.com',
        SAM_AGENT.emailAddress,
      ]);
      expect(mails[0]?.message.body?.content).toContain('From a rule.');
    });

    it.each([
      [
        'an unknown template',
        { issueKey: '{{issue.key}}', recipients: 'lead@example.com', template: 'Weekly digest' },
        'There is no Issue Mailer template named "Weekly digest". Templates: Standard.',
      ],
      [
        'nobody to email',
        { issueKey: '{{issue.key}}', recipients: 'assignee' },
        'No one to email: the issue has no assignee with an email address, and "Recipients" names no address.',
      ],
      [
        'a word that is no recipient',
        { issueKey: '{{issue.key}}', recipients: 'the team' },
        '"the team" in "Recipients" is neither an email address nor reporter, assignee or watchers.',
      ],
    ])("reports %s to the rule's audit log in words its author understands", async (_name, inputs, message) => {
      const before = host.microsoft.sentMessages(SUPPORT).length;
      // DEMO-5 has no assignee.
      const run = await host.runAutomationAction({ issueKey: 'DEMO-5', inputs });
      expect(run).toMatchObject({ outcome: 'failure', messages: [message] });
      await settle();
      expect(host.microsoft.sentMessages(SUPPORT)).toHaveLength(before);
    });
  });
});
