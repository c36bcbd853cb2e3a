import { ADMIN_FRAME, showAdminSection } from './support/admin-page';
import { type HostedBrowser, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

describe('mail handlers', () => {
  it('an admin creates, tests, edits and deletes a handler on the admin page, by keyboard where it counts', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const admin = page.frameLocator(ADMIN_FRAME);
    await showAdminSection(admin, 'Mail handlers');
    const section = admin.getByRole('region', { name: 'Mail handlers' });
    await section.getByText('Loading mail handlers…').waitFor({ state: 'detached' });
    await section.getByText('No mail handlers yet.', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Create handler' }).click();

    // The form's heading takes focus; Save with nothing filled shows each field's message inline.
    const form = section.getByRole('form', { name: 'Create mail handler' });
    await form.getByRole('heading', { name: 'Create mail handler' }).waitFor();
    await form.getByRole('button', { name: 'Save handler' }).click();
    await form.getByText('Enter a name, for example "Support inbox".').waitFor();
    await form.getByText('Choose the project new issues are created in.').waitFor();
    expect(
      await form.getByLabel('Name', { exact: true }).evaluate((element) => element === document.activeElement),
    ).toBe(true);

    await form.getByLabel('Name', { exact: true }).fill('Support inbox');
    await form.getByLabel('Project', { exact: true }).selectOption({ value: 'DEMO' });
    const issueType = form.getByLabel('Issue type', { exact: true });
    await issueType.locator('option', { hasText: 'Task' }).waitFor({ state: 'attached' });
    await issueType.selectOption({ label: 'Task' });
    await form.getByLabel('Find a Jira user', { exact: true }).fill('Sam');
    const reporter = form.getByLabel('Reporter', { exact: true });
    await reporter.locator('option', { hasText: 'Sam Rivera' }).waitFor({ state: 'attached' });
    await reporter.selectOption({ label: 'Sam Rivera' });
    await form.getByRole('radio', { name: 'Only these domains' }).check();
    await form.getByLabel('Domains', { exact: true }).fill('contoso.com, @Fabrikam.com');
    // An unsafe pattern is refused on its field before any round trip.
    await form.getByLabel('Issue key in the subject', { exact: true }).fill('(a+)+(x)');
    await form.getByRole('button', { name: 'Save handler' }).click();
    await form.getByText('A repeated group may not contain another repetition', { exact: false }).waitFor();
    await form.getByLabel('Issue key in the subject', { exact: true }).fill(String.raw`\b([A-Z]{2,10}-\d{1,10})\b`);
    await form.getByLabel('Issue key in the subject', { exact: true }).press('Enter');
    // Saved, the form edits the handler it created.
    await section.getByRole('form', { name: 'Edit handler: Support inbox' }).getByText('Handler saved').waitFor();

    const table = section.getByRole('table', { name: 'Mail handlers' });
    const row = table.getByRole('row').filter({ hasText: 'Support inbox' });
    await row.getByText('contoso.com, fabrikam.com').waitFor();
    await row.getByText('Issues in DEMO, replies as comments').waitFor();

    // Test reads the mailbox through Graph: the folder and its counts, the processed folder (created on the first
    // Test), and the subscription, which incoming mail makes when the handler connects.
    await row.getByRole('button', { name: 'Test Support inbox' }).click();
    const test = section.getByRole('region', { name: 'Test: Support inbox' });
    await test.getByText('Inbox: 0 unread of 0.').waitFor();
    await test.getByText('Processed by Issue Mailer (created now).').waitFor();
    await test.getByText('None yet: it is created when the handler connects.').waitFor();
    await test.getByRole('button', { name: 'Test again' }).click();
    await test.getByText('Processed by Issue Mailer.').waitFor();

    // Edit: comments only, which needs no project.
    await row.getByRole('button', { name: 'Edit Support inbox' }).click();
    const edit = section.getByRole('form', { name: 'Edit handler: Support inbox' });
    await edit.getByLabel('Name', { exact: true }).fill('Support replies');
    await edit.getByRole('radio', { name: 'Add replies as comments only' }).check();
    await edit.getByRole('button', { name: 'Save handler' }).click();
    await section.getByRole('form', { name: 'Edit handler: Support replies' }).getByText('Handler saved').waitFor();
    const edited = table.getByRole('row').filter({ hasText: 'Support replies' });
    await edited.getByText('Add replies as comments only').waitFor();
    await section.getByRole('button', { name: 'Cancel' }).click();

    // Delete, confirmed in the row.
    await edited.getByRole('button', { name: 'Delete Support replies' }).click();
    await section.getByRole('button', { name: 'Delete', exact: true }).click();
    await section.getByText('Support replies was deleted.').waitFor();
    await section.getByText('No mail handlers yet.', { exact: false }).waitFor();
    expect(run.pageErrors).toEqual([]);
  });
});
