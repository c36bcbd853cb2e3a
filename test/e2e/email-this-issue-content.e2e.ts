import type { FrameLocator } from 'playwright-core';

import { SUPPORT_MAILBOX, useHostedBrowser } from './support/admin-page';
import { type HostedBrowser, openIssueDialog } from './support/browser';
import { invokeFunction, unwrap } from './support/forge-invoke';

/**
 * Issue 12, items 14 and 15 on DEMO-1, whose description shows outlook-sync-error.png (also an attachment of the
 * issue, next to outlook-sync.log): the dialog offers only the content choices the template looks at, the preview
 * lists each file once, and the email carries only what its body shows.
 */
let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const SUMMARY_ONLY = {
  name: 'Summary only',
  subject: '{{ issue.summary }}',
  body: '<p>{{ issue.key }}: {{ issue.summary }}</p>',
};

const saveSummaryOnlyTemplate = async (): Promise<void> => {
  unwrap(
    await invokeFunction(run.host.url, {
      moduleKey: 'issue-mailer-admin',
      functionKey: 'saveTemplate',
      payload: SUMMARY_ONLY,
    }),
    'saveTemplate',
  );
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The files the preview lists, each as its line reads, and the whole Attachments entry. */
const previewFiles = async (app: FrameLocator): Promise<{ files: string[]; total: string }> => {
  await app.getByRole('button', { name: 'Preview' }).click();
  const region = app.getByRole('region', { name: 'Preview' });
  await region.locator('iframe[title="Email preview"]').waitFor();
  const files = (await region.locator('.im-preview__files li').allInnerTexts()).map(oneLine);
  const total = oneLine(await region.locator('dt:text-is("Attachments") + dd').innerText());
  await app.getByRole('button', { name: 'Edit email' }).click();
  return { files, total };
};

describe('"Email this issue": content choices, preview and attachments follow the template', () => {
  beforeAll(async () => {
    await saveSummaryOnlyTemplate();
  });

  it('previews the screenshot once when it is also chosen as a file: 2 files, not 3', async () => {
    const app = await openIssueDialog(run, 'DEMO-1');
    await app.getByRole('checkbox', { name: /outlook-sync-error\.png/ }).check();
    await app.getByRole('checkbox', { name: /outlook-sync\.log/ }).check();
    const { files, total } = await previewFiles(app);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^outlook-sync-error\.png .* · also shown in the body$/);
    expect(files[1]).toMatch(/^outlook-sync\.log \S+ \S+$/);
    expect(total).toMatch(/ 2 files, \S+ \S+ in total$/);
    expect(run.pageErrors).toEqual([]);
  });

  it('hides Fields, Description and Comments for a template that ignores them, and sends no stray image', async () => {
    const { page, host } = run;
    const app = await openIssueDialog(run, 'DEMO-1');
    await app.getByRole('checkbox', { name: 'Description', exact: true }).waitFor();
    await app.getByRole('group', { name: 'Comments' }).waitFor();

    await app.getByLabel('Template', { exact: true }).selectOption({ label: 'Summary only' });
    await app
      .getByText(
        'Fields, description and comments are not offered: the “Summary only” template decides this content itself.',
      )
      .waitFor();
    expect(await app.getByRole('checkbox', { name: 'Fields', exact: true }).count()).toBe(0);
    expect(await app.getByRole('checkbox', { name: 'Description', exact: true }).count()).toBe(0);
    expect(await app.getByRole('group', { name: 'Comments' }).count()).toBe(0);
    expect(await app.getByRole('group', { name: 'Include' }).count()).toBe(0);

    expect(await previewFiles(app)).toEqual({ files: [], total: 'None' });

    const subject = app.getByLabel('Subject', { exact: true });
    await subject.fill('[DEMO-1] Summary only, no screenshot');
    await app.getByLabel('To', { exact: true }).fill('customer@example.com');
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();

    const sent = host.microsoft
      .sentMessages(SUPPORT_MAILBOX)
      .filter((message) => message.message.subject === '[DEMO-1] Summary only, no screenshot');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.attachments ?? []).toEqual([]);

    // The emulator's mailbox, as a person checking the email would look at it.
    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    await page.getByRole('link', { name: '[DEMO-1] Summary only, no screenshot', exact: true }).click();
    await page.getByRole('heading', { name: 'Attachments (0)' }).waitFor();
    const body = page.frameLocator('iframe[title="Message body"]');
    await body.getByText('DEMO-1:', { exact: false }).waitFor();
    expect(await body.locator('img').count()).toBe(0);
    expect(run.pageErrors).toEqual([]);
  });
});
