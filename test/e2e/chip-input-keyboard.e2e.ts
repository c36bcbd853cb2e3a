import type { FrameLocator, Locator } from 'playwright-core';

import { showAdminSection } from './support/admin-page';
import { type HostedBrowser, openIssueDialog, startHostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

const openEmailDialog = async (issueKey: string): Promise<FrameLocator> => {
  const app = await openIssueDialog(run, issueKey);
  await app.getByText('From: support@contoso.onmicrosoft.com').waitFor();
  return app;
};

/** Waits for what the next render shows (a state change after a key or a pointer move). */
const eventually = async (check: () => Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const background = (option: Locator) => option.evaluate((element) => getComputedStyle(element).backgroundColor);
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

describe('chip inputs from the keyboard', () => {
  it('"Email this issue": a suggestion looks highlighted only when Enter picks it, and Enter then adds that person', async () => {
    const { page } = run;
    const app = await openEmailDialog('DEMO-1');
    const to = app.getByLabel('To', { exact: true });
    await to.click();
    // The pointer rests where the suggestions will open, as a hand left on the mouse does.
    const box = await to.boundingBox();
    if (!box) throw new Error('The To box is not on screen.');
    await page.mouse.move(box.x + 60, box.y + box.height + 24);
    await to.pressSequentially('meg');
    const megan = app.getByRole('option', { name: /Megan Bowen/ });
    await megan.waitFor();
    expect(await megan.evaluate((element) => element.matches(':hover'))).toBe(true);
    expect(await megan.getAttribute('aria-selected')).toBe('false');
    expect(await background(megan)).toBe(TRANSPARENT);

    // Moving the pointer highlights the option under it: painted, and the one the text box points at.
    await page.mouse.move(box.x + 64, box.y + box.height + 26);
    // The highlight follows on the next render.
    await app.locator('[role="option"][aria-selected="true"]', { hasText: 'Megan Bowen' }).waitFor();
    expect(await to.getAttribute('aria-activedescendant')).toBe(await megan.getAttribute('id'));
    expect(await background(megan)).not.toBe(TRANSPARENT);

    await to.press('Enter');
    const chips = app
      .getByRole('list')
      .filter({ has: app.getByRole('button', { name: /^Remove / }) })
      .first();
    await chips.getByText('Megan Bowen').waitFor();
    expect(await to.inputValue()).toBe('');
    expect(await app.getByText('is not a valid email address').count()).toBe(0);
    expect(run.pageErrors).toEqual([]);
  });

  it('Sending settings: text left in Groups after Escape is kept, said to be not added, and Save refuses it', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const admin = page.frameLocator('iframe[title="Issue Mailer"]');
    await showAdminSection(admin, 'Sending settings');
    await admin.getByRole('heading', { name: 'Sending settings', level: 2 }).waitFor();
    await admin.getByLabel('Only members of these groups or project roles', { exact: true }).check();
    const groups = admin.getByRole('combobox', { name: 'Groups' });
    await groups.fill('support');
    await admin.getByRole('option', { name: /support-agents/ }).click();

    await groups.pressSequentially('qa-team');
    await admin.locator('.im-listbox__status', { hasText: 'No groups match “qa-team”.' }).waitFor();
    const notAdded = admin.getByText('“qa-team” is not added. Choose a group from the suggestions, or clear the text.');
    // The first Escape closes the suggestions only.
    await groups.press('Escape');
    await eventually(async () => (await groups.getAttribute('aria-expanded')) === 'false', 'the suggestions to close');
    expect(await groups.inputValue()).toBe('qa-team');
    expect(await notAdded.count()).toBe(0);
    // The second keeps the text and says it was not added, where the text box's description points.
    await groups.press('Escape');
    await notAdded.waitFor();
    expect(await groups.inputValue()).toBe('qa-team');
    const describedBy = (await groups.getAttribute('aria-describedby'))?.split(' ') ?? [];
    expect(describedBy).toContain(await notAdded.getAttribute('id'));

    await admin.getByRole('button', { name: 'Save settings' }).click();
    const refused = admin.locator('.im-field__error', { hasText: '“qa-team” is not added.' });
    await refused.waitFor();
    expect(await groups.getAttribute('aria-invalid')).toBe('true');
    expect(await groups.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await admin.getByText('Settings saved').count()).toBe(0);

    // Nothing was stored: the page loads the settings as they were (the URL keeps the tab).
    await page.reload();
    await admin.getByRole('heading', { name: 'Sending settings', level: 2 }).waitFor();
    expect(await admin.getByLabel('Everyone who can see the issue', { exact: true }).isChecked()).toBe(true);
    expect(run.pageErrors).toEqual([]);
  });
});
