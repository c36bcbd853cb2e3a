import {
  addCredential,
  allMarkup,
  checklist,
  emulatedApp,
  field,
  openAdminPage,
  rowOf,
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

/** The YYYY-MM-DD date `days` from today (UTC), as the backend's expiry check counts. */
const dateIn = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A YYYY-MM-DD date as every Issue Mailer UI writes it in the local site's locale (en-US): "Dec 25, 2026". */
const shown = (date: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

const warnings = (run: HostedBrowser) =>
  run.page.frameLocator('iframe[title="Issue Mailer"]').getByRole('region', { name: 'Credential warnings' });

describe('expiry warnings and rotation news on top of the admin page', () => {
  it('warns from 30 days before a secret expires, in the banner and in the table', async () => {
    const soon = emulatedApp(run, 'Issue Mailer (secret expiring soon)');
    const expiresOn = dateIn(20);
    const app = await openAdminPage(run);
    expect(await warnings(run).count()).toBe(0);

    await addCredential(run, app, {
      name: 'Expiring mailbox',
      clientId: soon.clientId,
      clientSecret: secretOf(soon, 'Issue Mailer for Jira (expires in 20 days)').value,
      secretExpiresOn: expiresOn,
    });
    const banner = warnings(run).getByRole('status').filter({ hasText: 'Expiring mailbox' });
    await banner.waitFor();
    // The banner names the credential, and writes the date as the credential list does.
    expect((await banner.innerText()).split('\n').filter(Boolean).slice(0, 2)).toEqual([
      `Expiring mailbox: client secret expires on ${shown(expiresOn)}`,
      `The client secret expires on ${shown(expiresOn)} (in 20 days): create a new secret in Certificates & secrets ` +
        'and add it here as the next secret, so mail keeps going out.',
    ]);
    expect(await rowOf(app, 'Expiring mailbox').getByRole('cell').nth(5).innerText()).toBe(
      `EXPIRES IN 20 DAYS\nSecret expires ${shown(expiresOn)}`,
    );
    expect(await allMarkup(run)).not.toContain(expiresOn + ' ');

    const checked = await run.host.runTrigger('credential-expiry-check');
    expect(checked.outcome).toBe('succeeded');
    await openAdminPage(run);
    await warnings(run)
      .getByText(/^Expiry dates last checked /)
      .waitFor();
  });

  it('reports an expired secret as an error, and the next secret taking over as news', async () => {
    const demo = emulatedApp(run, 'Issue Mailer (demo)');
    const expired = secretOf(demo, 'Old secret (expired)');
    const app = await openAdminPage(run);
    await addCredential(run, app, {
      name: 'Rotation',
      clientId: demo.clientId,
      clientSecret: expired.value,
      secretExpiresOn: '2024-01-31',
    });
    const error = warnings(run).getByRole('alert').filter({ hasText: 'Rotation' });
    await error.waitFor();
    expect(await error.innerText()).toContain('Rotation: client secret expired on Jan 31, 2024');
    expect(await error.innerText()).toContain(
      'The client secret expired on Jan 31, 2024: create a new secret in Certificates & secrets and paste its Value here.',
    );
    expect(await rowOf(app, 'Rotation').getByRole('cell').nth(5).innerText()).toBe(
      'EXPIRED\nSecret expired Jan 31, 2024',
    );

    await app.getByRole('button', { name: 'Add next secret' }).click();
    await field(app, 'Next client secret').fill(secretOf(demo, 'Issue Mailer for Jira').value);
    await field(app, 'Next secret expires on').fill('2099-12-31');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByText('A next secret is set, expires Dec 31, 2099').waitFor();
    const pending = warnings(run).getByRole('status').filter({ hasText: 'Rotation' });
    await pending.waitFor();
    expect(await pending.innerText()).toContain(
      'The client secret expired on Jan 31, 2024; the next secret takes over with the next email or connection test.',
    );

    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    await app.getByRole('form').getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    expect((await checklist(app.getByRole('form')))[0]).toBe(ROTATED_TOKEN_STEP);

    const news = warnings(run).getByRole('status').filter({ hasText: 'the next secret took over' });
    await news.waitFor();
    expect(await news.innerText()).toContain(
      'Microsoft refused the client secret as expired, so the next secret took over and mail keeps going out. Delete ' +
        'the old secret in Certificates & secrets, and add a new next secret before this one expires.',
    );
    await app.getByRole('button', { name: 'Edit Rotation' }).click();
    expect(await app.getByRole('group', { name: 'Client secret' }).innerText()).toContain(
      'This was the next secret until',
    );
    await app.getByRole('button', { name: 'Add next secret' }).waitFor();
    expect(await rowOf(app, 'Rotation').getByRole('cell').nth(5).innerText()).toBe('Secret expires Dec 31, 2099');
  });
});

const ROTATED_TOKEN_STEP =
  'Passed: Token | Got a token for 3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60 with the next secret: Microsoft refused the ' +
  'current secret as expired, so the next secret now replaces it. Delete the old secret in Certificates & secrets.';
