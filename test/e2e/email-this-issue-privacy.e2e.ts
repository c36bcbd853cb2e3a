import { type HostedBrowser, openIssueDialog, startHostedBrowser } from './support/browser';

/**
 * Issue 12, item 12: "All comments" must not carry the app's own "Emailed to ..." comments, or a new recipient
 * learns who was emailed before.
 */
let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

const openDialog = (issueKey: string) => openIssueDialog(run, issueKey);

describe("the app's own comments stay out of emails", () => {
  it('leaves the "Emailed to ..." comment of an earlier email out of "All comments", in the preview and in the message', async () => {
    const { page, host } = run;
    const first = await openDialog('DEMO-2');
    await first.getByLabel('To', { exact: true }).fill('first.recipient@example.com');
    await first.getByRole('button', { name: 'Send' }).click();
    await first.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();
    await first.getByRole('button', { name: 'Close' }).click();
    // The app's note is on the issue now, for the people in Jira to see.
    await page.reload();
    await page.getByText('Emailed to first.recipient@example.com').first().waitFor();

    const second = await openDialog('DEMO-2');
    await second.getByRole('radio', { name: /^All/ }).check();
    await second.getByRole('button', { name: 'Preview' }).click();
    const preview = second.frameLocator('iframe[title="Email preview"]');
    await preview.locator('body').getByText('Comments').first().waitFor();
    const previewText = await preview.locator('body').innerText();
    expect(previewText).not.toContain('first.recipient@example.com');
    expect(previewText).not.toContain('Emailed to');

    await second.getByRole('button', { name: 'Edit email' }).click();
    await second.getByLabel('To', { exact: true }).fill('second.recipient@example.com');
    await second.getByRole('button', { name: 'Send' }).click();
    await second.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();
    const message = host.microsoft
      .sentMessages('support@contoso.onmicrosoft.com')
      .find((sent) =>
        sent.message.toRecipients?.some(
          (recipient) => recipient.emailAddress.address === 'second.recipient@example.com',
        ),
      );
    expect(message?.message.body?.content).toBeDefined();
    expect(message?.message.body?.content).not.toContain('first.recipient@example.com');
    expect(run.pageErrors).toEqual([]);
  });
});
