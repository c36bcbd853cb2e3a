import { createHash } from 'node:crypto';

import type { FrameLocator } from 'playwright-core';

import { NON_ADMIN_ACCOUNT_ID, showAdminSection, SUPPORT_MAILBOX, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const openDialog = async (issueKey: string, as?: string): Promise<FrameLocator> => {
  const { page, host } = run;
  await page.goto(`${host.url}/browse/${issueKey}${as === undefined ? '' : `?as=${encodeURIComponent(as)}`}`);
  await page.getByRole('button', { name: 'Apps' }).click();
  await page.getByRole('menuitem', { name: 'Email this issue' }).click();
  await page.getByRole('dialog', { name: 'Email this issue' }).waitFor();
  return page.frameLocator('iframe[title="Email this issue"]');
};

/** Jira's own bytes of an attachment, read through the site as the signed-in user. */
const jiraBytes = async (attachmentId: string): Promise<Buffer> => {
  const answer = await run.page.request.get(`${run.host.url}/rest/api/3/attachment/content/${attachmentId}`);
  expect(answer.status()).toBe(200);
  return Buffer.from(await answer.body());
};

describe('"Email this issue", complete', () => {
  it('emails DEMO-2 with a 3.6 MB and a small attachment to a typed address and a directory pick, with Cc', async () => {
    const app = await openDialog('DEMO-2');
    const to = app.getByLabel('To', { exact: true });
    await to.fill('customer@fabrikam.example');
    await to.press('Enter');
    await to.fill('Megan');
    await app.getByRole('option', { name: /Megan Bowen/ }).click();
    const cc = app.getByLabel('Cc', { exact: true });
    if (!(await cc.isVisible())) await app.getByRole('button', { name: /Cc/ }).first().click();
    await cc.fill('it-manager@fabrikam.example');
    await cc.press('Enter');

    await app.getByRole('checkbox', { name: /laptop-fleet-inventory\.xlsx/ }).check();
    await app.getByRole('checkbox', { name: /onboarding-checklist\.csv/ }).check();
    await app.getByLabel('Message', { exact: true }).fill('Here is the laptop request with the fleet inventory.');
    await app.getByRole('button', { name: 'Send' }).click();

    const flag = run.page.getByRole('alert').filter({ hasText: 'Email sent' });
    await flag.waitFor();
    expect(await flag.innerText()).toContain('DEMO-2 was emailed to 3 recipients.');

    const sent = run.host.microsoft.sentMessages(SUPPORT_MAILBOX);
    expect(sent).toHaveLength(1);
    const message = sent[0]?.message;
    expect(message?.toRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([
      'customer@fabrikam.example',
      'MeganB@contoso.onmicrosoft.com',
    ]);
    expect(message?.ccRecipients?.map((recipient) => recipient.emailAddress.address)).toEqual([
      'it-manager@fabrikam.example',
    ]);
    const attachments = new Map((message?.attachments ?? []).map((attachment) => [attachment.name, attachment]));
    expect([...attachments.keys()].sort()).toEqual(['laptop-fleet-inventory.xlsx', 'onboarding-checklist.csv']);
    const [xlsx, csv] = await Promise.all([jiraBytes('10106'), jiraBytes('10102')]);
    expect(xlsx.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(sha256(Buffer.from(attachments.get('laptop-fleet-inventory.xlsx')?.contentBytes ?? '', 'base64'))).toBe(
      sha256(xlsx),
    );
    expect(sha256(Buffer.from(attachments.get('onboarding-checklist.csv')?.contentBytes ?? '', 'base64'))).toBe(
      sha256(csv),
    );

    // The comment the app added, on the issue page.
    await run.page.goto(`${run.host.url}/browse/DEMO-2`);
    await run.page
      .getByText(/Emailed to customer@fabrikam\.example, MeganB@contoso\.onmicrosoft\.com/)
      .first()
      .waitFor();

    // The history in the dialog.
    const again = await openDialog('DEMO-2');
    await again.getByRole('tab', { name: 'History' }).click();
    const panel = again.getByRole('tabpanel', { name: 'History' });
    await panel.getByText('[DEMO-2]', { exact: false }).first().waitFor();
    const text = await panel.innerText();
    expect(text).toContain('customer@fabrikam.example');
    expect(text).toMatch(/\bSent\b/i);
    expect(text).toContain('2 attachments');
    expect(run.pageErrors).toEqual([]);
  });

  it("previews DEMO-1 as it will be sent: styled, with the description's screenshot embedded", async () => {
    const app = await openDialog('DEMO-1');
    await app.getByRole('button', { name: 'Preview' }).click();
    const preview = app.frameLocator('iframe[title="Email preview"]');
    const image = preview.locator('img[src^="data:image/png;base64,"]');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('outlook-sync-error.png');
    // Inline styles apply (the manifest allows them for this preview): the canvas is grey, not the default white.
    const canvas = await preview.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(canvas).not.toBe('rgba(0, 0, 0, 0)');
    expect(await app.getByText('outlook-sync-error.png').first().innerText()).toContain('outlook-sync-error.png');
    await app.getByRole('button', { name: 'Cancel' }).click();
  });

  it('marks a bad address in To and keeps Send disabled', async () => {
    const app = await openDialog('DEMO-4');
    const to = app.getByLabel('To', { exact: true });
    await to.fill('not-an-address');
    await to.press('Enter');
    await app.getByText('"not-an-address" is not a valid email address.').waitFor();
    const send = app.getByRole('button', { name: 'Send' });
    expect((await send.isDisabled()) || (await send.getAttribute('aria-disabled')) === 'true').toBe(true);
    await app.getByRole('button', { name: 'Cancel' }).click();
  });

  it('tells a user outside the allowed groups why they cannot send', async () => {
    const { page, host } = run;
    await page.goto(`${host.url}/admin`);
    const admin = page.frameLocator('iframe[title="Issue Mailer"]');
    await showAdminSection(admin, 'Sending settings');
    await admin.getByRole('heading', { name: 'Sending settings', level: 2 }).waitFor();
    await admin.getByLabel('Only members of these groups or project roles', { exact: true }).check();
    await admin.getByRole('combobox', { name: 'Groups' }).fill('support');
    await admin.getByRole('option', { name: /support-agents/ }).click();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved').waitFor();

    const app = await openDialog('DEMO-1', NON_ADMIN_ACCOUNT_ID);
    await app.getByText('Your Jira admin lets only members of support-agents', { exact: false }).waitFor();
    const send = app.getByRole('button', { name: 'Send' });
    expect(
      (await send.count()) === 0 || (await send.isDisabled()) || (await send.getAttribute('aria-disabled')) === 'true',
    ).toBe(true);
  });
});
