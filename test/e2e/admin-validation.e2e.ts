import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { FrameLocator } from 'playwright-core';

import {
  addCredential,
  allMarkup,
  emulatedApp,
  field,
  isFocused,
  openAddCredentialForm,
  openAdminPage,
  secretOf,
} from './support/admin-page';
import { type HostedBrowser, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

const DEMO_CERTIFICATE = readFileSync(
  path.join(__dirname, '../../local/microsoft/certs/issue-mailer-demo.cert.pem'),
  'utf8',
);
const demoApp = () => emulatedApp(run, 'Issue Mailer (demo)');

/** The message under a field, by the id the form gives it, and the field's own invalid state. */
const fieldError = async (app: FrameLocator, id: string): Promise<{ message: string; invalid: string | null }> => {
  const message =
    (await app.locator(`#credential-${id}-error`).count()) === 0
      ? ''
      : await app.locator(`#credential-${id}-error`).innerText();
  return { message, invalid: await app.locator(`#credential-${id}`).getAttribute('aria-invalid') };
};

const invalid = (message: string) => ({ message, invalid: 'true' });

describe("the credential form checks every field with the backend's schema, before any call", () => {
  type Case = [field: string, label: string, value: string, message: string];
  const cases: Case[] = [
    ['name', 'Name', '   ', 'Enter a name, for example "Support mailbox".'],
    [
      'clientId',
      'Client ID',
      'my-app',
      "Enter the Application (client) ID from the app registration's Overview page (a GUID).",
    ],
    [
      'clientSecret',
      'Client secret',
      '9d2e4f6a-1b3c-4d5e-8f7a-0b1c2d3e4f5a',
      "This looks like the Secret ID. Paste the secret's Value from Certificates & secrets (shown only right after you create it).",
    ],
    [
      'tokenEndpoint',
      'Token endpoint URL',
      'login.microsoftonline.com',
      'Enter the OAuth 2.0 token endpoint (v2) URL from Overview > Endpoints.',
    ],
    [
      'tokenEndpoint',
      'Token endpoint URL',
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token',
      'This is the v1 endpoint. Copy the OAuth 2.0 token endpoint (v2) from Overview > Endpoints: it ends in /oauth2/v2.0/token.',
    ],
    [
      'tokenEndpoint',
      'Token endpoint URL',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      "The client credentials grant needs your tenant: use your Directory (tenant) ID or a verified domain instead of 'common'.",
    ],
    [
      'tokenEndpoint',
      'Token endpoint URL',
      'https://login.example.com/contoso/oauth2/v2.0/token',
      "Use the OAuth 2.0 token endpoint (v2) on https://login.microsoftonline.com, from the app registration's Overview > Endpoints.",
    ],
    ['scope', 'Scope', '', 'Enter the scope, usually https://graph.microsoft.com/.default.'],
    [
      'scope',
      'Scope',
      'Mail.Send',
      'The client credentials grant needs one scope ending in /.default, usually https://graph.microsoft.com/.default.',
    ],
    [
      'senderMailbox',
      'Sender mailbox',
      'support',
      'Enter the mailbox the app sends from, for example support@contoso.com.',
    ],
    [
      'graphBaseUrl',
      'Graph API base URL',
      'graph.microsoft.com',
      'Enter the Graph API base URL, usually https://graph.microsoft.com/v1.0.',
    ],
    [
      'graphBaseUrl',
      'Graph API base URL',
      'https://graph.example.com/v1.0',
      'Use the Microsoft Graph address, usually https://graph.microsoft.com/v1.0.',
    ],
  ];

  it.each(cases)('%s (%s) = %j shows its message beside the field', async (id, label, value, message) => {
    const app = await openAdminPage(run);
    await openAddCredentialForm(app);
    const calls: string[] = [];
    const onRequest = (request: { url: () => string }) => {
      if (request.url().endsWith('/__forge/invoke')) calls.push(request.url());
    };
    run.page.on('request', onRequest);
    await field(app, label).fill(value);
    await app.getByRole('button', { name: 'Save', exact: true }).click();

    expect(await fieldError(app, id)).toEqual(invalid(message));
    expect(await field(app, label).getAttribute('aria-describedby')).toContain(`credential-${id}-error`);
    run.page.off('request', onRequest);
    expect(calls).toEqual([]);
  });

  it('shows every message at once and focuses the first field in error', async () => {
    const app = await openAdminPage(run);
    await openAddCredentialForm(app);
    await field(app, 'Token endpoint URL').fill('https://login.microsoftonline.com/organizations/oauth2/v2.0/token');
    await app.getByRole('button', { name: 'Save', exact: true }).click();

    expect(await fieldError(app, 'name')).toEqual(invalid('Enter a name, for example "Support mailbox".'));
    expect(await fieldError(app, 'clientId')).toEqual(
      invalid("Enter the Application (client) ID from the app registration's Overview page (a GUID)."),
    );
    expect(await fieldError(app, 'clientSecret')).toEqual(
      invalid("Paste the client secret's Value from Certificates & secrets."),
    );
    expect(await fieldError(app, 'tokenEndpoint')).toEqual(
      invalid(
        "The client credentials grant needs your tenant: use your Directory (tenant) ID or a verified domain instead of 'organizations'.",
      ),
    );
    expect(await fieldError(app, 'senderMailbox')).toEqual(
      invalid('Enter the mailbox the app sends from, for example support@contoso.com.'),
    );
    expect(await fieldError(app, 'scope')).toEqual({ message: '', invalid: null });
    expect(await isFocused(field(app, 'Name'))).toBe(true);

    // Typing into a field clears its message; the others stay until the next Save.
    await field(app, 'Name').fill('Fixed');
    expect(await fieldError(app, 'name')).toEqual({ message: '', invalid: null });
    expect((await fieldError(app, 'clientId')).invalid).toBe('true');
  });

  it.each([
    [
      'certificatePem',
      'Certificate (PEM)',
      'MIIDGTCCAgGgAwIBAgIU',
      'This is not a PEM certificate. Paste the certificate including its -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines.',
    ],
    [
      'privateKeyPem',
      'Private key (PEM)',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----',
      'This private key is protected by a passphrase. Export it without one (for example: openssl pkey -in key.pem -out plain-key.pem) and paste that.',
    ],
    [
      'privateKeyPem',
      'Private key (PEM)',
      'ssh-rsa AAAAB3NzaC1yc2E',
      'This is not a PEM private key. Paste the key including its -----BEGIN PRIVATE KEY----- (or -----BEGIN RSA PRIVATE KEY-----) line.',
    ],
  ])('certificate credential, %s (%s) = %j shows its message', async (id, label, value, message) => {
    const app = await openAdminPage(run);
    await openAddCredentialForm(app);
    await field(app, 'Client authentication').selectOption({ label: 'Certificate' });
    await field(app, label).fill(value);
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(app, id)).toEqual(invalid(message));
  });

  it('a certificate credential needs both PEMs when created', async () => {
    const app = await openAdminPage(run);
    await openAddCredentialForm(app);
    await field(app, 'Client authentication').selectOption({ label: 'Certificate' });
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(app, 'certificatePem')).toEqual(
      invalid(
        'Paste the certificate you uploaded to Certificates & secrets, in PEM form (-----BEGIN CERTIFICATE-----).',
      ),
    );
    expect(await fieldError(app, 'privateKeyPem')).toEqual(
      invalid("Paste the certificate's private key in PEM form (-----BEGIN PRIVATE KEY-----)."),
    );
  });

  it("shows the backend's own field message too: a private key that does not belong to the certificate", async () => {
    const app = await openAdminPage(run);
    const { clientId } = demoApp();
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await openAddCredentialForm(app);
    await field(app, 'Name').fill('Wrong key');
    await field(app, 'Client authentication').selectOption({ label: 'Certificate' });
    await field(app, 'Client ID').fill(clientId);
    await field(app, 'Certificate (PEM)').fill(DEMO_CERTIFICATE);
    await field(app, 'Private key (PEM)').fill(otherKey);
    await field(app, 'Token endpoint URL').fill(
      `${run.host.microsoft.loginBaseUrl}/${run.host.microsoft.config.tenants[0]?.id}/oauth2/v2.0/token`,
    );
    await field(app, 'Sender mailbox').fill('support@contoso.onmicrosoft.com');
    await field(app, 'Graph API base URL').fill(`${run.host.microsoft.graphBaseUrl}/v1.0`);
    await app.getByRole('button', { name: 'Save', exact: true }).click();

    const notSaved = app.getByRole('alert').filter({ hasText: 'The credential was not saved' });
    await notSaved.waitFor();
    expect(await fieldError(app, 'privateKeyPem')).toEqual(
      invalid(
        'This private key does not belong to the certificate. Paste the private key the certificate was created with.',
      ),
    );
    expect(await isFocused(field(app, 'Private key (PEM)'))).toBe(true);
    expect(await app.getByRole('row', { name: /Wrong key/ }).count()).toBe(0);
  });

  it('checks a next secret the admin chose to add', async () => {
    const app = await openAdminPage(run);
    await addCredential(run, app, {
      name: 'With next secret',
      clientId: demoApp().clientId,
      clientSecret: secretOf(demoApp(), 'Issue Mailer for Jira').value,
    });
    await app.getByRole('button', { name: 'Add next secret' }).click();
    expect(await isFocused(field(app, 'Next client secret'))).toBe(true);
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(app, 'nextClientSecret')).toEqual(
      invalid(
        'Paste the Value of the second secret you created in Certificates & secrets, or cancel adding a next secret.',
      ),
    );

    await field(app, 'Next client secret').fill('9d2e4f6a-1b3c-4d5e-8f7a-0b1c2d3e4f5a');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await fieldError(app, 'nextClientSecret')).toEqual(
      invalid(
        "This looks like the Secret ID. Paste the secret's Value from Certificates & secrets (shown only right after you create it).",
      ),
    );
    // A good one is kept write-only, and can be removed again.
    const next = secretOf(
      emulatedApp(run, 'Issue Mailer (secret expiring soon)'),
      'Issue Mailer for Jira (expires in 20 days)',
    ).value;
    await field(app, 'Next client secret').fill(next);
    await field(app, 'Next secret expires on').fill('2099-01-31');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    const section = app.getByRole('region', { name: 'Next secret', exact: true });
    await section.getByText(/^A next secret is set, expires Jan 31, 2099 \(updated .+\)\.$/).waitFor();
    expect(await section.locator('input').count()).toBe(0);

    await section.getByRole('button', { name: 'Remove next secret' }).click();
    expect(await isFocused(section.getByRole('button', { name: 'Keep next secret' }))).toBe(true);
    expect(await section.getByText('The next secret will be removed when you save.').count()).toBe(1);
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await section.getByRole('button', { name: 'Add next secret' }).waitFor();
    expect(await allMarkup(run)).not.toContain(next);
  });
});
