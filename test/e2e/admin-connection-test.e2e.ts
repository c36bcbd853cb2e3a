import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  addCredential,
  allMarkup,
  checklist,
  demoAppOf,
  emulatedApp,
  emulatedTenant,
  field,
  isFocused,
  openAdminPage,
  permissionRows,
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

describe('Test connection on the admin page: a diagnosis, step by step', () => {
  it('passes every check for the demo app and its mailbox, and mails the admin when asked', async () => {
    expect(demoApp().clientId).toBe(DEMO_CLIENT_ID);
    const app = await openAdminPage(run);
    await addCredential(run, app, {
      name: 'Works',
      clientId: demoApp().clientId,
      clientSecret: secretOf(demoApp(), 'Issue Mailer for Jira').value,
    });

    await app.getByLabel('Also send a test email to me', { exact: true }).check();
    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    const form = app.getByRole('form', { name: 'Edit credential: Works' });
    await form.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();

    expect(await checklist(form)).toEqual([...SUCCESS_STEPS, TEST_EMAIL_SENT]);
    expect(await permissionRows(form)).toEqual([
      'User.Read.All Granted',
      'Mail.ReadWrite Granted',
      'Mail.Send Granted',
    ]);
    const mail = run.host.microsoft.sentMessages(SUPPORT_MAILBOX);
    expect(
      mail.map((message) => message.message.toRecipients?.map((recipient) => recipient.emailAddress.address)),
    ).toEqual([['alex.admin@example.com']]);

    const row = rowOf(app, 'Works');
    expect(await row.getByRole('cell').nth(4).innerText()).toBe('PASSED\njust now');
    const time = row.locator('time');
    expect(await time.getAttribute('title')).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/);
    expect(run.pageErrors).toEqual([]);
  });

  it('runs from the table row and reports under the table, focus on the result', async () => {
    const app = await openAdminPage(run);
    await app.getByRole('button', { name: 'Test connection for Works' }).click();
    const result = app.getByRole('region', { name: 'Test connection: Works' });
    await result.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    expect(await isFocused(result.getByRole('heading', { name: 'Test connection: Works' }))).toBe(true);
    expect(await checklist(result)).toEqual(SUCCESS_STEPS);

    await result.getByRole('button', { name: 'Dismiss' }).click();
    await result.waitFor({ state: 'detached' });
    expect(await isFocused(app.getByRole('button', { name: 'Test connection for Works' }))).toBe(true);
  });

  it('explains AADSTS7000215 when the secret value is wrong', async () => {
    const app = await openAdminPage(run);
    // Another app's secret: a well-formed value this app does not have.
    const wrong = secretOf(emulatedApp(run, 'Issue Mailer (awaiting admin consent)'), 'Issue Mailer for Jira').value;
    await addCredential(run, app, { name: 'Wrong secret', clientId: demoApp().clientId, clientSecret: wrong });

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    const failure = app.getByRole('alert').filter({ hasText: 'Connection failed' });
    await failure.waitFor();
    expect(await checklist(app.getByRole('form'))).toEqual(WRONG_SECRET_STEPS);
    await rowOf(app, 'Wrong secret').getByText('Failed').waitFor();
    expect(await allMarkup(run)).not.toContain(wrong);
    expect(run.logs.join('\n')).not.toContain(wrong);
  });

  it("explains AADSTS7000222 in Microsoft's words, and calls a typed expiry date that disagrees wrong", async () => {
    const app = await openAdminPage(run);
    const expired = secretOf(demoApp(), 'Old secret (expired)');
    await addCredential(run, app, {
      name: 'Expired secret',
      clientId: demoApp().clientId,
      clientSecret: expired.value,
      secretExpiresOn: '2099-12-25',
    });

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    const form = app.getByRole('form');
    await form.getByRole('alert').filter({ hasText: 'Connection failed' }).waitFor();
    expect(await checklist(form)).toEqual(EXPIRED_SECRET_STEPS);
    const summary = await form.getByRole('alert').filter({ hasText: 'Connection failed' }).innerText();
    expect(summary).toContain(TYPED_DATE_WRONG);
    expect(summary).not.toMatch(/2099|Dec 25/);
  });

  it('lists each permission as missing, with "grant admin consent" guidance, when consent was not granted', async () => {
    const app = await openAdminPage(run);
    const awaiting = emulatedApp(run, 'Issue Mailer (awaiting admin consent)');
    await addCredential(run, app, {
      name: 'No consent',
      clientId: awaiting.clientId,
      clientSecret: secretOf(awaiting, 'Issue Mailer for Jira').value,
    });

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    const form = app.getByRole('form');
    await form.getByRole('alert').filter({ hasText: 'Connection failed' }).waitFor();
    expect(await checklist(form)).toEqual(NO_CONSENT_STEPS);
    expect(await permissionRows(form)).toEqual([
      'User.Read.All Missing',
      'Mail.ReadWrite Missing',
      'Mail.Send Missing',
    ]);
  });

  it('says so when an application access policy keeps the app out of the sender mailbox', async () => {
    const app = await openAdminPage(run);
    await addCredential(run, app, {
      name: 'Outside the policy',
      clientId: demoApp().clientId,
      clientSecret: secretOf(demoApp(), 'Issue Mailer for Jira').value,
      senderMailbox: POLICY_BLOCKED_MAILBOX,
    });

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    const form = app.getByRole('form');
    await form.getByRole('alert').filter({ hasText: 'Connection failed' }).waitFor();
    expect(await checklist(form)).toEqual(POLICY_STEPS);
    expect(await permissionRows(form)).toEqual([
      'User.Read.All Granted',
      'Mail.ReadWrite Granted',
      'Mail.Send Granted',
    ]);
  });

  it('signs in with a certificate: shows its thumbprint, subject and validity, never the key', async () => {
    const certs = path.join(__dirname, '../../local/microsoft/certs');
    const certificate = readFileSync(path.join(certs, 'issue-mailer-demo.cert.pem'), 'utf8');
    const privateKey = readFileSync(path.join(certs, 'issue-mailer-demo.key.pem'), 'utf8');
    const { microsoft } = run.host;
    const app = await openAdminPage(run);
    await app.getByRole('button', { name: 'Add credential' }).click();
    await field(app, 'Name').fill('Certificate');
    await field(app, 'Client authentication').selectOption({ label: 'Certificate' });
    await field(app, 'Client ID').fill(DEMO_CLIENT_ID);
    await field(app, 'Certificate (PEM)').fill(certificate);
    await field(app, 'Private key (PEM)').fill(privateKey);
    await field(app, 'Token endpoint URL').fill(
      `${microsoft.loginBaseUrl}/${emulatedTenant(run).id}/oauth2/v2.0/token`,
    );
    await field(app, 'Sender mailbox').fill(SUPPORT_MAILBOX);
    await field(app, 'Graph API base URL').fill(`${microsoft.graphBaseUrl}/v1.0`);
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByRole('heading', { name: 'Edit credential: Certificate' }).waitFor();

    const stored = app.getByRole('region', { name: 'Certificate', exact: true });
    expect(await stored.getByRole('definition').allInnerTexts()).toEqual([
      'CD3174B576E2177995CEF19AADD2C87D47947CCE',
      'CN=Issue Mailer demo',
      'Nov 26, 2026 to Nov 23, 2036',
      'Stored as a Forge secret',
    ]);
    expect(await app.locator('textarea').count()).toBe(0);
    await stored.getByRole('button', { name: 'Replace certificate and key' }).waitFor();
    expect(await rowOf(app, 'Certificate').getByRole('cell').nth(5).innerText()).toBe(
      'Certificate expires Nov 23, 2036',
    );

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    const form = app.getByRole('form');
    await form.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    expect((await checklist(form))[0]).toBe(CERTIFICATE_TOKEN_STEP);

    const keyBody = privateKey.split('\n')[1] ?? '';
    expect(keyBody.length).toBeGreaterThan(40);
    expect(await allMarkup(run)).not.toContain(keyBody);
    expect(run.logs.join('\n')).not.toContain(keyBody);
  });
});

const CERTIFICATE_TOKEN_STEP =
  'Passed: Token | Got a token for 3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60, signed with the certificate (thumbprint ' +
  'CD3174B576E2177995CEF19AADD2C87D47947CCE).';
const DEMO_CLIENT_ID = '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60';
const CONSENT_CLIENT_ID = '5e7c9a1b-2d4f-4a6c-8e0b-7f9d1c3e5a72';
const ENTRA_APP = 'Microsoft Entra admin center > App registrations > your app';
const TOKEN_PASSED = (clientId: string) => `Passed: Token | Got a token for ${clientId}, with the client secret.`;
const PERMISSIONS_PASSED = 'Passed: Permissions | The token carries User.Read.All, Mail.ReadWrite and Mail.Send.';
const NO_TOKEN = ['Skipped: Permissions', 'Skipped: Sender mailbox'].map(
  (title) => `${title} | Not checked: there is no token to check with.`,
);

const SUCCESS_STEPS = [
  TOKEN_PASSED(DEMO_CLIENT_ID),
  PERMISSIONS_PASSED,
  `Passed: Sender mailbox | ${SUPPORT_MAILBOX} (Contoso Support) is an Exchange Online mailbox this app may use.`,
];
const TEST_EMAIL_SENT = `Passed: Test email | Sent a test email from ${SUPPORT_MAILBOX} to the email address Jira has for you. It should arrive within a minute.`;

const WRONG_SECRET_STEPS = [
  "Failed: Token | Microsoft says the client secret is wrong (AADSTS7000215). Paste the secret's Value, not its Secret ID. " +
    `The Value is shown in ${ENTRA_APP} > Certificates & secrets only right after the secret is created; if you no longer ` +
    'have it, create a new client secret there and copy its Value. | Error code TOKEN_INVALID_CLIENT_SECRET',
  ...NO_TOKEN,
];

const TYPED_DATE_WRONG =
  "The expiry date typed on the form for this credential is wrong: it says the secret is still valid. When you paste the new secret's " +
  'Value, also update the date to the one Certificates & secrets shows for it.';
const EXPIRED_SECRET_STEPS = [
  `Failed: Token | Microsoft says this secret has expired (AADSTS7000222). In ${ENTRA_APP} > Certificates & secrets, ` +
    `create a new client secret, paste its Value here and update the expiry date. ${TYPED_DATE_WRONG} | Error code ` +
    'TOKEN_CLIENT_SECRET_EXPIRED',
  ...NO_TOKEN,
];

const NO_CONSENT_STEPS = [
  TOKEN_PASSED(CONSENT_CLIENT_ID),
  'Failed: Permissions | The token carries no application permissions: admin consent has not been granted. In ' +
    `${ENTRA_APP} > API permissions, add the Microsoft Graph application permissions User.Read.All, Mail.ReadWrite and ` +
    'Mail.Send, then select "Grant admin consent for <your organization>". | Error code PERMISSIONS_NO_ADMIN_CONSENT',
  'Skipped: Sender mailbox | Not checked: the token carries no application permissions, so Microsoft Graph refuses ' +
    'it for any mailbox. Grant admin consent, then test again.',
];

const POLICY_BLOCKED_MAILBOX = 'sales@contoso.onmicrosoft.com';
const POLICY_STEPS = [
  TOKEN_PASSED(DEMO_CLIENT_ID),
  PERMISSIONS_PASSED,
  'Failed: Sender mailbox | An Exchange Online application access policy or RBAC for Applications keeps this app away ' +
    `from ${POLICY_BLOCKED_MAILBOX} ("Access to OData is disabled"). An Exchange admin can add the mailbox to the ` +
    'security group the policy names (check with Test-ApplicationAccessPolicy) or widen the management scope of the ' +
    "app's role assignment (check with Test-ServicePrincipalAuthorization). | Error code GRAPH_APP_ACCESS_POLICY_DENIED",
];
