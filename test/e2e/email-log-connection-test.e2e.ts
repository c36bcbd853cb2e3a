import {
  addCredential,
  demoAppOf,
  openAdminPage,
  secretOf,
  showAdminSection,
  SUPPORT_MAILBOX,
  useHostedBrowser,
} from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const SUBJECT = 'Issue Mailer test email';
const ADMIN_ADDRESS = 'alex.admin@example.com';

describe("Test connection's test email in the email log", () => {
  it('shows a "Connection test" row, Sent, from the credential\'s mailbox to the admin, without "Resend"', async () => {
    const app = await openAdminPage(run);
    const demoApp = demoAppOf(run);
    await addCredential(run, app, {
      name: 'Works',
      clientId: demoApp.clientId,
      clientSecret: secretOf(demoApp, 'Issue Mailer for Jira').value,
    });
    await app.getByLabel('Also send a test email to me', { exact: true }).check();
    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    await app
      .getByRole('form', { name: 'Edit credential: Works' })
      .getByRole('status')
      .filter({ hasText: 'Connection works' })
      .waitFor();

    await showAdminSection(app, 'Email log');
    const row = app.getByRole('table', { name: 'Email log' }).getByRole('row').filter({ hasText: SUBJECT });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // Time, Issue | (Subject is the row header) | To, From, Status, Attempts
    expect(cells.slice(1)).toEqual(['Connection test', ADMIN_ADDRESS, SUPPORT_MAILBOX, 'SENT', '1']);

    await row.getByRole('button', { name: `Open email ${SUBJECT}` }).click();
    const panel = app.getByRole('region', { name: SUBJECT });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('Connection test');
    expect(await panel.getByRole('button', { name: 'Resend' }).count()).toBe(0);
    expect(run.pageErrors).toEqual([]);
  });
});
