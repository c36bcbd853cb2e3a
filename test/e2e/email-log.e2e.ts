import { ADMIN_FRAME, showAdminSection, SUPPORT_MAILBOX } from './support/admin-page';
import { type HostedBrowser, openIssueDialog, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

const UNAVAILABLE = 'Microsoft Graph is unavailable right now. Try again in a few minutes.';
/** The sender's words for the same failure (src/messages/connection-words.ts). */
const UNAVAILABLE_FOR_SENDER = 'Microsoft 365 is unavailable right now. Try again in a few minutes.';

describe('the email log on the admin page', () => {
  it('shows a failed email with its reason, and "Resend" delivers it once', async () => {
    const { page, host } = run;
    // Graph answers 503 (Retry-After 1) to all eight sends the outbox tries, then recovers. Only sendMail: the
    // dialog's people search, when it runs before the send, must not take one of the eight.
    host.microsoft.injectFault({
      target: 'graph',
      kind: 'unavailable',
      count: 8,
      retryAfterSeconds: 1,
      pathIncludes: '/sendMail',
    });

    await page.goto(`${host.url}/browse/DEMO-3`);
    const summary = await page.getByRole('heading', { level: 1 }).innerText();
    const subject = `[DEMO-3] ${summary}`;
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const app = page.frameLocator('iframe[title="Email this issue"]');
    await app.getByLabel('To', { exact: true }).fill('jordan@example.com');
    await app.getByRole('button', { name: 'Send' }).click();

    const status = app.getByRole('status', { name: 'Delivery status' });
    await status
      .getByText('Queued: waiting to be sent...')
      .or(status.getByText(/trying again/))
      .first()
      .waitFor();
    await status.getByText(`Not sent: ${UNAVAILABLE_FOR_SENDER}`).waitFor({ timeout: 60_000 });
    expect(host.microsoft.sentMessages(SUPPORT_MAILBOX)).toHaveLength(0);
    await app
      .getByRole('button', { name: 'Cancel' })
      .or(app.getByRole('button', { name: 'Close' }))
      .first()
      .click();

    await page.goto(`${host.url}/admin`);
    const admin = page.frameLocator(ADMIN_FRAME);
    await showAdminSection(admin, 'Email log');
    await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'Failed' });
    const table = admin.getByRole('table', { name: 'Email log' });
    const row = table.getByRole('row').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.innerText()).toContain('DEMO-3');
    expect(await row.textContent()).toContain('Failed');

    await row.getByRole('button', { name: `Open email ${subject}` }).click();
    const detail = admin.getByRole('region', { name: subject });
    // The region opens with "Loading the email…"; its reason shows once the entry has been read.
    await detail.getByText(UNAVAILABLE).first().waitFor();
    const detailText = await detail.innerText();
    expect(detailText).toContain(UNAVAILABLE);
    expect(detailText).toContain('GRAPH_UNAVAILABLE');
    expect(detailText).toContain('no attempts left (8)');

    await detail.getByRole('button', { name: 'Resend' }).click();
    await detail.getByText('Sent', { exact: true }).first().waitFor({ timeout: 30_000 });
    const sent = host.microsoft.sentMessages(SUPPORT_MAILBOX);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.subject).toBe(subject);

    // The issue's History shows the email once, as it ended, with who resent it; the tab's only button closes.
    const dialog = await openIssueDialog(run, 'DEMO-3');
    await dialog.getByRole('tab', { name: 'History' }).click();
    const rows = dialog.getByRole('article').filter({ hasText: subject });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const historyRow = await rows.first().innerText();
    // The lozenge is upper case on screen.
    expect(historyRow).toMatch(/\bSENT\b/);
    expect(historyRow).not.toMatch(/failed/i);
    expect(historyRow).toMatch(/resent by Alex/);
    expect(await dialog.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(run.pageErrors).toEqual([]);
    // Eight attempts a second apart, then the log and a resend: more than the default 60 s under load.
  }, 150_000);
});
