import type { FrameLocator, Page } from 'playwright-core';

import {
  allMarkup,
  checklist,
  demoAppOf,
  emulatedTenant,
  field,
  openAddCredentialForm,
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

const NAME = 'Support as itself';
/** The emulator's demo password of the support mailbox (local/microsoft/tenant.json). */
const SUPPORT_PASSWORD = 'Support-Demo-2030';
const ADMIN_EMAIL = 'alex.admin@example.com';

const credentialForm = (app: FrameLocator) => app.getByRole('form', { name: `Edit credential: ${NAME}` });

/** Signs in on the emulator's page the Authorize button opened, consenting when asked, and returns the last page. */
const signIn = async (popup: Page): Promise<string> => {
  await popup.waitForLoadState();
  await popup.getByRole('heading', { name: 'Pick an account' }).waitFor();
  await popup.getByRole('radio', { name: new RegExp(SUPPORT_MAILBOX) }).check();
  await popup.getByLabel('Password', { exact: true }).fill(SUPPORT_PASSWORD);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  const consent = popup.getByRole('heading', { name: 'Permissions requested' });
  const connected = popup.getByText(/^Connected /);
  await consent.or(connected).waitFor();
  if (await consent.isVisible()) await popup.getByRole('button', { name: 'Accept' }).click();
  await connected.waitFor();
  return connected.innerText();
};

/** The connected page closes its own window after a moment (src/messages/authorization-page.ts). */
const closesItself = (window: Page): Promise<unknown> =>
  window.isClosed() ? Promise.resolve() : window.waitForEvent('close');

/** Presses a button that opens Microsoft's sign-in in a new window, and returns that window. */
const openSignIn = async (press: () => Promise<void>): Promise<Page> => {
  const opened = run.context.waitForEvent('page');
  await press();
  return opened;
};

describe('the authorization code grant on the admin page', () => {
  it('connects a mailbox by Authorize, sends through /me, and recovers from a revoked sign-in with Authorize again', async () => {
    const { microsoft } = run.host;
    const demoApp = demoAppOf(run);
    const tenant = emulatedTenant(run).id;
    const app = await openAdminPage(run);

    // Create the credential: the authorization endpoint follows the token endpoint, the scopes are fixed.
    await openAddCredentialForm(app);
    await field(app, 'Name').fill(NAME);
    await field(app, 'OAuth2 service provider').selectOption({ label: 'Microsoft 365' });
    await field(app, 'Grant type').selectOption({ label: 'Authorization code' });
    await field(app, 'Client authentication').selectOption({ label: 'Client secret' });
    await field(app, 'Client ID').fill(demoApp.clientId);
    await field(app, 'Client secret').fill(secretOf(demoApp, 'Issue Mailer for Jira').value);
    await field(app, 'Token endpoint URL').fill(`${microsoft.loginBaseUrl}/${tenant}/oauth2/v2.0/token`);
    expect(await field(app, 'Authorization endpoint URL').inputValue()).toBe(
      `${microsoft.loginBaseUrl}/${tenant}/oauth2/v2.0/authorize`,
    );
    await field(app, 'Mailbox to connect').fill(SUPPORT_MAILBOX);
    await field(app, 'Graph API base URL').fill(`${microsoft.graphBaseUrl}/v1.0`);
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    const form = credentialForm(app);
    await form.waitFor();
    await form.getByText('Not authorized', { exact: true }).first().waitFor();

    // Copy the Redirect URI into the app registration's Authentication page, as an admin does.
    const redirectUri = await field(app, 'Redirect URI').inputValue();
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(x1|public)\/[A-Za-z0-9_-]+$/);
    // The browser lets the page read back what the Copy button put on the clipboard.
    await run.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.host.url });
    await form.getByRole('button', { name: 'Copy Redirect URI' }).click();
    await form.getByText('Copied', { exact: true }).waitFor();
    expect(await run.page.evaluate(() => navigator.clipboard.readText())).toBe(redirectUri);

    const portal = await run.context.newPage();
    await portal.goto(`${microsoft.loginBaseUrl}/portal`);
    const authentication = portal.locator(`form[action$="/portal/apps/${demoApp.clientId}/redirect-uris"]`);
    await authentication.getByLabel('Add URI').fill(redirectUri);
    await authentication.getByRole('button', { name: 'Save' }).click();
    await portal.getByTestId('redirect-uri').filter({ hasText: redirectUri }).waitFor();
    await portal.close();

    // Authorize: Microsoft's sign-in in a new window; the web trigger names the mailbox; the form shows it.
    const signInWindow = await openSignIn(() => form.getByRole('button', { name: 'Authorize', exact: true }).click());
    expect(await signIn(signInWindow)).toBe(
      `Connected ${SUPPORT_MAILBOX} to Issue Mailer (credential ${NAME}). You can close this window.`,
    );
    await closesItself(signInWindow);
    await form.getByText(`Connected as ${SUPPORT_MAILBOX}`, { exact: false }).waitFor();
    expect(await rowOf(app, NAME).getByText('Not authorized', { exact: true }).count()).toBe(0);

    // An email sent with it goes out as the signed-in mailbox, through /me, into its Sent Items.
    const sentBefore = microsoft.sentMessages(SUPPORT_MAILBOX).length;
    // Any Graph request naming a mailbox under /users/ fails from here: only /me gets through.
    microsoft.injectFault({ target: 'graph', kind: 'unavailable', count: Infinity, pathIncludes: '/users/' });
    await form.getByLabel('Also send a test email to me', { exact: true }).check();
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    const sent = microsoft.sentMessages(SUPPORT_MAILBOX).slice(sentBefore);
    expect(sent.map((message) => message.message.toRecipients?.map((to) => to.emailAddress.address))).toEqual([
      [ADMIN_EMAIL],
    ]);
    expect(await checklist(form)).toHaveLength(4);
    microsoft.clearFaults();

    // Microsoft revokes the user's sessions: Test connection says so, and Authorize again fixes it.
    expect(microsoft.revokeSignInSessions(SUPPORT_MAILBOX)).toBe(true);
    await form.getByLabel('Also send a test email to me', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    const again = form.getByRole('button', { name: 'Authorize again' });
    await again.waitFor();
    expect((await checklist(form))[0]).toMatch(/OAUTH_GRANT_REVOKED/);

    const secondSignIn = await openSignIn(() => again.click());
    expect(await signIn(secondSignIn)).toContain(`Connected ${SUPPORT_MAILBOX}`);
    await closesItself(secondSignIn);
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();

    const markup = await allMarkup(run);
    expect(markup).not.toContain(secretOf(demoApp, 'Issue Mailer for Jira').value);
    expect(run.pageErrors).toEqual([]);
  });
});
