import { auditMessage, runSendEmailAction } from '../../../src/automation/send-email-action';
import type { SendPermission } from '../../../src/contract/issue-email';
import type { IssueRoles } from '../../../src/jira/issue-people';
import { noRoles, person } from '../notifications/notification-fixtures';
import { adminRequest, emailIdOf } from '../support/resolvers';
import { actionWorld, ACTOR, failureOf } from './support/action-world';

describe('runSendEmailAction', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown template, listing the templates',
      { template: 'Weekly' },
      'There is no Issue Mailer template named "Weekly". Templates: Standard, Short.',
    ],
    [
      'an unknown mailbox, naming no credential or mailbox',
      { mailbox: 'sales@contoso.com' },
      'Not sent: "sales@contoso.com" is not a mailbox Automation rules may send from. Leave "Sender mailbox" empty to send from ' +
        "Issue Mailer's default mailbox, or ask a Jira admin which mailboxes rules may use.",
    ],
  ])('refuses %s and queues nothing', async (_name, overrides, message) => {
    const { deps, state } = await actionWorld();
    const error = await failureOf(
      runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com', ...overrides }, ACTOR, deps),
    );
    expect(error).toMatchObject({ name: 'ActionInputError', code: 'AUTOMATION_INPUT_INVALID', message });
    expect(state.enqueued).toEqual([]);
  });

  it('refuses a bad issue key before reading the issue', async () => {
    const { deps, state, issueReads } = await actionWorld();
    const error = await failureOf(runSendEmailAction({ issueKey: 'DEMO', recipients: 'ada@example.com' }, ACTOR, deps));
    expect(error).toMatchObject({
      code: 'AUTOMATION_INPUT_INVALID',
      message: '"Issue" must be an issue key such as DEMO-12 (usually {{issue.key}}), not "DEMO".',
    });
    expect(issueReads()).toBe(0);
    expect(state.enqueued).toEqual([]);
  });

  it('refuses when there is no credential at all', async () => {
    const { deps, state } = await actionWorld({ credentials: false });
    await expect(
      runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, ACTOR, deps),
    ).rejects.toMatchObject({
      code: 'AUTOMATION_INPUT_INVALID',
      message:
        'Issue Mailer has no Microsoft 365 credential yet: a Jira admin adds one on the Issue Mailer admin page.',
    });
    expect(state.enqueued).toEqual([]);
  });

  it.each<[string, string, IssueRoles, string]>([
    [
      'the assignee of an unassigned issue',
      'assignee',
      noRoles(),
      'No one to email: the issue has no assignee with an email address, and "Recipients" names no address.',
    ],
    [
      'a reporter and watchers whose addresses are hidden',
      'reporter; watchers',
      {
        reporter: person('reporter', 'u-grace', null),
        assignee: person('assignee', 'u-ada', 'ada@example.com'),
        watchers: [person('watcher', 'u-bob', null)],
      },
      'No one to email: the issue has no reporter or watchers with an email address, and "Recipients" names no address.',
    ],
  ])('refuses to email nobody: %s', async (_name, recipients, roles, message) => {
    const { deps, state } = await actionWorld();
    state.roles = roles;
    await expect(runSendEmailAction({ issueKey: 'DEMO-1', recipients }, ACTOR, deps)).rejects.toMatchObject({
      code: 'AUTOMATION_INPUT_INVALID',
      message,
    });
    expect(state.rolesRead).toEqual(['DEMO-1']);
    expect(state.enqueued).toEqual([]);
  });

  it.each<[string, string | undefined, string, string]>([
    ['the default credential when no mailbox is named', undefined, 'cred-1', 'support@contoso.com'],
    ['the default credential by its name, in any case', 'SUPPORT MAILBOX', 'cred-1', 'support@contoso.com'],
    ['a credential the admin let rules use, by its name, in any case', 'ALERTS', 'cred-2', 'alerts@contoso.com'],
    [
      'a credential the admin let rules use, by its sender address, in any case',
      ' Alerts@Contoso.com ',
      'cred-2',
      'alerts@contoso.com',
    ],
  ])('sends from %s', async (_name, mailbox, credentialId, senderMailbox) => {
    const { world, deps, state } = await actionWorld();
    await world.settings.save({ ...(await world.settings.read()), automationCredentialIds: ['cred-2'] });
    await runSendEmailAction(
      { issueKey: 'DEMO-1', recipients: 'ada@example.com', ...(mailbox === undefined ? {} : { mailbox }) },
      ACTOR,
      deps,
    );
    expect(state.enqueued.map((email) => email.credential)).toEqual([{ id: credentialId, senderMailbox }]);
  });

  it.each<[string, string]>([
    ["another credential's name", 'Alerts'],
    ["another credential's sender address", 'alerts@contoso.com'],
    ['an unknown mailbox', 'ceo@contoso.com'],
  ])(
    'answers %s that rules may not use (the default setting) exactly as an unknown one, naming no credential',
    async (_name, mailbox) => {
      const { deps, state } = await actionWorld();
      const error = await failureOf(
        runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com', mailbox }, ACTOR, deps),
      );
      expect(error).toMatchObject({
        code: 'AUTOMATION_INPUT_INVALID',
        message:
          `Not sent: "${mailbox}" is not a mailbox Automation rules may send from. Leave "Sender mailbox" empty to send from ` +
          "Issue Mailer's default mailbox, or ask a Jira admin which mailboxes rules may use.",
      });
      for (const hidden of [
        'Support mailbox',
        'support@contoso.com',
        ...(mailbox === 'ceo@contoso.com' ? ['Alerts', 'alerts@contoso.com'] : []),
      ]) {
        expect((error as Error).message).not.toContain(hidden);
      }
      expect(state.enqueued).toEqual([]);
    },
  );

  it.each<[string, SendPermission]>([
    [
      'a user outside the sending group (Jordan)',
      {
        allowed: false,
        reason: 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.',
      },
    ],
    [
      'a service desk customer (Casey)',
      {
        allowed: false,
        reason: 'Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.',
      },
    ],
  ])(
    'refuses a rule whose actor may not send, %s, before looking at templates or mailboxes',
    async (_name, permission) => {
      const { deps, state } = await actionWorld();
      state.permission = permission;
      const listed: string[] = [];
      deps.listCredentials = async () => {
        listed.push('credentials');
        return [];
      };
      const error = await failureOf(
        runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com', mailbox: 'Alerts' }, ACTOR, deps),
      );
      expect(error).toMatchObject({
        name: 'RuleActorNotAllowedError',
        code: 'AUTOMATION_ACTOR_NOT_ALLOWED',
        message:
          'Not sent: this rule runs as a user who may not email issues. Your Jira admin lets only members of support-agents email issues. Ask your Jira admin for access.',
      });
      expect(state.permissionAsked).toEqual([{ projectKey: 'DEMO', accountId: ACTOR }]);
      expect(listed).toEqual([]);
      expect(state.enqueued).toEqual([]);
    },
  );

  it('sends from the credential made the default', async () => {
    const { world, deps, state } = await actionWorld();
    await world.admin.setDefaultCredential(adminRequest({ id: 'cred-2' }));
    await runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, ACTOR, deps);
    expect(state.enqueued.map((email) => email.credential.id)).toEqual(['cred-2']);
  });

  it("queues the issue once, with the named template, to the addresses and the issue's people", async () => {
    const { world, deps, state } = await actionWorld();
    state.roles = {
      reporter: person('reporter', 'u-grace', 'grace@example.com'),
      assignee: undefined,
      watchers: [
        person('watcher', 'u-bob', 'bob@example.com'),
        person('watcher', 'u-hidden', null),
        person('watcher', 'u-ada', 'ADA@example.com'),
      ],
    };

    await expect(
      runSendEmailAction(
        {
          issueKey: 'demo-1',
          recipients: 'ada@example.com, Reporter\nwatchers, assignee',
          template: 'short',
          mailbox: 'Support mailbox',
          message: 'Please look',
        },
        ACTOR,
        deps,
      ),
    ).resolves.toEqual({
      emailId: emailIdOf(1),
      issueKey: 'DEMO-1',
      recipientCount: 3,
      // The rule's audit log says who was emailed: typed addresses as typed, the issue's people as Jira showed them.
      message: 'Queued an email of DEMO-1 to ada@example.com, u-grace <grace@example.com>, u-bob <bob@example.com>.',
    });

    expect(state.templatesGot).toEqual(['tpl-1']);
    expect(state.rolesRead).toEqual(['DEMO-1']);
    expect(state.enqueued).toHaveLength(1);
    expect(state.enqueued[0]).toMatchObject({
      emailId: emailIdOf(1),
      issue: { id: '10001', key: 'DEMO-1' },
      credential: { id: 'cred-1', senderMailbox: 'support@contoso.com' },
      requestedBy: { accountId: ACTOR, name: 'Ursula User' },
      commentAfterSend: false,
      content: {
        subject: '[DEMO-1] DEMO-1: Login page shows a blank screen (short)',
        html: expect.stringContaining('<p>Please look</p>') as unknown,
        to: ['ada@example.com', 'grace@example.com', 'bob@example.com'],
        cc: [],
        bcc: [],
        attachments: [],
        // Nobody wrote it by hand: out-of-office replies are asked not to answer it.
        headers: [
          { name: 'x-issue-mailer-issue', value: 'DEMO-1' },
          { name: 'x-issue-mailer-email', value: emailIdOf(1) },
          { name: 'x-issue-mailer-auto-submitted', value: 'auto-generated' },
          { name: 'X-Auto-Response-Suppress', value: 'OOF, AutoReply' },
        ],
      },
    });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
  });

  it("emails a reporter whose address Jira hides from the rule's actor, and lists them by name", async () => {
    const { world, deps, state } = await actionWorld();
    state.roles = {
      reporter: { ...person('reporter', 'u-casey', null), displayName: 'Casey Customer' },
      assignee: undefined,
      watchers: [],
    };
    state.userEmails.set('u-casey', 'casey@customer.example');

    await expect(runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'reporter' }, ACTOR, deps)).resolves.toEqual({
      emailId: emailIdOf(1),
      issueKey: 'DEMO-1',
      recipientCount: 1,
      // By name only: the audit log is read by people Jira does not show Casey's address to.
      message: 'Queued an email of DEMO-1 to Casey Customer.',
    });
    expect(state.enqueued[0]).toMatchObject({
      listed: { to: ['Casey Customer'], cc: [] },
      content: { to: ['casey@customer.example'] },
    });
    expect(await world.records.get(emailIdOf(1))).toMatchObject({ to: ['Casey Customer'] });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
  });

  it("uses the project's default, else the built-in template, when none is named", async () => {
    const { world, deps, state } = await actionWorld();
    await world.settings.save({ commentAfterSend: false, whoMaySend: { mode: 'everyone' }, projectTemplates: [] });
    await runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com', template: '' }, ACTOR, deps);
    expect(state.templatesGot).toEqual(['built-in']);
    expect(state.enqueued[0]).toMatchObject({
      commentAfterSend: false,
      content: { subject: '[DEMO-1] Login page shows a blank screen' },
    });

    await world.settings.save({
      commentAfterSend: false,
      whoMaySend: { mode: 'everyone' },
      projectTemplates: [{ projectKey: 'DEMO', templateId: 'tpl-1' }],
    });
    await runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, ACTOR, deps);
    expect(state.templatesGot).toEqual(['built-in', 'tpl-1']);
  });

  it('never comments on the issue, though the admin has the dialog comment after each email: a rule on "issue commented" would trigger itself', async () => {
    const { world, deps, state } = await actionWorld();
    expect((await world.settings.read()).commentAfterSend).toBe(true);
    await runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, ACTOR, deps);
    expect(state.enqueued[0]).toMatchObject({ commentAfterSend: false });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(world.issueData.comments_added).toEqual([]);
  });

  it('sends one rule at most 5 emails about one issue in an hour, then says why in the audit log', async () => {
    const { world, deps, state } = await actionWorld();
    const rule = { issueKey: 'DEMO-1', recipients: 'ada@example.com', template: 'Short' };
    for (let run = 1; run <= 5; run += 1) {
      // A message with per-event smart values ({{comment.body}}) is still the same rule.
      await runSendEmailAction({ ...rule, message: `comment ${run}` }, ACTOR, deps);
    }
    const error = await failureOf(runSendEmailAction({ ...rule, message: 'comment 6' }, ACTOR, deps));
    expect(error).toMatchObject({
      name: 'RuleSendLimitError',
      code: 'AUTOMATION_SEND_LIMIT',
      message:
        'Not sent: this rule has already emailed DEMO-1 5 times in the last hour, the most Issue Mailer sends for one rule and one issue in an hour. ' +
        'If the rule is triggered by changes its own emails cause, add a condition so that it does not trigger itself.',
    });
    expect(state.enqueued).toHaveLength(5);

    // Another rule (other recipients) is counted apart.
    await runSendEmailAction({ ...rule, recipients: 'bob@example.com' }, ACTOR, deps);
    expect(state.enqueued).toHaveLength(6);

    // An hour after the first emails, the rule may send again.
    world.clock.now += 60 * 60 * 1000;
    await runSendEmailAction({ ...rule, message: 'comment 7' }, ACTOR, deps);
    expect(state.enqueued).toHaveLength(7);
  });

  it('gives the slot back when the email cannot be queued', async () => {
    const { deps, capKvs } = await actionWorld();
    deps.enqueue = async () => {
      throw new Error('queue down');
    };
    await expect(
      runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, ACTOR, deps),
    ).rejects.toThrow('queue down');
    expect(capKvs.liveKeys()).toEqual([]);
  });

  it('does not read the roles when only addresses are named', async () => {
    const { deps, state } = await actionWorld();
    await runSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, ACTOR, deps);
    expect(state.rolesRead).toEqual([]);
  });
});

describe('the audit message of a run', () => {
  it('names at most twenty recipients and counts the rest', () => {
    const to = Array.from({ length: 22 }, (_, index) => ({ address: `p${index}@example.com` }));
    expect(auditMessage('DEMO-4', to)).toBe(
      `Queued an email of DEMO-4 to ${to
        .slice(0, 20)
        .map((recipient) => recipient.address)
        .join(', ')} and 2 more.`,
    );
  });
});
