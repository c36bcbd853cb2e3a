import {
  addCredential,
  demoAppOf,
  emulatedTenant,
  openAdminPage,
  secretOf,
  showAdminSection,
  useHostedBrowser,
} from './support/admin-page';
import type { HostedBrowser } from './support/browser';
import { openIssueDialog } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const SALES = 'sales@contoso.onmicrosoft.com';
const SUPPORT = 'support@contoso.onmicrosoft.com';

describe('"Email this issue": the mailboxes an admin allows for a project (issue 12, item 20)', () => {
  it('offers the sales mailbox as From in DEMO only, where an admin allowed it, and no choice in OPS', async () => {
    // The tenant's access policy lets the demo app use the support mailbox only: an Exchange admin adds sales.
    const policy = emulatedTenant(run).applicationAccessPolicies?.find(
      (candidate) => candidate.appId === demoAppOf(run).clientId,
    );
    policy?.mailboxes.push(SALES);
    const admin = await openAdminPage(run);
    await showAdminSection(admin, 'Credentials');
    await addCredential(run, admin, {
      name: 'Contoso sales',
      clientId: demoAppOf(run).clientId,
      clientSecret: secretOf(demoAppOf(run), 'Issue Mailer for Jira').value,
      senderMailbox: SALES,
    });
    await showAdminSection(admin, 'Sending settings');
    const perProject = admin.getByRole('group', { name: 'Other mailboxes for a project' });
    await perProject.getByRole('button', { name: 'Add a project' }).click();
    // Focus moves to the new row's project: the keyboard picks the project.
    const project = perProject.getByLabel('Project with its own mailboxes, row 1');
    expect(await project.evaluate((element) => element === document.activeElement)).toBe(true);
    await project.selectOption('DEMO');
    await perProject
      .getByRole('group', { name: 'Mailboxes for Demo IT Support' })
      .getByLabel(`Contoso sales (${SALES})`)
      .check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved').first().waitFor();

    const demo = await openIssueDialog(run, 'DEMO-2');
    const from = demo.getByLabel('From', { exact: true });
    expect(await from.locator('option:checked').innerText()).toContain(SUPPORT);
    expect(await from.locator('option').allInnerTexts()).toEqual([
      expect.stringContaining(SUPPORT),
      `Contoso sales (${SALES})`,
    ]);

    const ops = await openIssueDialog(run, 'OPS-1');
    await ops.getByLabel('To', { exact: true }).waitFor();
    await ops.getByText(`From: ${SUPPORT}`).waitFor();
    expect(await ops.getByLabel('From', { exact: true }).count()).toBe(0);
    expect(run.pageErrors).toEqual([]);
  }, 120_000);
});
