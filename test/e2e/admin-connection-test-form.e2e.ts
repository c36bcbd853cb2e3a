import {
  addCredential,
  allMarkup,
  checklist,
  demoAppOf,
  emulatedApp,
  field,
  openAdminPage,
  rowOf,
  secretOf,
  showAdminSection,
  useHostedBrowser,
} from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const demoApp = () => demoAppOf(run);

describe('Test connection in the edit form tests what the admin sees', () => {
  it('after a refused Save, tests the form values (the unsaved secret), says so at the top, and leaves the saved one alone', async () => {
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Credentials');
    await addCredential(run, app, {
      name: 'Form values',
      clientId: demoApp().clientId,
      clientSecret: secretOf(demoApp(), 'Issue Mailer for Jira').value,
    });
    const healthBefore = await rowOf(app, 'Form values').getByRole('cell').nth(4).innerText();

    // A well-formed secret this app does not have, pasted but never saved: the Save is refused for the empty name.
    const unsaved = secretOf(emulatedApp(run, 'Issue Mailer (awaiting admin consent)'), 'Issue Mailer for Jira').value;
    await app.getByRole('button', { name: 'Replace secret' }).click();
    await field(app, 'Client secret').fill(unsaved);
    await field(app, 'Name').fill('');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByText('Enter a name, for example "Support mailbox".').first().waitFor();
    const form = app.getByRole('form');
    expect(await form.locator('#test-connection-hint').innerText()).toBe(
      'You have unsaved changes: Test connection tests the values in the form, without saving them.',
    );

    run.host.microsoft.resetCounts();
    await app.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'Connection failed' }).waitFor();
    const result = form.locator('.im-test-result');
    expect((await result.innerText()).split('\n')[0]).toBe('Tested the values in the form (not saved)');
    expect((await checklist(form))[0]).toMatch(
      /^Failed: Token \| Microsoft says the client secret is wrong \(AADSTS7000215\)\./,
    );
    expect(run.host.microsoft.requestCounts().token).toBe(1);
    // The list describes the saved credential: a test of unsaved values does not change it.
    expect(await rowOf(app, 'Form values').getByRole('cell').nth(4).innerText()).toBe(healthBefore);

    // The row's button tests the saved credential, and says so.
    await app.getByRole('button', { name: 'Test connection for Form values' }).click();
    const rowResult = app.getByRole('region', { name: 'Test connection: Form values' });
    await rowResult.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    expect((await rowResult.locator('.im-test-result').innerText()).split('\n')[0]).toBe('Tested the saved credential');

    expect(await allMarkup(run)).not.toContain(unsaved);
    expect(run.logs.join('\n')).not.toContain(unsaved);
    expect(run.pageErrors).toEqual([]);
  });
});
