import type { FrameLocator, Locator } from 'playwright-core';
import { startHostedBrowser, type HostedBrowser } from './support/browser';

let run: HostedBrowser;

beforeAll(async () => {
  run = await startHostedBrowser();
});

afterAll(async () => {
  await run?.close();
});

async function openEmailDialog(issueKey: string): Promise<FrameLocator> {
  const { page, host } = run;
  await page.goto(`${host.url}/browse/${issueKey}`);
  await page.getByRole('button', { name: 'Apps' }).click();
  await page.getByRole('menuitem', { name: 'Email this issue' }).click();
  const app = page.frameLocator('iframe[title="Email this issue"]');
  await app.getByText('From: support@contoso.onmicrosoft.com').waitFor();
  return app;
}

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
    expect(await megan.getAttribute('aria-selected')).toBe('true');
    expect(await to.getAttribute('aria-activedescendant')).toBe(await megan.getAttribute('id'));
    expect(await background(megan)).not.toBe(TRANSPARENT);

    await to.press('Enter');
    const chips = app.getByRole('list').filter({ has: app.getByRole('button', { name: /^Remove / }) }).first();
    await chips.getByText('Megan Bowen').waitFor();
    expect(await to.inputValue()).toBe('');
    expect(await app.getByText('is not a valid email address').count()).toBe(0);
    expect(run.pageErrors).toEqual([]);
  });
});
