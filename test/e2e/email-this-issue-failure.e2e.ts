import {
  addCredential,
  demoAppOf,
  NON_ADMIN_ACCOUNT_ID,
  openAdminPage,
  secretOf,
  showAdminSection,
  useHostedBrowser,
} from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

/** The emulated tenant's application access policy keeps the demo app away from this mailbox. */
const POLICY_BLOCKED_MAILBOX = 'sales@contoso.onmicrosoft.com';
const SENDER_WORDS =
  'Not sent: Microsoft 365 does not let Issue Mailer send from this mailbox. Tell your Jira admin; the email log has the details.';

const invokeAdmin = async (functionKey: string, payload: unknown): Promise<unknown> => {
  const answer = await run.page.request.post(`${run.host.url}/__forge/invoke`, {
    headers: { origin: run.host.url },
    data: { moduleKey: 'issue-mailer-admin', functionKey, payload },
  });
  return answer.json();
};

describe('"Email this issue" when Microsoft 365 refuses the mailbox', () => {
  it('tells an agent in plain words, gives a reference for the admin and disables Send', async () => {
    const admin = await openAdminPage(run);
    await showAdminSection(admin, 'Credentials');
    await addCredential(run, admin, {
      name: 'Sales (outside the policy)',
      clientId: demoAppOf(run).clientId,
      clientSecret: secretOf(demoAppOf(run), 'Issue Mailer for Jira').value,
      senderMailbox: POLICY_BLOCKED_MAILBOX,
    });
    const listed = (await invokeAdmin('listCredentials', {})) as { data: { id: string; name: string }[] };
    const sales = listed.data.find((credential) => credential.name === 'Sales (outside the policy)');
    expect(await invokeAdmin('setDefaultCredential', { id: sales?.id })).toMatchObject({ ok: true });

    const { page, host } = run;
    await page.goto(`${host.url}/browse/DEMO-1?as=${encodeURIComponent(NON_ADMIN_ACCOUNT_ID)}`);
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const app = page.frameLocator('iframe[title="Email this issue"]');
    await app.getByLabel('To', { exact: true }).fill('alex@example.com');
    await app.getByRole('button', { name: 'Send' }).click();

    const status = app.getByRole('status', { name: 'Delivery status' });
    await status.getByText(SENDER_WORDS).waitFor({ timeout: 30_000 });
    const reference = app.getByLabel('Reference for your Jira admin', { exact: true });
    expect(await reference.inputValue()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} \(.+\)$/,
    );
    const send = app.getByRole('button', { name: 'Send' });
    expect(await send.isDisabled()).toBe(true);
    await app.getByText("Sending again can't work until your Jira admin fixes this.").waitFor();

    const shown = await app.locator('body').innerText();
    for (const jargon of [
      'Test-ApplicationAccessPolicy',
      'AADSTS',
      'Mail.Send',
      'application access policy',
      'ErrorAccessDenied',
    ]) {
      expect(shown).not.toContain(jargon);
    }
    expect(host.microsoft.sentMessages(POLICY_BLOCKED_MAILBOX)).toHaveLength(0);
  });
});
