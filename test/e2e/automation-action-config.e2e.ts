import { useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

describe('the "Send issue email" rule in Automation', () => {
  it('saves {{issue.key}} as shown, refuses recipients the run would refuse, and its audit line names who was emailed', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/automation`);
    const form = page.frameLocator('iframe[title="Send issue email configuration"]');
    const issue = form.getByLabel('Issue', { exact: true });
    await issue.waitFor();
    expect(await issue.inputValue()).toBe('{{issue.key}}');
    const status = page.locator('[data-automation="status"]');

    // Saved untouched: only Recipients is missing; the Issue shown is the Issue Automation holds.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await status.getByText('The rule was not saved: Recipients is required.').waitFor();
    await form.getByText('Recipients is required').waitFor();
    expect(await form.getByLabel('Issue', { exact: true }).inputValue()).toBe('{{issue.key}}');
    expect(await form.getByLabel('Issue', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    // What the run would refuse is refused where it is typed.
    const recipients = form.getByLabel('Recipients', { exact: true });
    await recipients.fill('nobody-at-all');
    await recipients.press('Tab');
    await form
      .getByText('"nobody-at-all" in "Recipients" is neither an email address nor reporter, assignee or watchers.')
      .waitFor();
    expect(await recipients.getAttribute('aria-invalid')).toBe('true');
    // Save: the form hands Automation nothing the run would refuse, so "nobody-at-all" is never saved.
    const saving = page.locator('button[data-automation="save"][aria-disabled="true"]');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saving.waitFor();
    await saving.waitFor({ state: 'detached' });
    expect(await status.innerText()).toBe('The rule was not saved: Recipients is required.');
    expect(await recipients.inputValue()).toBe('nobody-at-all');
    await form
      .getByText('"nobody-at-all" in "Recipients" is neither an email address nor reporter, assignee or watchers.')
      .waitFor();
    const rulePage = await (await fetch(`${host.url}/automation`)).text();
    expect(rulePage).toContain(
      'data-configuration="{&quot;inputs&quot;:{&quot;issueKey&quot;:&quot;{{issue.key}}&quot;',
    );
    expect(rulePage).not.toContain('nobody-at-all');

    await recipients.fill('reporter, jordan@example.com');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await status.getByText('Rule saved.').waitFor();

    await page.getByLabel('Trigger issue').selectOption('DEMO-1');
    await page.getByRole('button', { name: 'Run rule' }).click();
    await status.getByText(/^The rule ran on DEMO-1: Success\.$/).waitFor();
    const line = await page.locator('[data-automation="runs"] tr').first().innerText();
    // DEMO-1's reporter keeps their address private: the audit log names them, never the address.
    expect(line.split('\t').at(-1)).toBe('Queued an email of DEMO-1 to jordan@example.com, Casey Customer.');
    expect(line).not.toContain('casey.customer@customer.example');
    expect(run.pageErrors).toEqual([]);
  });
});
