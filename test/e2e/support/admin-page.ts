import path from 'node:path';

import type { FrameLocator, Locator } from 'playwright-core';

import type { EmulatedApp, EmulatedSecret, EmulatedTenant } from '../../../local/microsoft/types';
import { type HostedBrowser, startHostedBrowser } from './browser';

/** The admin page's frame, as the local host titles it after the manifest's jira:adminPage. */
export const ADMIN_FRAME = 'iframe[title="Issue Mailer"]';
export const DEMO_CREDENTIAL = 'Contoso support (emulator)';
export const SUPPORT_MAILBOX = 'support@contoso.onmicrosoft.com';
/** Jordan Lee, a site member but not a Jira administrator. */
export const NON_ADMIN_ACCOUNT_ID = '712020:3f9b1c7d-5e2a-4b8c-a6d4-7e0f1a2b3c4d';

export const emulatedTenant = (run: HostedBrowser): EmulatedTenant => {
  const tenant = run.host.microsoft.config.tenants[0];
  if (!tenant) throw new Error('The emulator config has no tenant.');
  return tenant;
};

export const emulatedApp = (run: HostedBrowser, displayName: string): EmulatedApp => {
  const app = emulatedTenant(run).apps.find((candidate) => candidate.displayName === displayName);
  if (!app) throw new Error(`The emulated tenant has no app "${displayName}".`);
  return app;
};

/** The emulated tenant's app with admin consent and a current secret: the one a working credential uses. */
export const demoAppOf = (run: HostedBrowser): EmulatedApp => emulatedApp(run, 'Issue Mailer (demo)');

/** Starts the local host and a browser once for the test file and closes them after; `started` receives them. */
export const useHostedBrowser = (started: (run: HostedBrowser) => void): void => {
  let run: HostedBrowser | undefined;
  beforeAll(async () => {
    run = await startHostedBrowser();
    started(run);
  });
  afterAll(async () => {
    await run?.close();
  });
};

export const secretOf = (app: EmulatedApp, description: string): EmulatedSecret => {
  const secret = app.secrets.find((candidate) => candidate.description === description);
  if (!secret) throw new Error(`App "${app.displayName}" has no secret "${description}".`);
  return secret;
};

/** Opens Jira settings > Apps > Issue Mailer (its Credentials tab) and waits until the credentials are listed. */
export const openAdminPage = async (run: HostedBrowser): Promise<FrameLocator> => {
  await run.page.goto(`${run.host.url}/admin`);
  const app = run.page.frameLocator(ADMIN_FRAME);
  await app.getByRole('row', { name: new RegExp(DEMO_CREDENTIAL.replace(/[()]/g, '\\$&')) }).waitFor();
  return app;
};

export const field = (app: FrameLocator, label: string): Locator => app.getByLabel(label, { exact: true });

export const rowOf = (app: FrameLocator, name: string): Locator =>
  app
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }) });

export interface CredentialFields {
  name: string;
  clientId: string;
  clientSecret: string;
  secretExpiresOn?: string;
  senderMailbox?: string;
}

/** Fills every field of the form by its visible label, as an admin would. */
export const fillCredentialForm = async (
  run: HostedBrowser,
  app: FrameLocator,
  input: CredentialFields,
): Promise<void> => {
  const { microsoft } = run.host;
  await field(app, 'Name').fill(input.name);
  await field(app, 'OAuth2 service provider').selectOption({ label: 'Microsoft 365' });
  await field(app, 'Grant type').selectOption({ label: 'Client credentials' });
  await field(app, 'Client authentication').selectOption({ label: 'Client secret' });
  await field(app, 'Client ID').fill(input.clientId);
  await field(app, 'Client secret').fill(input.clientSecret);
  await field(app, 'Secret expires on').fill(input.secretExpiresOn ?? '');
  await field(app, 'Token endpoint URL').fill(`${microsoft.loginBaseUrl}/${emulatedTenant(run).id}/oauth2/v2.0/token`);
  await field(app, 'Scope').fill('https://graph.microsoft.com/.default');
  await field(app, 'Sender mailbox').fill(input.senderMailbox ?? SUPPORT_MAILBOX);
  await field(app, 'Graph API base URL').fill(`${microsoft.graphBaseUrl}/v1.0`);
};

/** Opens the empty "Add credential" form on the Credentials tab, as an admin does with the button. */
export const openAddCredentialForm = async (app: FrameLocator): Promise<void> => {
  await showAdminSection(app, 'Credentials');
  await app.getByRole('button', { name: 'Add credential' }).click();
  await app.getByRole('heading', { name: 'Add credential', level: 2 }).waitFor();
};

/** Adds a credential through the form and waits until it is saved and open for editing. */
export const addCredential = async (run: HostedBrowser, app: FrameLocator, input: CredentialFields): Promise<void> => {
  await openAddCredentialForm(app);
  await fillCredentialForm(run, app, input);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await app.getByRole('heading', { name: `Edit credential: ${input.name}` }).waitFor();
  await rowOf(app, input.name).waitFor();
};

/** The Google emulator's demo service account key, as Google Cloud would download it. */
export const GOOGLE_DEMO_KEY_FILE = path.join(__dirname, '../../../local/google/keys/issue-mailer-demo.key.json');

export interface GoogleCredentialFields {
  name: string;
  senderMailbox: string;
  /** The key file to choose; the demo key unless named. */
  keyFile?: string;
  incomingMail?: boolean;
}

/** Adds a Google Workspace credential through the form (provider, key file, mailbox) and waits until it is saved. */
export const addGoogleCredential = async (app: FrameLocator, input: GoogleCredentialFields): Promise<void> => {
  await openAddCredentialForm(app);
  await field(app, 'Name').fill(input.name);
  await field(app, 'OAuth2 service provider').selectOption({ label: 'Google Workspace' });
  await field(app, 'Service account key (JSON)').setInputFiles(input.keyFile ?? GOOGLE_DEMO_KEY_FILE);
  await app.getByText(/: a key of this service account$/).waitFor();
  await field(app, 'Mailbox to send as').fill(input.senderMailbox);
  await field(app, 'Also read incoming mail (gmail.modify)').setChecked(input.incomingMail ?? false);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await app.getByRole('heading', { name: `Edit credential: ${input.name}` }).waitFor();
  await rowOf(app, input.name).waitFor();
};

/** Each item of the Test connection checklist as it reads: "<status>: <title> | <message>[ | Error code <code>]". */
export const checklist = async (scope: Locator | FrameLocator): Promise<string[]> => {
  const items = scope.getByRole('list', { name: 'Connection checks' }).getByRole('listitem');
  return items.evaluateAll((elements) =>
    elements.map((item) =>
      Array.from(item.querySelectorAll('p'))
        .map((paragraph) => (paragraph.textContent ?? '').trim())
        .join(' | '),
    ),
  );
};

/** Each required permission and whether the token carries it, as read aloud (icons are hidden): "Mail.Send Granted". */
export const permissionRows = async (scope: Locator | FrameLocator): Promise<string[]> => {
  const items = scope.getByRole('list', { name: 'Application permissions in the token' }).getByRole('listitem');
  return items.evaluateAll((elements) =>
    elements.map((item) =>
      Array.from(item.children)
        .filter((child) => child.getAttribute('aria-hidden') !== 'true')
        .map((child) => (child.textContent ?? '').trim())
        .join(' '),
    ),
  );
};

/** The whole page and every frame, as HTML: where a leaked secret would show. */
export const allMarkup = async (run: HostedBrowser): Promise<string> => {
  const markup = await Promise.all(run.page.frames().map((frame) => frame.content()));
  return markup.join('\n');
};

export const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);

export type AdminSection =
  | 'Credentials'
  | 'Email templates'
  | 'Sending settings'
  | 'Notification rules'
  | 'Mail handlers'
  | 'Email log'
  | 'Incoming log';

/**
 * Shows one section of the admin page the way an admin does, by its tab, and waits until the tab is selected.
 * Browser tests reach every section through this, so they keep working whatever the navigation looks like.
 */
export const showAdminSection = async (app: FrameLocator, section: AdminSection): Promise<void> => {
  const tab = app
    .getByRole('tablist', { name: 'Issue Mailer settings' })
    .getByRole('tab', { name: section, exact: true });
  await tab.click();
  await app.locator('[role="tab"][aria-selected="true"]', { hasText: section }).waitFor();
};
