import type { Page } from 'playwright-core';

import type { LocalHost } from '../../../local/host';
import { formatDateTime } from '../../../src/shared/format-dates';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { openIssueDialog } from '../support/browser';
import {
  attachmentBytes,
  attachmentsOf,
  binaryFile,
  type BrowserStack,
  type JiraAttachment,
  startBrowserStack,
} from './round-trip-support';
import { commentsOf, eventually, type JiraComment, saveHandler } from './support';

/**
 * Issue 15's round trip, through the browser: DEMO-1 emailed to a customer from "Email this issue", the customer's
 * reply written on the emulator's mailbox page (Outlook-style, quoted original included, with an attachment), and
 * the reply back on DEMO-1 as one comment holding only the new text, by Graph's change notification or, with
 * notifications switched off, by the five-minute delta run.
 */

const CUSTOMER = { name: 'Jordan Customer', address: 'jordan@example.com' };

let run: BrowserStack;
/** The subject of the email DEMO-1 was sent with: the message the customer answers. */
let sentSubject: string;

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

interface Reply {
  text: string;
  file: { name: string; mimeType: string; buffer: Buffer };
}

/** Answers the sent message from its page on the emulator's mailbox page, as the customer. */
const replyFromMailboxPage = async (page: Page, host: LocalHost, reply: Reply): Promise<void> => {
  await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
  await page.getByRole('link', { name: sentSubject, exact: true }).click();
  await page.getByRole('link', { name: 'Reply', exact: true }).click();
  await page.getByLabel('Your name').fill(CUSTOMER.name);
  await page.getByLabel('Text').fill(reply.text);
  await page.getByLabel('Attachment').setInputFiles(reply.file);
  expect(await page.getByLabel('Written as').inputValue()).toBe('outlook-reply');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await page.getByRole('status').getByText('Delivered.').waitFor();
};

/** The reply as the support mailbox received it: the newest message there. */
const receivedReply = (host: LocalHost) => {
  const reply = host.microsoft.receivedMessages(SUPPORT_MAILBOX).at(-1);
  if (reply === undefined) throw new Error('the support mailbox received nothing');
  return reply;
};

/** The comment a reply becomes: who wrote it and when (author-heading.ts), then the new text, nothing quoted. */
const expectedBody = (text: string, sentDateTime: string) => ({
  type: 'doc',
  version: 1,
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: CUSTOMER.name, marks: [{ type: 'strong' }] },
        { type: 'text', text: ' <' },
        {
          type: 'text',
          text: CUSTOMER.address,
          marks: [{ type: 'link', attrs: { href: `mailto:${CUSTOMER.address}` } }],
        },
        { type: 'text', text: '>' },
        { type: 'text', text: ` wrote on ${formatDateTime(sentDateTime, 'UTC')}:` },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text }] },
  ],
});

/** Waits for the reply's record to be final, then checks DEMO-1 gained exactly its comment and its attachment. */
const expectOneComment = async (
  host: LocalHost,
  reply: Reply,
  before: { comments: JiraComment[]; attachments: JiraAttachment[] },
) => {
  const received = receivedReply(host);
  const record = await eventually(
    () =>
      run.stack
        .records()
        .find((one) => one.internetMessageId === received.internetMessageId && one.status !== 'processing'),
    10_000,
    'the reply recorded',
  );
  const comments = await commentsOf(host, 'DEMO-1');
  expect(comments).toHaveLength(before.comments.length + 1);
  const comment = comments.at(-1);
  expect(comment?.body).toEqual(expectedBody(reply.text, received.sentDateTime ?? received.receivedDateTime));
  expect(record).toMatchObject({ status: 'commented', issueKey: 'DEMO-1', commentId: comment?.id });

  const attachments = await attachmentsOf(host, 'DEMO-1');
  const added = attachments.filter((one) => !before.attachments.some((earlier) => earlier.id === one.id));
  expect(added.map(({ filename, mimeType, size }) => ({ filename, mimeType, size }))).toEqual([
    { filename: reply.file.name, mimeType: reply.file.mimeType, size: reply.file.buffer.length },
  ]);
  expect((await attachmentBytes(host, added[0]?.id ?? '')).equals(reply.file.buffer)).toBe(true);
  return { received, comment };
};

const snapshot = async (host: LocalHost) => ({
  comments: await commentsOf(host, 'DEMO-1'),
  attachments: await attachmentsOf(host, 'DEMO-1'),
});

describe('the round trip: a reply to an email from DEMO-1 comes back to DEMO-1', () => {
  it('arrives by change notification within 10 s as one comment with only the new text and the attachment', async () => {
    const { page } = run;
    const { host } = run.stack;
    const app = await openIssueDialog({ page, host }, 'DEMO-1');
    await app.getByLabel('To', { exact: true }).fill(CUSTOMER.address);
    await app.getByLabel('Message', { exact: true }).fill('Is the shared mailbox syncing again?');
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor();
    sentSubject = String(host.microsoft.sentMessages(SUPPORT_MAILBOX).at(-1)?.message.subject);
    expect(sentSubject).toMatch(/^\[DEMO-1\] /);

    const before = await snapshot(host);
    const reply: Reply = {
      text: 'Yes, it syncs again since the restart this morning.',
      file: { name: 'sync-log.pdf', mimeType: 'application/pdf', buffer: binaryFile(40_000) },
    };
    await replyFromMailboxPage(page, host, reply);
    const sentAt = Date.now();
    // The reply carries the quoted original, as Outlook writes it: the comment must not.
    const received = receivedReply(host);
    expect(received.subject).toBe(`RE: ${sentSubject}`);
    expect(received.body.content).toContain('<div id="divRplyFwdMsg" dir="ltr">');
    expect(received.body.content).toContain('Is the shared mailbox syncing again?');

    await eventually(
      async () => ((await commentsOf(host, 'DEMO-1')).length > before.comments.length ? true : undefined),
      10_000,
      'the comment on DEMO-1',
    );
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    const { comment } = await expectOneComment(host, reply, before);

    // The issue view shows it: the comment by the app, starting with the customer's name, and the attachment.
    await page.goto(`${host.url}/browse/DEMO-1`);
    const shown = page.locator('.jl-comment').last();
    expect(await shown.locator('.jl-rendered').innerText()).toBe(
      `${CUSTOMER.name} <${CUSTOMER.address}> wrote on ${formatDateTime(received.sentDateTime ?? received.receivedDateTime, 'UTC')}:\n\n${reply.text}`,
    );
    expect(comment?.id).toBeDefined();
    await page.getByRole('link', { name: reply.file.name, exact: true }).waitFor();
    expect(run.pageErrors).toEqual([]);
  });

  it('with notifications switched off, arrives once through the five-minute delta run', async () => {
    const { page } = run;
    const { host } = run.stack;
    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    await page.getByRole('button', { name: 'Switch notifications off (hold them)' }).click();
    await page.locator('#subscriptions').getByText('Switched off').waitFor();

    const before = await snapshot(host);
    const attemptsBefore = host.microsoft.notificationAttempts().length;
    const reply: Reply = {
      text: 'One more thing: the calendar does not sync either.',
      file: { name: 'calendar.ics.zip', mimeType: 'application/zip', buffer: binaryFile(3_000) },
    };
    await replyFromMailboxPage(page, host, reply);
    const received = receivedReply(host);

    // Held, not sent: nothing reached the web trigger, so nothing was queued or recorded.
    await host.queue.whenIdle();
    expect(host.microsoft.notificationAttempts()).toHaveLength(attemptsBefore);
    expect(run.stack.records().filter((one) => one.internetMessageId === received.internetMessageId)).toEqual([]);
    expect(await commentsOf(host, 'DEMO-1')).toHaveLength(before.comments.length);

    expect((await host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
    await host.queue.whenIdle();
    await expectOneComment(host, reply, before);

    // Switched on again, Graph sends what it held: the message is already taken, so nothing doubles.
    await page.goto(`${host.microsoft.graphBaseUrl}/mailbox`);
    await page.getByRole('button', { name: 'Switch notifications on (send what was held)' }).click();
    await eventually(
      () =>
        host.microsoft
          .notificationAttempts()
          .slice(attemptsBefore)
          .some((attempt) => attempt.status === 202) || undefined,
      10_000,
      'the held notification delivered',
    );
    await host.queue.whenIdle();
    expect(run.stack.records().filter((one) => one.internetMessageId === received.internetMessageId)).toHaveLength(1);
    await expectOneComment(host, reply, before);
    expect(run.pageErrors).toEqual([]);
  });
});
