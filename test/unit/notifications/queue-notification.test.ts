import { readIssue } from '../../../src/jira/issue-reader';
import type { IssueComment, IssueEmailJira } from '../../../src/mail/issue-email-ports';
import type { IssueEventFact } from '../../../src/notifications/issue-event';
import {
  eventLine,
  queueNotification,
  type QueueNotificationDeps,
} from '../../../src/notifications/queue-notification';
import { enqueueEmail } from '../../../src/outbox/enqueue-email';
import { TemplateNotFoundError } from '../../../src/templates/template-errors';
import { credentialInput } from '../support/credentials';
import { adminRequest, configuredWorld, emailIdOf, NOW } from '../support/resolvers';
import { eventFact, iso, ruleView } from './notification-fixtures';

const commented = eventFact({ kind: 'issue-commented', eventId: 'comment:20002', actorAccountId: 'user-9' });
const transitioned = eventFact({ kind: 'issue-transitioned', eventId: 'changelog:30001', toStatus: 'Done' });

describe('eventLine', () => {
  it.each<[string, IssueEventFact, string | undefined, string]>([
    ['a creation by a named person', eventFact(), 'Ada Lovelace', 'Ada Lovelace created DEMO-1.'],
    ['a creation by someone unknown', eventFact(), undefined, 'Someone created DEMO-1.'],
    ['a comment by a named person', commented, 'Ada Lovelace', 'Ada Lovelace commented on DEMO-1.'],
    ['a comment by someone unknown', commented, undefined, 'Someone commented on DEMO-1.'],
    ['a transition by a named person', transitioned, 'Ada Lovelace', 'Ada Lovelace moved DEMO-1 to Done.'],
    ['a transition by someone unknown', transitioned, undefined, 'Someone moved DEMO-1 to Done.'],
    [
      'a transition to no status Jira named',
      eventFact({ kind: 'issue-transitioned', eventId: 'changelog:1' }),
      undefined,
      'Someone moved DEMO-1 to a new status.',
    ],
  ])('says %s', (_name, fact, actor, line) => {
    expect(eventLine(fact, { key: 'DEMO-1' }, actor)).toBe(line);
  });
});

/** The latest comment first, as Jira's comment reader gives them. */
const COMMENTS: IssueComment[] = [
  { id: '20002', author: 'Ada Lovelace', created: '2024-05-06T05:59:00.000+0000', bodyHtml: '<p>Fixed on staging</p>' },
  { id: '20001', author: 'Grace Hopper', created: '2024-05-05T10:00:00.000+0000', bodyHtml: '<p>Still broken</p>' },
];

const TEMPLATE = {
  name: 'Event',
  subject: '[{{ issue.key }}] {{ issue.summary }} (notification)',
  body: '<p>{{ message }}</p><p>comments: {{ include.comments }} {{ include.latest_comments }}</p>{% for comment in comments %}<div>{{ comment.author }}: {{ comment.body_html }}</div>{% endfor %}',
};

/** queueNotification over the resolver world's storage, outbox and fake Microsoft; Jira as the app is faked here. */
const notificationWorld = async () => {
  const world = await configuredWorld();
  await world.admin.saveCredential(
    adminRequest(credentialInput({ name: 'Alerts', senderMailbox: 'alerts@contoso.com' })),
  );
  const template = await world.templates.save(TEMPLATE);
  const commentReads: Array<[string, number | 'all']> = [];
  const userNames: string[] = [];
  const names: Record<string, string> = { 'user-9': 'Ada Lovelace' };
  const jira: IssueEmailJira = {
    readSenderName: async () => 'Issue Mailer',
    readIssue: (key) => readIssue(key, world.jira.requestJira),
    readPeople: async () => [],
    readParticipants: async () => [],
    readUserEmails: async () => new Map(),
    listAttachments: async () => [],
    downloadAttachment: async () => new Uint8Array(),
    readComments: async (key, limit) => {
      commentReads.push([key, limit]);
      return { comments: limit === 'all' ? COMMENTS : COMMENTS.slice(0, limit), total: COMMENTS.length };
    },
    searchUsers: async () => [],
    addEmailComment: async () => {
      throw new Error('a notification must not comment');
    },
  };
  let emails = 0;
  const deps: QueueNotificationDeps = {
    jira,
    templates: world.templates,
    enqueue: (email) =>
      enqueueEmail(email, {
        records: world.records,
        contents: world.outbox.contents,
        queue: world.queue,
        now: () => world.clock.now,
        log: (line) => world.logLines.push(line),
      }),
    newId: () => emailIdOf(++emails),
    credential: (id) => (id === undefined ? world.credentials.getDefault() : world.credentials.get(id)),
    readSettings: () => world.settings.read(),
    readIssue: (key) => readIssue(key, world.jira.requestJira),
    userName: async (accountId) => {
      userNames.push(accountId);
      return names[accountId];
    },
  };
  /** The one sendMail the worker made, as Graph received it. */
  const sentMail = () => {
    const sends = world.microsoft.calls.filter((call) => call.url.endsWith('/sendMail'));
    expect(sends).toHaveLength(1);
    const [send] = sends;
    const body = JSON.parse(send?.body ?? '{}') as {
      message: {
        subject: string;
        body: { content: string };
        toRecipients: Array<{ emailAddress: { address: string } }>;
        ccRecipients?: unknown[];
        internetMessageHeaders?: Array<{ name: string; value: string }>;
      };
    };
    return {
      url: send?.url,
      message: body.message,
      to: body.message.toRecipients.map((recipient) => recipient.emailAddress.address),
    };
  };
  return { world, deps, template, commentReads, userNames, sentMail };
};

describe('queueNotification', () => {
  it("queues a comment's email with the rule's template and credential, the latest comment and no comment after it", async () => {
    const { world, deps, template, commentReads, userNames, sentMail } = await notificationWorld();
    const rule = ruleView({
      name: 'DEMO comments',
      event: 'issue-commented',
      templateId: template.id,
      credentialId: 'cred-2',
    });

    await expect(
      queueNotification(rule, commented, ['team@example.com', 'Grace@Example.com', 'grace@example.com'], deps),
    ).resolves.toEqual({
      emailId: emailIdOf(1),
    });
    expect(commentReads).toEqual([['DEMO-1', 1]]);
    expect(userNames).toEqual(['user-9']);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      status: 'queued',
      issueId: '10001',
      issueKey: 'DEMO-1',
      credentialId: 'cred-2',
      senderMailbox: 'alerts@contoso.com',
      subject: '[DEMO-1] Login page shows a blank screen (notification)',
      to: ['team@example.com', 'Grace@Example.com'],
      cc: [],
      bccCount: 0,
      attachmentCount: 0,
      requestedBy: { accountId: 'user-9', name: 'Notification rule "DEMO comments"' },
      commentAfterSend: false,
      events: [{ at: iso(NOW), status: 'queued', note: 'Queued by Notification rule "DEMO comments".' }],
    });

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const sent = sentMail();
    expect(sent.url).toBe('https://graph.microsoft.com/v1.0/users/alerts%40contoso.com/sendMail');
    expect(sent.to).toEqual(['team@example.com', 'Grace@Example.com']);
    expect(sent.message.subject).toBe('[DEMO-1] Login page shows a blank screen (notification)');
    expect(sent.message.body.content).toContain('<p>Ada Lovelace commented on DEMO-1.</p>');
    expect(sent.message.body.content).toContain('<p>comments: latest 1</p>');
    expect(sent.message.body.content).toContain('Fixed on staging');
    expect(sent.message.body.content).not.toContain('Still broken');
    expect(sent.message.internetMessageHeaders).toEqual([
      { name: 'x-issue-mailer-issue', value: 'DEMO-1' },
      { name: 'x-issue-mailer-email', value: emailIdOf(1) },
      { name: 'x-issue-mailer-auto-submitted', value: 'auto-generated' },
      { name: 'X-Auto-Response-Suppress', value: 'OOF, AutoReply' },
    ]);
    expect(world.issueData.comments_added).toEqual([]);
    await expect(world.drainOutbox()).resolves.toEqual([]);
  });

  it('queues a creation from the default credential without comments; an event without an actor names no one', async () => {
    const { world, deps, template, commentReads, userNames, sentMail } = await notificationWorld();
    const rule = ruleView({ templateId: template.id });

    await expect(
      queueNotification(rule, eventFact({ actorAccountId: undefined }), ['intake@example.com'], deps),
    ).resolves.toEqual({ emailId: emailIdOf(1) });
    expect(commentReads).toEqual([]);
    expect(userNames).toEqual([]);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      credentialId: 'cred-1',
      senderMailbox: 'support@contoso.com',
      to: ['intake@example.com'],
      requestedBy: { accountId: '', name: 'Notification rule "New DEMO issues"' },
      commentAfterSend: false,
    });

    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const sent = sentMail();
    expect(sent.url).toBe('https://graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail');
    expect(sent.message.body.content).toContain('<p>Someone created DEMO-1.</p>');
    expect(sent.message.body.content).toContain('<p>comments: none 1</p>');
    expect(sent.message.body.content).not.toContain('<div>');
  });

  it('says "Someone" for an actor Jira gives no name for', async () => {
    const { world, deps, template, userNames, sentMail } = await notificationWorld();
    const rule = ruleView({ event: 'issue-transitioned', templateId: template.id });

    await queueNotification(rule, { ...transitioned, actorAccountId: 'user-unknown' }, ['team@example.com'], deps);
    expect(userNames).toEqual(['user-unknown']);
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(sentMail().message.body.content).toContain('<p>Someone moved DEMO-1 to Done.</p>');
  });

  it('renders with the built-in template when the rule names it', async () => {
    const { world, deps, sentMail } = await notificationWorld();
    await queueNotification(ruleView(), eventFact(), ['intake@example.com'], deps);
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const sent = sentMail();
    expect(sent.message.subject).toBe('[DEMO-1] Login page shows a blank screen');
    expect(sent.message.body.content).not.toContain('(notification)');
    expect(sent.message.body.content).toContain('created DEMO-1.');
    // The footer names the rule, not the app's Jira account that read the issue.
    expect(sent.message.body.content).toContain('Sent by the notification rule "New DEMO issues" in Issue Mailer.');
    expect(sent.message.body.content).not.toContain('Sent from Jira with Issue Mailer by');
  });

  it('gives a custom template the rule as rule.name and as the sender', async () => {
    const { world, deps, sentMail } = await notificationWorld();
    const template = await world.templates.save({
      name: 'Footer',
      subject: '{{ issue.key }}',
      body: '<p>{{ rule.name }}|{{ sender.name }}</p>',
    });
    await queueNotification(
      ruleView({ name: 'Escalations', templateId: template.id }),
      eventFact(),
      ['intake@example.com'],
      deps,
    );
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(sentMail().message.body.content).toContain('<p>Escalations|Notification rule &#34;Escalations&#34;</p>');
  });

  it("fails with TemplateNotFoundError when the rule's template is gone, and queues nothing", async () => {
    const { world, deps } = await notificationWorld();
    await expect(
      queueNotification(ruleView({ templateId: 'tpl-9' }), eventFact(), ['intake@example.com'], deps),
    ).rejects.toBeInstanceOf(TemplateNotFoundError);
    expect(world.queue.pushed).toEqual([]);
    expect(await world.records.get(emailIdOf(1))).toBeUndefined();
  });
});
