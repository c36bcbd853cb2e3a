import { SUPPORT_MAILBOX } from '../support/admin-page';
import { openIssueDialog } from '../support/browser';
import { commentsOf, eventually, saveHandler } from './support';
import { attachmentBytes, attachmentsOf, binaryFile, type BrowserStack, startBrowserStack } from './round-trip-support';

let run: BrowserStack;

beforeAll(async () => {
  run = await startBrowserStack();
  const { host } = run.stack;
  await saveHandler(host);
  expect((await host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
  await host.queue.whenIdle();
});

afterAll(async () => {
  await run?.close();
});

describe('the round trip', () => {
  it('prints the first comment', async () => {
    const { page } = run;
    const { host } = run.stack;
    const app = await openIssueDialog({ page, host }, 'DEMO-1');
    await app.getByLabel('To', { exact: true }).fill('Jordan Customer <jordan@example.com>');
    await app.getByLabel('Message', { exact: true }).fill('Is the printer working again?');
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();
    const sent = host.microsoft.sentMessages(SUPPORT_MAILBOX);
    console.log(JSON.stringify(sent.at(-1)?.message.toRecipients));
    const before = (await commentsOf(host, 'DEMO-1')).length;
    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    const subject = String(sent.at(-1)?.message.subject);
    await page.getByRole('link', { name: subject, exact: true }).first().click();
    await page.getByRole('link', { name: 'Reply', exact: true }).click();
    await page.getByLabel('Text').fill('Yes, it prints again after the restart.');
    await page.getByLabel('Attachment').setInputFiles({ name: 'printer-log.pdf', mimeType: 'application/pdf', buffer: binaryFile(5000) });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('status').getByText('Delivered.').waitFor();
    const started = Date.now();
    const comments = await eventually(async () => { const all = await commentsOf(host, 'DEMO-1'); return all.length > before ? all : undefined; }, 10_000, 'comment');
    console.log(Date.now() - started, JSON.stringify(comments.slice(before), null, 1));
    console.log(JSON.stringify(await attachmentsOf(host, 'DEMO-1')));
    console.log(JSON.stringify(run.stack.records()));
  });
});
