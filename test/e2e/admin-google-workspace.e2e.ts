import { createHash } from 'node:crypto';

import type { FrameLocator } from 'playwright-core';

import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../src/contract';
import {
  allMarkup,
  checklist,
  field,
  openAddCredentialForm,
  openAdminPage,
  showAdminSection,
  useHostedBrowser,
} from './support/admin-page';
import { type HostedBrowser, openIssueDialog } from './support/browser';

/**
 * Issue 16, Done-when 3: a Google Workspace credential made from a service account's key file on the admin page,
 * tested, refused while the emulated Admin console does not allow its scope, then sending DEMO-2 with its
 * attachments and a notification rule's email through Gmail.
 */
let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const NAME = 'Support on Google';
const MAILBOX = 'support@example-google.test';
const ADMIN_EMAIL = 'alex.admin@example.com';
/** The emulated workspace's service account (local/google/workspace.json). */
const CLIENT_ID = '104729384756102938475';
const CLIENT_EMAIL = 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const credentialForm = (app: FrameLocator) => app.getByRole('form', { name: `Edit credential: ${NAME}` });

/** Jira's own bytes of an attachment, read through the site as the signed-in user. */
const jiraBytes = async (attachmentId: string): Promise<Buffer> => {
  const answer = await run.page.request.get(`${run.host.url}/rest/api/3/attachment/content/${attachmentId}`);
  expect(answer.status()).toBe(200);
  return Buffer.from(await answer.body());
};

/** The emulated Admin console's Manage Domain Wide Delegation page: the client's scopes, as an admin edits them. */
const allowScopesInAdminConsole = async (scopes: readonly string[]): Promise<void> => {
  const console = await run.context.newPage();
  await console.goto(`${run.host.google.url}/admin`);
  const row = console.getByRole('row').filter({ hasText: CLIENT_ID });
  await row.getByTestId('edit-scopes').fill(scopes.join(','));
  await row.getByTestId('edit-delegation').click();
  await console.getByRole('row').filter({ hasText: CLIENT_ID }).getByTestId('edit-scopes').waitFor();
  await console.close();
  expect(run.host.google.delegation().find((entry) => entry.clientId === CLIENT_ID)?.scopes).toEqual([...scopes]);
};

const settle = async () => {
  await run.host.productEvents.whenIdle();
  await run.host.queue.whenIdle();
};

describe('a Google Workspace credential on the admin page', () => {
  it('is made from the key file, tested, explains unauthorized_client, and sends DEMO-2 and a rule email through Gmail', async () => {
    const { host } = run;
    const google = host.google;
    const app = await openAdminPage(run);

    // The key file as the Admin console page of the emulator hands it out (Google Cloud's download).
    const keyFile = await run.page.request.get(`${google.url}/admin/service-accounts/${CLIENT_ID}/key.json`);
    expect(keyFile.status()).toBe(200);
    const keyText = await keyFile.text();

    await openAddCredentialForm(app);
    await field(app, 'OAuth2 service provider').selectOption({ label: 'Google Workspace' });
    await field(app, 'Name').fill(NAME);
    await field(app, 'Service account key (JSON)').setInputFiles({
      name: 'issue-mailer-demo.json',
      mimeType: 'application/json',
      buffer: Buffer.from(keyText),
    });
    await app.getByText(/: a key of this service account$/).waitFor();
    await field(app, 'Mailbox to send as').fill(MAILBOX);
    await field(app, 'Also read incoming mail (gmail.modify)').check();
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    const form = credentialForm(app);
    await form.waitFor();
    await form.getByText(CLIENT_EMAIL).first().waitFor();
    expect(await form.getByLabel('Client ID', { exact: true }).inputValue()).toBe(CLIENT_ID);
    expect(await form.getByLabel('OAuth scopes (comma-delimited)', { exact: true }).inputValue()).toBe(
      `${GMAIL_SEND_SCOPE},${GMAIL_MODIFY_SCOPE}`,
    );

    // Test connection with a test email: the token, the profile, and the mail in the Gmail mailbox.
    await form.getByLabel('Also send a test email to me', { exact: true }).check();
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    const tests = google.sentMessages(MAILBOX);
    expect(tests.map((message) => message.parsed.to?.map((to) => to.address))).toEqual([[ADMIN_EMAIL]]);

    // The Admin console no longer allows gmail.send for the client: unauthorized_client, with what to allow.
    await allowScopesInAdminConsole([GMAIL_MODIFY_SCOPE]);
    await form.getByLabel('Also send a test email to me', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.getByText('Connection failed', { exact: true }).waitFor();
    const refused = (await checklist(form))[0] ?? '';
    expect(refused).toContain('GOOGLE_DELEGATION_MISSING');
    expect(refused).toContain(CLIENT_ID);
    expect(refused).toContain(GMAIL_SEND_SCOPE);
    expect(refused).toContain('Manage Domain Wide Delegation');
    await allowScopesInAdminConsole([GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE]);
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();

    // It becomes the default: "Email this issue" sends DEMO-2 and its two files through Gmail.
    await app.getByRole('button', { name: `More actions for ${NAME}` }).click();
    await app.getByRole('menuitem', { name: 'Make default' }).click();
    await app
      .getByRole('status')
      .filter({ hasText: `${NAME} is now the default credential.` })
      .waitFor();

    const dialog = await openIssueDialog(run, 'DEMO-2');
    const to = dialog.getByLabel('To', { exact: true });
    await to.fill('customer@fabrikam.example');
    await to.press('Enter');
    await dialog.getByRole('checkbox', { name: /laptop-fleet-inventory\.xlsx/ }).check();
    await dialog.getByRole('checkbox', { name: /onboarding-checklist\.csv/ }).check();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await run.page.getByRole('alert').filter({ hasText: 'Email sent' }).waitFor();

    const sent = google.sentMessages(MAILBOX).filter((message) => message.parsed.subject?.startsWith('[DEMO-2]'));
    expect(sent).toHaveLength(1);
    const mail = sent[0]!.parsed;
    expect(mail.from?.address).toBe(MAILBOX);
    expect(mail.to?.map((recipient) => recipient.address)).toEqual(['customer@fabrikam.example']);
    const header = (name: string) => mail.headers.find((one) => one.key === name)?.value;
    expect(header('x-issue-mailer-issue')).toBe('DEMO-2');
    expect(mail.messageId).toMatch(/^<[^@\s]+@[^>\s]+>$/);
    const files = new Map(mail.attachments.map((attachment) => [attachment.filename, attachment.content]));
    expect([...files.keys()].sort()).toEqual(['laptop-fleet-inventory.xlsx', 'onboarding-checklist.csv']);
    const [xlsx, csv] = await Promise.all([jiraBytes('10106'), jiraBytes('10102')]);
    expect(sha256(new Uint8Array(files.get('laptop-fleet-inventory.xlsx') as ArrayBuffer))).toBe(sha256(xlsx));
    expect(sha256(new Uint8Array(files.get('onboarding-checklist.csv') as ArrayBuffer))).toBe(sha256(csv));

    // A notification rule that names the Google credential sends through Gmail too.
    await run.page.goto(`${host.url}/admin`);
    const admin = await openAdminPage(run);
    await showAdminSection(admin, 'Notification rules');
    const section = admin.getByRole('region', { name: 'Notification rules' });
    await section.getByRole('button', { name: 'Create rule' }).click();
    await section.getByLabel('Name', { exact: true }).fill('Comments through Gmail');
    await section.getByLabel('When', { exact: true }).selectOption({ label: 'Issue commented' });
    await section.getByRole('checkbox', { name: /\(DEMO\)$/ }).check();
    await section.getByLabel('Template', { exact: true }).selectOption({ label: 'Standard (built-in)' });
    await section.getByLabel('Other addresses', { exact: true }).fill('service-desk@example.com');
    await section.getByLabel('From', { exact: true }).selectOption({ label: `${NAME} (${MAILBOX})` });
    await section.getByRole('button', { name: 'Save rule' }).click();
    await section.getByText('Rule saved').waitFor();

    await run.page.goto(`${host.url}/browse/DEMO-5`);
    const summary = await run.page.getByRole('heading', { level: 1 }).innerText();
    await run.page.getByLabel('Comment', { exact: true }).fill('Sent on through Gmail.');
    await run.page.getByRole('button', { name: 'Save' }).click();
    await run.page.getByText('Sent on through Gmail.').first().waitFor();
    await settle();
    const ruleMails = google
      .sentMessages(MAILBOX)
      .filter((message) => message.parsed.to?.some((to) => to.address === 'service-desk@example.com'));
    expect(ruleMails).toHaveLength(1);
    expect(ruleMails[0]?.parsed.subject).toBe(`[DEMO-5] ${summary}`);
    expect(ruleMails[0]?.parsed.html).toContain('Sent on through Gmail.');

    const markup = await allMarkup(run);
    expect(markup).not.toContain('PRIVATE KEY');
    expect(run.pageErrors).toEqual([]);
  });
});
