import { openAdminPage, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => (run = started));

it('probe', async () => {
  const calls: string[] = [];
  run.page.on('request', (request) => {
    if (request.url().endsWith('/__forge/invoke')) calls.push((request.postDataJSON() as { functionKey: string }).functionKey);
  });
  const app = await openAdminPage(run);
  await new Promise((r) => setTimeout(r, 2000));
  console.log('OPEN', calls.splice(0));
  for (const s of ['Email templates', 'Sending settings', 'Notification rules', 'Email log'] as const) {
    await showAdminSection(app, s);
    await new Promise((r) => setTimeout(r, 2000));
    console.log(s, calls.splice(0));
  }
  const { page, host } = run;
  await page.goto(`${host.url}/browse/DEMO-1`);
  await page.getByRole('button', { name: 'Apps' }).click();
  await page.getByRole('menuitem', { name: 'Email this issue' }).click();
  const dapp = page.frameLocator('iframe[title="Email this issue"]');
  await dapp.getByText('From: support@contoso.onmicrosoft.com').waitFor();
  await new Promise((r) => setTimeout(r, 1000));
  console.log('DIALOG', calls.splice(0));
  await dapp.getByLabel('To', { exact: true }).fill('alex@example.com');
  await dapp.getByRole('button', { name: 'Send' }).click();
  await dapp.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor({timeout: 60000});
  console.log('SEND', calls.splice(0));
}, 120000);
