import type { FrameLocator } from 'playwright-core';

import { openAdminPage, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const editor = (app: FrameLocator, heading: RegExp) => app.getByRole('form', { name: heading });

describe('email templates on the admin page', () => {
  it('refuses a broken template with the line of the error, then saves the fixed one and previews it', async () => {
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Email templates');
    await app.getByRole('heading', { name: 'Email templates', level: 2 }).waitFor();
    await app.getByRole('row', { name: /Standard/ }).waitFor();

    await app.getByRole('button', { name: 'New template' }).click();
    const form = editor(app, /Create template/);
    await form.getByLabel('Name', { exact: true }).fill('Customer update');
    await form.getByLabel('Subject', { exact: true }).fill('Update on {{ issue.key }}');
    const body = form.getByLabel('HTML body', { exact: true });
    await body.fill('<p>Hello,</p>\n<p>{{ issue.summary }}</p>\n{% if issue.assignee %}<p>{{ issue.assignee }}</p>\n');
    await form.getByRole('button', { name: 'Save template' }).click();

    const error = app.locator('#template-body-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Line 3, column \d+: /);
    expect(await body.getAttribute('aria-invalid')).toBe('true');

    await body.fill(
      '<p>Hello,</p>\n<p>{{ issue.summary }}</p>\n{% if issue.assignee %}<p>{{ issue.assignee }}</p>{% endif %}\n',
    );
    await app.getByRole('button', { name: 'Preview', exact: true }).click();
    await app.getByText('Rendered with the sample issue.').waitFor();
    const preview = app.frameLocator('iframe[title="Email body preview"]');
    await preview.locator('p').first().waitFor();
    expect(await preview.locator('body').innerText()).toContain('Hello,');

    await form.getByRole('button', { name: 'Save template' }).click();
    await app.getByRole('row', { name: /Customer update/ }).waitFor();
    expect(run.pageErrors).toEqual([]);
  });
});
