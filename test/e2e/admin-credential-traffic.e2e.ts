import { DEMO_CREDENTIAL, openAdminPage, rowOf, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';
import { openIssueDialog } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

/** The health cell of the credentials table (after provider, grant type, client ID and sender mailbox). */
const HEALTH_CELL = 4;

describe("the credential list's health shows real traffic", () => {
  it('says "Last send accepted" for the default credential once an email went out through it, never "Not tested yet"', async () => {
    const before = await openAdminPage(run);
    await showAdminSection(before, 'Credentials');
    expect(await rowOf(before, DEMO_CREDENTIAL).getByRole('cell').nth(HEALTH_CELL).innerText()).toBe('Not tested yet');

    const dialog = await openIssueDialog(run, 'DEMO-1');
    await dialog.getByLabel('To', { exact: true }).fill('jordan@example.com');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();

    const app = await openAdminPage(run);
    await showAdminSection(app, 'Credentials');
    const health = rowOf(app, DEMO_CREDENTIAL).getByRole('cell').nth(HEALTH_CELL);
    expect(await health.innerText()).toBe('Last send accepted just now');
    expect(await health.locator('time').getAttribute('title')).toMatch(
      /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/,
    );
    expect(run.pageErrors).toEqual([]);
  });
});
