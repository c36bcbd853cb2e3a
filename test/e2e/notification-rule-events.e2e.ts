import { SAM_AGENT } from '../../local/jira';
import { ADMIN_FRAME, openAdminPage, showAdminSection, SUPPORT_MAILBOX, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

/** A change in the local Jira as Sam, as a person makes it in Jira. */
const editAsSam = async (issueKey: string, fields: Record<string, unknown>) => {
  const answer = await run.host.jira.handle(
    {
      method: 'PUT',
      path: `/rest/api/3/issue/${issueKey}`,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ fields })),
    },
    { type: 'user', accountId: SAM_AGENT.accountId },
  );
  expect(answer.status).toBe(204);
};

const settle = async () => {
  await run.host.productEvents.whenIdle();
  await run.host.queue.whenIdle();
};

describe('notification rules: events, history and trying a rule', () => {
  it('an admin chooses "Priority changed", sees fired and skipped runs in History, and tries the rule on an issue without sending', async () => {
    const { page } = run;
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Notification rules');
    const section = app.getByRole('region', { name: 'Notification rules' });
    await section.getByRole('button', { name: 'Create rule' }).click();
    await section.getByLabel('Name', { exact: true }).fill('Priority watch');
    const when = section.getByLabel('When', { exact: true });
    expect(await when.locator('option').allInnerTexts()).toEqual([
      'Issue created',
      'Issue commented',
      'Issue transitioned',
      'Issue assigned',
      'Issue resolved',
      'Priority changed',
      'A chosen field changed',
      'Attachment added',
    ]);
    // "A chosen field changed" asks for the field, from Jira's field list.
    await when.selectOption({ label: 'A chosen field changed' });
    await section
      .getByLabel('Field', { exact: true })
      .locator('option', { hasText: 'Labels' })
      .waitFor({ state: 'attached' });
    await when.selectOption({ label: 'Priority changed' });
    await section.getByRole('checkbox', { name: /\(DEMO\)$/ }).check();
    await section.getByLabel('Template', { exact: true }).selectOption({ label: 'Standard (built-in)' });
    await section.getByLabel('Other addresses', { exact: true }).fill('prio@example.com');
    await section.getByRole('button', { name: 'Save rule' }).click();
    await section.getByText('Rule saved').waitFor();
    const table = section.getByRole('table', { name: 'Notification rules' });
    await table.getByRole('row').filter({ hasText: 'Priority watch' }).getByText('Priority changed').waitFor();

    await editAsSam('DEMO-2', { priority: { name: 'Highest' } });
    await editAsSam('OPS-1', { priority: { name: 'Low' } });
    await settle();
    const toPrio = () =>
      run.host.microsoft
        .sentMessages(SUPPORT_MAILBOX)
        .filter((message) =>
          message.message.toRecipients?.some((recipient) => recipient.emailAddress.address === 'prio@example.com'),
        );
    expect(toPrio()).toHaveLength(1);
    expect(toPrio()[0]?.message.body?.content).toContain(
      'Sent by the notification rule "Priority watch" in Issue Mailer.',
    );

    await section.getByRole('button', { name: 'History of Priority watch' }).click();
    const history = section.getByRole('table', { name: 'History of Priority watch' });
    await history.waitFor();
    const rows = history.getByRole('row');
    await rows.nth(2).waitFor();
    const texts = [];
    for (const row of (await rows.all()).slice(1)) texts.push((await row.getByRole('cell').allTextContents()).slice(1));
    expect(texts).toEqual([
      ['OPS-1', 'Priority changed', 'Skipped', 'Project OPS is not in the rule.'],
      ['DEMO-2', 'Priority changed', 'Fired', 'Emailed 1 recipient.'],
    ]);

    const sentBefore = run.host.microsoft.sentMessages(SUPPORT_MAILBOX).length;
    await section.getByRole('button', { name: 'Try Priority watch on an issue' }).click();
    await section.getByLabel('Issue key', { exact: true }).fill('demo-1');
    await section.getByRole('button', { name: 'Try', exact: true }).click();
    await section.getByText('The rule would send this email (nothing was sent)').waitFor();
    await section.getByText('To: prio@example.com').waitFor();
    await section.getByText(/^Subject: \[DEMO-1\] /).waitFor();
    const preview = page.frameLocator(ADMIN_FRAME).frameLocator('iframe[title="Rule email preview"]');
    await preview
      .getByText('Sent by the notification rule "Priority watch" in Issue Mailer.', { exact: false })
      .waitFor();

    await section.getByLabel('Issue key', { exact: true }).fill('OPS-1');
    await section.getByRole('button', { name: 'Try', exact: true }).click();
    await section.getByText('The rule would send nothing').waitFor();
    await section.getByText('Project OPS is not in the rule.').last().waitFor();

    await settle();
    expect(run.host.microsoft.sentMessages(SUPPORT_MAILBOX)).toHaveLength(sentBefore);
    expect(run.pageErrors).toEqual([]);
  });
});
