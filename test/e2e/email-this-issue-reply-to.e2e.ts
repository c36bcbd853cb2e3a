import type { HostedBrowser } from './support/browser';
import { openIssueDialog } from './support/browser';
import { SUPPORT_MAILBOX, useHostedBrowser } from './support/admin-page';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

describe('"Email this issue" with a Reply-To (issue 12, item 20)', () => {
  it('marks a Reply-To that is not an address, then sends one that is, and the mailbox shows it', async () => {
    const app = await openIssueDialog(run, 'DEMO-2');
    await app.getByLabel('To', { exact: true }).fill('alex@example.com');
    const replyTo = app.getByLabel('Reply-To', { exact: true });
    await replyTo.fill('helpdesk');
    await replyTo.blur();
    await app.getByText('"helpdesk" is not a valid email address.').waitFor();
    expect(await replyTo.getAttribute('aria-invalid')).toBe('true');

    await replyTo.fill('helpdesk@fabrikam.example');
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor({ timeout: 30_000 });

    const sent = run.host.microsoft.sentMessages(SUPPORT_MAILBOX);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.replyTo).toEqual([{ emailAddress: { address: 'helpdesk@fabrikam.example' } }]);

    const subject = sent[0]?.message.subject ?? '';
    await run.page.goto(`${run.host.microsoft.graphBaseUrl}/mailbox`);
    await run.page.getByRole('link', { name: subject }).first().click();
    const details = run.page.locator('dl.grid');
    await details.getByText('Reply-To').waitFor();
    expect(await details.innerText()).toContain('helpdesk@fabrikam.example');
    expect(run.pageErrors).toEqual([]);
  });
});
