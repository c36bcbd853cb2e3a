import type { FrameLocator } from 'playwright-core';
import type { EmulatedApp, EmulatedTenant } from '../../local/microsoft/types';
import { startHostedBrowser, type HostedBrowser } from './support/browser';

let run: HostedBrowser;
let tenant: EmulatedTenant;
let demoApp: EmulatedApp;

beforeAll(async () => {
  run = await startHostedBrowser();
  tenant = run.host.microsoft.config.tenants[0] as EmulatedTenant;
  demoApp = tenant.apps.find((app) => app.displayName === 'Issue Mailer (demo)') as EmulatedApp;
});

afterAll(async () => {
  await run?.close();
});

const secretOf = (index: number) => demoApp.secrets[index] as EmulatedApp['secrets'][number];

interface FormInput {
  name: string;
  clientSecret: string;
}

/** Fills the credential form by its visible labels, as an admin would. */
async function fillCredentialForm(app: FrameLocator, input: FormInput): Promise<void> {
  const { host } = run;
  await app.getByLabel('Name', { exact: true }).fill(input.name);
  await app.getByLabel('OAuth2 service provider', { exact: true }).selectOption({ label: 'Microsoft 365' });
  await app.getByLabel('Grant type', { exact: true }).selectOption({ label: 'Client credentials' });
  await app.getByLabel('Client ID', { exact: true }).fill(demoApp.clientId);
  await app.getByLabel('Client secret', { exact: true }).fill(input.clientSecret);
  await app.getByLabel('Token endpoint URL', { exact: true }).fill(`${host.microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`);
  await app.getByLabel('Scope', { exact: true }).fill('https://graph.microsoft.com/.default');
  await app.getByLabel('Sender mailbox', { exact: true }).fill('support@contoso.onmicrosoft.com');
  await app.getByLabel('Graph API base URL', { exact: true }).fill(`${host.microsoft.graphBaseUrl}/v1.0`);
}

/** The whole page and the app's frame, as HTML: where a leaked secret would show. */
async function allMarkup(): Promise<string> {
  const frames = run.page.frames();
  const markup = await Promise.all(frames.map((frame) => frame.content()));
  return markup.join('\n');
}

describe('the Issue Mailer admin page', () => {
  it('saves a credential, then Test connection reports success', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const app = page.frameLocator('iframe[title="Issue Mailer"]');
    await app.getByRole('heading', { name: 'Issue Mailer', level: 1 }).waitFor();
    await app.getByRole('row', { name: /Contoso support \(emulator\)/ }).waitFor();

    await app.getByRole('button', { name: 'Add credential' }).click();
    await fillCredentialForm(app, { name: 'Support mailbox', clientSecret: secretOf(0).value });
    await app.getByRole('button', { name: 'Save' }).click();

    const saved = app.getByRole('status').filter({ hasText: 'Credential saved' });
    await saved.waitFor();
    expect(await saved.innerText()).toBe('Credential saved\n\n“Support mailbox” is saved. Use Test connection to check it.');
    await app.getByRole('heading', { name: 'Edit credential: Support mailbox' }).waitFor();
    await app.getByText('A secret is set.').waitFor();
    expect(await app.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
    expect(await app.getByRole('row', { name: /Support mailbox/ }).count()).toBe(1);

    host.microsoft.resetCounts();
    await app.getByRole('button', { name: 'Test connection' }).click();
    const success = app.getByRole('status').filter({ hasText: 'Connection works' });
    await success.waitFor();
    expect(await success.innerText()).toContain(
      `Connected: got a token for ${demoApp.clientId} and it carries the Mail.Send application permission.`,
    );
    expect(host.microsoft.requestCounts().token).toBe(1);
    expect(await app.getByRole('row', { name: /Support mailbox/ }).getByText('Passed').count()).toBe(1);

    const markup = await allMarkup();
    expect(markup).not.toContain(secretOf(0).value);
    expect(run.pageErrors).toEqual([]);
  });

  it('shows the AADSTS7000215 guidance when the Secret ID was pasted instead of the secret value', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const app = page.frameLocator('iframe[title="Issue Mailer"]');
    await app.getByRole('row', { name: /Contoso support \(emulator\)/ }).waitFor();

    const wrongSecret = secretOf(0).id;
    await fillCredentialForm(app, { name: 'Pasted the Secret ID', clientSecret: wrongSecret });
    await app.getByRole('button', { name: 'Save' }).click();
    await app.getByRole('heading', { name: 'Edit credential: Pasted the Secret ID' }).waitFor();

    await app.getByRole('button', { name: 'Test connection' }).click();
    const failure = app.getByRole('alert').filter({ hasText: 'Connection failed' });
    await failure.waitFor();
    const text = await failure.innerText();
    expect(text).toContain("Microsoft says the client secret is wrong (AADSTS7000215). Paste the secret's Value, not its Secret ID.");
    expect(text).toContain('Error code TOKEN_INVALID_CLIENT_SECRET');
    expect(await app.getByRole('row', { name: /Pasted the Secret ID/ }).getByText('Failed').count()).toBe(1);

    const markup = await allMarkup();
    expect(markup).not.toContain(wrongSecret);
    expect(markup).not.toContain(secretOf(0).value);
    expect(run.logs.some((line) => line.startsWith('Seeded the demo credential'))).toBe(true);
    expect(run.logs.join('\n')).not.toContain(wrongSecret);
    expect(run.logs.join('\n')).not.toContain(secretOf(0).value);
  });

  it('deletes a credential after confirming in its row', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const app = page.frameLocator('iframe[title="Issue Mailer"]');
    const row = app.getByRole('row', { name: /Pasted the Secret ID/ });
    await row.waitFor();

    await app.getByRole('button', { name: 'Delete Pasted the Secret ID' }).click();
    const confirm = app.getByRole('group', { name: 'Delete Pasted the Secret ID?' });
    expect(await confirm.getByRole('button', { name: 'Keep' }).evaluate((element) => element === document.activeElement)).toBe(
      true,
    );
    await confirm.getByRole('button', { name: 'Delete' }).click();

    await app.getByRole('status').filter({ hasText: 'Pasted the Secret ID was deleted.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await app.getByRole('row', { name: /Support mailbox/ }).count()).toBe(1);
  });

  it('shows field errors next to their fields without calling the backend', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const app = page.frameLocator('iframe[title="Issue Mailer"]');
    await app.getByRole('row', { name: /Contoso support \(emulator\)/ }).waitFor();
    const invocations = host.runtime.stats().invocations;

    await app.getByLabel('Client ID', { exact: true }).fill('not-a-guid');
    await app.getByRole('button', { name: 'Save' }).click();

    const clientId = app.getByLabel('Client ID', { exact: true });
    expect(await clientId.getAttribute('aria-invalid')).toBe('true');
    expect(await app.locator('#credential-clientId-error').innerText()).toBe(
      "Enter the Application (client) ID from the app registration's Overview page (a GUID).",
    );
    expect(await app.locator('#credential-name-error').innerText()).toBe('Enter a name, for example "Support mailbox".');
    expect(await app.locator('#credential-clientSecret-error').innerText()).toBe(
      'Enter the client secret value from Certificates & secrets.',
    );
    expect(await app.getByLabel('Name', { exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(host.runtime.stats().invocations).toBe(invocations);
  });
});
