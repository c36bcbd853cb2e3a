import { ADMIN_FRAME, showAdminSection, SUPPORT_MAILBOX } from './support/admin-page';
import { type HostedBrowser, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

describe('notification rules', () => {
  it('an admin creates a rule on the admin page, and a comment on the issue emails it through the emulator', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const admin = page.frameLocator(ADMIN_FRAME);
    await showAdminSection(admin, 'Notification rules');
    const section = admin.getByRole('region', { name: 'Notification rules' });
    // The tab loads its rules, projects and statuses when first shown.
    await section.getByText('Loading notification rules…').waitFor({ state: 'detached' });
    await section.getByRole('button', { name: 'Create rule' }).click();

    await section.getByLabel('Name', { exact: true }).fill('Comments on DEMO');
    await section.getByLabel('When', { exact: true }).selectOption({ label: 'Issue commented' });
    await section.getByRole('checkbox', { name: /\(DEMO\)$/ }).check();
    await section.getByLabel('Template', { exact: true }).selectOption({ label: 'Standard (built-in)' });
    await section.getByLabel('Reporter', { exact: true }).check();
    await section.getByLabel('Other addresses', { exact: true }).fill('service-desk@example.com');
    await section.getByRole('button', { name: 'Save rule' }).click();
    await section.getByText('Rule saved').waitFor();
    const table = section.getByRole('table', { name: 'Notification rules' });
    await table.getByRole('row').filter({ hasText: 'Comments on DEMO' }).waitFor();

    await page.goto(`${host.url}/browse/DEMO-5`);
    const summary = await page.getByRole('heading', { level: 1 }).innerText();
    await page.getByLabel('Comment', { exact: true }).fill('The new toner is on its way.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The new toner is on its way.').first().waitFor();

    await host.productEvents.whenIdle();
    await host.queue.whenIdle();
    const mails = host.microsoft
      .sentMessages(SUPPORT_MAILBOX)
      .filter((message) =>
        message.message.toRecipients?.some(
          (recipient) => recipient.emailAddress.address === 'service-desk@example.com',
        ),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.message.subject).toBe(`[DEMO-5] ${summary}`);
    expect(mails[0]?.message.body?.content).toContain('The new toner is on its way.');

    // The emulator's mailbox page shows it.
    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    await page.getByRole('link', { name: `[DEMO-5] ${summary}`, exact: true }).waitFor();
    expect(run.pageErrors).toEqual([]);
  });
});
