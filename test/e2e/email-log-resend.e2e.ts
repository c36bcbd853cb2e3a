import {
  DEMO_CREDENTIAL,
  field,
  openAdminPage,
  showAdminSection,
  SUPPORT_MAILBOX,
  useHostedBrowser,
} from './support/admin-page';
import { type HostedBrowser, openIssueDialog } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

/** A mailbox of the emulated tenant that the demo app's access policy does not let it send as (403). */
const SALES_MAILBOX = 'sales@contoso.onmicrosoft.com';

/** Edits the demo credential's sender mailbox on the admin page, as an admin does. */
const setSenderMailbox = async (mailbox: string): Promise<void> => {
  const app = await openAdminPage(run);
  await showAdminSection(app, 'Credentials');
  await app.getByRole('button', { name: `Edit ${DEMO_CREDENTIAL}` }).click();
  await field(app, 'Sender mailbox').fill(mailbox);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await app.getByRole('row').filter({ hasText: mailbox }).first().waitFor();
};

describe('resending from the email log', () => {
  it('warns when nothing changed, then shows the From actually used, drops the banner once sent, and shows the message as sent', async () => {
    const { page, host } = run;
    await setSenderMailbox(SALES_MAILBOX);

    const dialog = await openIssueDialog(run, 'DEMO-3');
    const subject = `[DEMO-3] ${await page.getByRole('heading', { level: 1 }).innerText()}`;
    await dialog.getByLabel('To', { exact: true }).fill('jordan@example.com');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog
      .getByRole('status', { name: 'Delivery status' })
      .getByText(/^Not sent/)
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');

    let app = await openAdminPage(run);
    await showAdminSection(app, 'Email log');
    const table = app.getByRole('table', { name: 'Email log' });
    const row = table.getByRole('row').filter({ hasText: subject }).filter({ hasText: 'Failed' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: `Open email ${subject}` }).click();
    let detail = app.getByRole('region', { name: subject });
    await detail.getByText('Last error', { exact: true }).waitFor();

    // (b) Nothing has changed since it failed: a warning in place, no silent resend.
    await detail.getByRole('button', { name: 'Resend' }).click();
    const warning = detail.getByRole('status').filter({ hasText: 'Nothing has changed since this email failed' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('its credential has not been saved since');
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(host.microsoft.sentMessages(SUPPORT_MAILBOX)).toHaveLength(0);

    // The admin fixes the credential; the resend goes without a question.
    await setSenderMailbox(SUPPORT_MAILBOX);
    app = await openAdminPage(run);
    await showAdminSection(app, 'Email log');
    await app
      .getByRole('table', { name: 'Email log' })
      .getByRole('button', { name: `Open email ${subject}` })
      .first()
      .click();
    detail = app.getByRole('region', { name: subject });
    await detail.getByRole('button', { name: 'Resend' }).click();
    const banner = detail.getByText('Email queued again');
    await detail.getByText('Sent', { exact: true }).first().waitFor({ timeout: 30_000 });
    // (c) The banner goes once the status says how the resend ended.
    await banner.waitFor({ state: 'detached' });
    expect(host.microsoft.sentMessages(SUPPORT_MAILBOX)).toHaveLength(1);

    // (a) From is the mailbox the resend went out from; each attempt names its own.
    const facts = await detail.locator('.im-email-detail__body > dl').innerText();
    expect(facts).toContain(`From\n${SUPPORT_MAILBOX}`);
    const events = await detail.getByRole('region', { name: 'Delivery events' }).innerText();
    expect(events).toContain(`From ${SALES_MAILBOX}`);
    expect(events).toContain(`From ${SUPPORT_MAILBOX}`);
    const listed = app.getByRole('table', { name: 'Email log' }).getByRole('row').filter({ hasText: subject }).first();
    expect(await listed.innerText()).toContain(SUPPORT_MAILBOX);

    // (d) The message as sent: its headers and its body in a sandboxed frame.
    const message = detail.getByRole('region', { name: 'Message as sent' });
    const headers = await message.locator('dl').innerText();
    expect(headers).toContain(`Subject\n${subject}`);
    expect(headers).toContain('To\njordan@example.com');
    const frame = message.locator('iframe[title="Message body as sent"]');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await message.frameLocator('iframe[title="Message body as sent"]').locator('body').innerText()).toContain(
      'DEMO-3',
    );
    expect(run.pageErrors).toEqual([]);
  });
});
