import {
  addCredential,
  allMarkup,
  DEMO_CREDENTIAL,
  demoAppOf,
  field,
  isFocused,
  openAdminPage,
  rowOf,
  secretOf,
  SUPPORT_MAILBOX,
  useHostedBrowser,
} from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const demoApp = () => demoAppOf(run);
const currentSecret = () => secretOf(demoApp(), 'Issue Mailer for Jira');

describe('the Issue Mailer admin page: managing credentials', () => {
  it('lists a new credential with its provider, grant type, client ID, mailbox, test and expiry', async () => {
    const app = await openAdminPage(run);
    await addCredential(run, app, {
      name: 'Support mailbox',
      clientId: demoApp().clientId,
      clientSecret: currentSecret().value,
      secretExpiresOn: '2099-12-31',
    });

    const saved = app.getByRole('status').filter({ hasText: 'Credential saved' });
    expect(await saved.innerText()).toBe(
      'Credential saved\n\n“Support mailbox” is saved. Use Test connection to check it.',
    );
    expect(await rowOf(app, 'Support mailbox').getByRole('cell').allInnerTexts()).toEqual([
      'Microsoft 365',
      'Client credentials',
      demoApp().clientId,
      SUPPORT_MAILBOX,
      'Not tested yet',
      'Secret expires Dec 31, 2099',
      'Edit\nTest connection',
    ]);
    expect(await rowOf(app, DEMO_CREDENTIAL).getByRole('rowheader').innerText()).toBe(`${DEMO_CREDENTIAL}\nDEFAULT`);
    expect(await rowOf(app, 'Support mailbox').getByRole('rowheader').innerText()).toBe('Support mailbox');
    expect(await allMarkup(run)).not.toContain(currentSecret().value);
    expect(run.pageErrors).toEqual([]);
  });

  it('edits a credential: the stored secret stays write-only and is kept when the field is left alone', async () => {
    const app = await openAdminPage(run);
    await app.getByRole('button', { name: 'Edit Support mailbox' }).click();
    const heading = app.getByRole('heading', { name: 'Edit credential: Support mailbox' });
    expect(await isFocused(heading)).toBe(true);

    const secret = app.getByRole('group', { name: 'Client secret' });
    expect(textOf(await secret.innerText())).toMatch(
      /^Client secret\nA secret is set \(updated [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M\)\nReplace secret$/,
    );
    expect(await app.locator('input[type="password"]').count()).toBe(0);
    expect(await field(app, 'Secret expires on').inputValue()).toBe('2099-12-31');

    await field(app, 'Name').fill('Support mailbox (EU)');
    await field(app, 'Secret expires on').fill('2099-06-30');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByRole('heading', { name: 'Edit credential: Support mailbox (EU)' }).waitFor();
    await rowOf(app, 'Support mailbox (EU)').getByText('Secret expires Jun 30, 2099').waitFor();

    host().microsoft.resetCounts();
    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    await app.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    expect(host().microsoft.requestCounts().token).toBe(1);
    expect(await allMarkup(run)).not.toContain(currentSecret().value);
  });

  it('replaces an expired secret: "Replace secret" opens an empty field, and the next test passes', async () => {
    const app = await openAdminPage(run);
    const expired = secretOf(demoApp(), 'Old secret (expired)');
    await addCredential(run, app, {
      name: 'Rotating mailbox',
      clientId: demoApp().clientId,
      clientSecret: expired.value,
    });

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    await app.getByRole('alert').filter({ hasText: 'Connection failed' }).waitFor();

    await app.getByRole('button', { name: 'Replace secret' }).click();
    const input = field(app, 'Client secret');
    expect(await isFocused(input)).toBe(true);
    expect(await input.inputValue()).toBe('');
    expect(await input.getAttribute('type')).toBe('password');

    // Changing one's mind keeps the stored secret.
    await app.getByRole('button', { name: 'Keep the current secret' }).click();
    expect(await isFocused(app.getByRole('button', { name: 'Replace secret' }))).toBe(true);

    await app.getByRole('button', { name: 'Replace secret' }).click();
    await field(app, 'Client secret').fill(currentSecret().value);
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByRole('status').filter({ hasText: 'Credential saved' }).waitFor();
    expect(textOf(await app.getByRole('group', { name: 'Client secret' }).innerText())).toMatch(
      /^Client secret\nA secret is set \(updated /,
    );

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    await app.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    await rowOf(app, 'Rotating mailbox').getByText('Passed').waitFor();

    const markup = await allMarkup(run);
    expect(markup).not.toContain(expired.value);
    expect(markup).not.toContain(currentSecret().value);
    const logs = run.logs.join('\n');
    expect(logs).not.toContain(expired.value);
    expect(logs).not.toContain(currentSecret().value);
  });

  it('makes another credential the default', async () => {
    const app = await openAdminPage(run);
    const more = app.getByRole('button', { name: 'More actions for Rotating mailbox' });
    await more.click();
    await app.getByRole('menuitem', { name: 'Make default' }).click();

    const notice = app.getByRole('status').filter({ hasText: 'Rotating mailbox is now the default credential.' });
    await notice.waitFor();
    await rowOf(app, 'Rotating mailbox').getByText('Default').waitFor();
    expect(await rowOf(app, DEMO_CREDENTIAL).getByRole('rowheader').innerText()).toBe(DEMO_CREDENTIAL);
    expect(await isFocused(more)).toBe(true);

    await more.click();
    expect(await app.getByRole('menu').getByRole('menuitem').allInnerTexts()).toEqual(['Delete']);
    await run.page.keyboard.press('Escape');
    expect(await isFocused(more)).toBe(true);
  });

  it('deletes after confirming in the row; Escape keeps the credential', async () => {
    const app = await openAdminPage(run);
    const more = app.getByRole('button', { name: 'More actions for Support mailbox (EU)' });
    await more.click();
    await app.getByRole('menuitem', { name: 'Delete' }).click();

    const confirm = app.getByRole('group', { name: 'Delete Support mailbox (EU)?' });
    expect(await isFocused(confirm.getByRole('button', { name: 'Keep' }))).toBe(true);
    await run.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await isFocused(more)).toBe(true);

    await more.click();
    await app.getByRole('menuitem', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();

    await app.getByRole('status').filter({ hasText: 'Support mailbox (EU) was deleted.' }).waitFor();
    await rowOf(app, 'Support mailbox (EU)').waitFor({ state: 'detached' });
    expect(await isFocused(app.getByRole('heading', { name: 'Credentials', exact: true }))).toBe(true);
    expect(run.pageErrors).toEqual([]);
  });

  it('refuses to delete the credential "Email this issue" sends with, saying what uses it', async () => {
    const app = await openAdminPage(run);
    const more = app.getByRole('button', { name: 'More actions for Rotating mailbox' });
    await more.click();
    await app.getByRole('menuitem', { name: 'Delete' }).click();
    await app.getByRole('group', { name: 'Delete Rotating mailbox?' }).getByRole('button', { name: 'Delete' }).click();

    const refused = app.getByRole('alert').filter({ hasText: 'Rotating mailbox was not deleted' });
    await refused.waitFor();
    expect(await refused.innerText()).toBe(
      'Rotating mailbox was not deleted\n\n' +
        'Email this issue sends through this credential as the default. Make another credential the default first.',
    );
    expect(await rowOf(app, 'Rotating mailbox').count()).toBe(1);
    expect(await isFocused(more)).toBe(true);
  });

  it('works from the keyboard alone: Add, fields in order, Enter saves', async () => {
    const { page } = run;
    const app = await openAdminPage(run);
    await app.getByRole('button', { name: 'Add credential' }).focus();
    await page.keyboard.press('Enter');
    expect(await isFocused(app.getByRole('heading', { name: 'Add credential' }))).toBe(true);

    const order: string[] = [];
    for (let i = 0; i < 14; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await app.locator('body').evaluate((body) => body.ownerDocument.activeElement?.id ?? ''));
    }
    expect(order).toEqual([
      'credential-name',
      'credential-provider',
      'credential-grantType',
      'credential-clientAuthMethod',
      'credential-clientId',
      'credential-clientSecret',
      // Chromium's date input takes month, day, year and its calendar button in turn.
      'credential-secretExpiresOn',
      'credential-secretExpiresOn',
      'credential-secretExpiresOn',
      'credential-secretExpiresOn',
      'credential-tokenEndpoint',
      'credential-scope',
      'credential-senderMailbox',
      'credential-graphBaseUrl',
    ]);

    const { microsoft } = run.host;
    const tenantId = run.host.microsoft.config.tenants[0]?.id ?? '';
    const typeInto = async (id: string, text: string) => {
      await app.locator(`#${id}`).focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
    };
    await typeInto('credential-name', 'Typed by keyboard');
    await typeInto('credential-clientId', demoApp().clientId);
    await typeInto('credential-clientSecret', currentSecret().value);
    await typeInto('credential-tokenEndpoint', `${microsoft.loginBaseUrl}/${tenantId}/oauth2/v2.0/token`);
    await typeInto('credential-senderMailbox', SUPPORT_MAILBOX);
    await typeInto('credential-graphBaseUrl', `${microsoft.graphBaseUrl}/v1.0`);
    await page.keyboard.press('Enter');

    await app.getByRole('status').filter({ hasText: 'Credential saved' }).waitFor();
    await rowOf(app, 'Typed by keyboard').waitFor();

    // The row's "more" menu: Enter opens it on its first item, the arrows move and wrap, Escape closes it.
    const more = app.getByRole('button', { name: 'More actions for Typed by keyboard' });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = app.getByRole('menu', { name: 'More actions for Typed by keyboard' });
    expect(await isFocused(menu.getByRole('menuitem', { name: 'Make default' }))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(menu.getByRole('menuitem', { name: 'Delete' }))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(menu.getByRole('menuitem', { name: 'Make default' }))).toBe(true);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await isFocused(more)).toBe(true);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
  });

  it("holds the table's place with a skeleton, marked busy, while the credentials load", async () => {
    const { page } = run;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/__forge/invoke', async (route) => {
      const call = route.request().postDataJSON() as { functionKey?: string; payload?: { parts?: string[] } };
      if (call.functionKey === 'loadAdminView' && call.payload?.parts?.includes('credentials')) await held;
      await route.continue();
    });
    try {
      await page.goto(`${run.host.url}/admin`);
      const app = page.frameLocator('iframe[title="Issue Mailer"]');
      const section = app.getByRole('region', { name: 'Credentials' });
      await app.getByText('Loading credentials…').waitFor({ state: 'attached' });
      expect(await section.getAttribute('aria-busy')).toBe('true');
      expect(await section.getByRole('table').count()).toBe(0);
      expect(await section.locator('.im-skeleton').count()).toBeGreaterThan(0);

      release();
      await rowOf(app, DEMO_CREDENTIAL).waitFor();
      expect(await section.getAttribute('aria-busy')).toBe('false');
      expect(await section.locator('.im-skeleton').count()).toBe(0);
    } finally {
      release();
      await page.unroute('**/__forge/invoke');
    }
  });

  it('changing the cloud moves Scope and Graph API base URL defaults along, never a typed value', async () => {
    const app = await openAdminPage(run);
    await app.getByRole('button', { name: 'Add credential' }).click();
    const endpointHint = app.locator('#credential-tokenEndpoint-hint');
    expect(await field(app, 'Scope').inputValue()).toBe('https://graph.microsoft.com/.default');
    expect(await field(app, 'Graph API base URL').inputValue()).toBe('https://graph.microsoft.com/v1.0');
    expect(await endpointHint.innerText()).toContain('https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token');

    await field(app, 'OAuth2 service provider').selectOption({ label: 'Microsoft 365 US Government (GCC High)' });
    expect(await field(app, 'Scope').inputValue()).toBe('https://graph.microsoft.us/.default');
    expect(await field(app, 'Graph API base URL').inputValue()).toBe('https://graph.microsoft.us/v1.0');
    expect(await endpointHint.innerText()).toBe(
      'Overview > Endpoints > OAuth 2.0 token endpoint (v2). For Microsoft 365 US Government (GCC High) it looks like ' +
        'https://login.microsoftonline.us/<tenant-id>/oauth2/v2.0/token',
    );

    await field(app, 'Scope').fill('https://graph.microsoft.us/Mail.Send');
    await field(app, 'OAuth2 service provider').selectOption({ label: 'Microsoft 365 operated by 21Vianet (China)' });
    expect(await field(app, 'Scope').inputValue()).toBe('https://graph.microsoft.us/Mail.Send');
    expect(await field(app, 'Graph API base URL').inputValue()).toBe('https://microsoftgraph.chinacloudapi.cn/v1.0');
    expect(await endpointHint.innerText()).toContain('https://login.chinacloudapi.cn/<tenant-id>/oauth2/v2.0/token');
  });

  it("shows a certificate credential's PEM fields instead of the secret", async () => {
    const app = await openAdminPage(run);
    await app.getByRole('button', { name: 'Add credential' }).click();
    await field(app, 'Client authentication').selectOption({ label: 'Certificate' });
    expect(await field(app, 'Certificate (PEM)').evaluate((element) => element.tagName)).toBe('TEXTAREA');
    expect(await field(app, 'Private key (PEM)').evaluate((element) => element.tagName)).toBe('TEXTAREA');
    expect(await app.getByLabel('Client secret', { exact: true }).count()).toBe(0);
    expect(await app.getByLabel('Secret expires on', { exact: true }).count()).toBe(0);
  });
});

const host = () => run.host;

/** innerText with one line break between blocks, however many a paragraph's margins add. */
const textOf = (text: string) => text.replace(/\s*\n\s*/g, '\n').trim();
