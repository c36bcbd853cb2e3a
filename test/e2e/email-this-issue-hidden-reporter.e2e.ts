import type { Response } from 'playwright-core';

import { CASEY_CUSTOMER } from '../../local/jira';
import { type HostedBrowser, startHostedBrowser } from './support/browser';

const SUPPORT = 'support@contoso.onmicrosoft.com';
/** Casey keeps it private: Alex, who sends, must never have it in a page, a frame or any answer the browser got. */
const HIDDEN_ADDRESS = CASEY_CUSTOMER.emailAddress;

let run: HostedBrowser;
const answers: Array<{ url: string; body: string }> = [];

const record = async (response: Response) => {
  try {
    answers.push({ url: response.url(), body: await response.text() });
  } catch {
    // A redirect or a response the page dropped has no body to read.
  }
};

beforeAll(async () => {
  run = await startHostedBrowser();
  run.page.on('response', (response) => void record(response));
});

afterAll(async () => {
  await run?.close();
});

/** The page and every frame in it, as HTML. */
const everything = async () => Promise.all(run.page.frames().map((frame) => frame.content()));

describe('"Email this issue" to a reporter whose address Jira hides', () => {
  it('picks Casey by name, shows their name only, and the email reaches their address', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/browse/DEMO-1`);
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('menuitem', { name: 'Email this issue' }).click();
    await page.getByRole('dialog', { name: 'Email this issue' }).waitFor();
    const app = page.frameLocator('iframe[title="Email this issue"]');

    const pick = app.getByRole('button', { name: 'Add reporter: Casey Customer (email hidden)', exact: true });
    await pick.click();
    const chip = app.getByRole('listitem').filter({ hasText: 'Casey Customer' });
    await chip.waitFor();
    expect((await chip.locator('.im-chip__label').innerText()).trim()).toBe('Casey Customer');
    expect(
      await app
        .getByRole('button', { name: 'Add reporter: Casey Customer (email hidden) (in To)', exact: true })
        .isDisabled(),
    ).toBe(true);

    await app.getByLabel('Message', { exact: true }).fill('Your mailbox syncs again.');
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();
    const flag = page.getByRole('alert').filter({ hasText: 'Email sent' });
    await flag.waitFor();
    expect(await flag.innerText()).toContain('DEMO-1 was emailed to 1 recipient.');

    await app.getByRole('tab', { name: 'History' }).click();
    const entry = app.getByRole('article').first();
    await entry.getByText('Casey Customer').waitFor();

    for (const html of await everything()) expect(html).not.toContain(HIDDEN_ADDRESS);
    // The draft and the history came through the recorder: their answers name Casey, without the address.
    expect(
      answers.filter((answer) => answer.url.endsWith('/__forge/invoke') && answer.body.includes('Casey Customer'))
        .length,
    ).toBeGreaterThanOrEqual(2);
    expect(answers.filter((answer) => answer.body.includes(HIDDEN_ADDRESS)).map((answer) => answer.url)).toEqual([]);

    const sent = host.microsoft.sentMessages(SUPPORT);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.subject).toMatch(/^\[DEMO-1\] /);
    expect(sent[0]?.message.toRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([HIDDEN_ADDRESS]);
    expect(sent[0]?.message.body?.content).toContain('Your mailbox syncs again.');
    expect(run.pageErrors).toEqual([]);
  });
});
