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

describe('"Email this issue" from a chosen mailbox, with a Reply-To (issue 12, item 20)', () => {
  it('sends from the second mailbox an admin allows, with the Reply-To, as the mailbox shows', async () => {
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
    const people = admin.getByRole('group', { name: 'Mailboxes people may send from' });
    await people.getByLabel(`Contoso sales (${SALES})`).check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    // Not /saved/i: the hidden Credentials tab still holds "Credential saved".
    await admin.getByText('Settings saved').waitFor();

    const app = await openIssueDialog(run, 'DEMO-2');
    const from = app.getByLabel('From', { exact: true });
    // The default is preselected; the allowed second mailbox is offered with its name.
    expect(await from.locator('option:checked').innerText()).toContain('support@contoso.onmicrosoft.com');
    await from.selectOption({ label: `Contoso sales (${SALES})` });
    await app.getByLabel('To', { exact: true }).fill('alex@example.com');

    const replyTo = app.getByLabel('Reply-To', { exact: true });
    await replyTo.fill('helpdesk');
    await replyTo.blur();
    await app.getByText('"helpdesk" is not a valid email address.').waitFor();
    expect(await replyTo.getAttribute('aria-invalid')).toBe('true');
    await replyTo.fill('helpdesk@fabrikam.example');

    await app.getByRole('button', { name: 'Send' }).click();
    await app
      .getByRole('status', { name: 'Delivery status' })
      .getByText('Sent to 1 person')
      .waitFor({ timeout: 30_000 });

    const sent = run.host.microsoft.sentMessages(SALES);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.replyTo).toEqual([{ emailAddress: { address: 'helpdesk@fabrikam.example' } }]);

    const subject = sent[0]?.message.subject ?? '';
    await run.page.goto(`${run.host.microsoft.graphBaseUrl}/mailbox`);
    await run.page.getByRole('link', { name: subject, exact: true }).first().click();
    const details = run.page.locator('dl.grid');
    await details.getByText('Reply-To').waitFor();
    expect(await details.innerText()).toContain('helpdesk@fabrikam.example');
    expect(await details.innerText()).toContain(SALES);
    expect(run.pageErrors).toEqual([]);
  }, 120_000);
});
