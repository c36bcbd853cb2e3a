/**
 * The noise suite of issue 15 ("No loops, no noise"): through the local host (Graph emulator -> change notification
 * -> web trigger -> queue -> worker), automatic mail, reports, the app's own mail and a flood from one sender each
 * create nothing in Jira and end in the incoming log with their reason code. Each subject names DEMO-1, so a message
 * that slipped through would comment there rather than pass unnoticed.
 */
import type { WriteRequest } from '../../../local/microsoft/inbound-delivery';
import type { SentIssueEmail } from '../../../src/contract/issue-email';
import type { IncomingRecord } from '../../../src/incoming/records/incoming-record';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { invokeFunction, unwrap } from '../support/forge-invoke';
import { commentsOf, eventually, type IncomingStack, saveHandler, startIncomingStack } from './support';

const HOURLY_LIMIT = 5;
const FLOOD = 50;
const FINAL = new Set(['created', 'commented', 'ignored', 'held', 'failed']);

let stack: IncomingStack;
/** The id (in the emulator's sent mail) of an email the app sent from DEMO-1 to a customer. */
let sentFromDemo1: string;

/** The app emails DEMO-1 through its outbox; resolves with the emulator's copy of what went out. */
const emailDemo1 = async (to: string, subject: string): Promise<string> => {
  const { host } = stack;
  const before = host.microsoft.sentMessages(SUPPORT_MAILBOX).length;
  unwrap(
    await invokeFunction<SentIssueEmail>(host.url, {
      moduleKey: 'email-this-issue',
      issueKey: 'DEMO-1',
      functionKey: 'sendIssueEmail',
      payload: { to: [to], subject, message: 'The printer is being looked at.' },
    }),
    'sendIssueEmail',
  );
  const sent = await eventually(
    () => host.microsoft.sentMessages(SUPPORT_MAILBOX).slice(before)[0],
    10_000,
    'the email DEMO-1 sent',
  );
  return sent.id;
};

/** The record of the message with this Internet Message-ID once it is final (so "nothing created" is not early). */
const finalRecord = (internetMessageId: string): Promise<IncomingRecord> =>
  eventually(
    () => stack.records().find((record) => record.internetMessageId === internetMessageId && FINAL.has(record.status)),
    15_000,
    `the final record of ${internetMessageId}`,
  );

/** Delivers one message to the support Inbox and waits for its final record; asserts Jira got nothing from it. */
const deliverNoise = async (request: WriteRequest): Promise<IncomingRecord> => {
  const { host } = stack;
  const issuesBefore = host.jira.issueKeys();
  const commentsBefore = await commentsOf(host, 'DEMO-1');
  const message = host.microsoft.deliverMail({ mailbox: SUPPORT_MAILBOX, ...request });
  const record = await finalRecord(message.internetMessageId);
  expect(host.jira.issueKeys()).toEqual(issuesBefore);
  expect(await commentsOf(host, 'DEMO-1')).toEqual(commentsBefore);
  return record;
};

beforeAll(async () => {
  stack = await startIncomingStack();
  const { host } = stack;
  await saveHandler(host, { senderHourlyLimit: HOURLY_LIMIT });
  expect((await host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
  await host.queue.whenIdle();
  sentFromDemo1 = await emailDemo1('jordan@example.com', '[DEMO-1] The printer is on fire');
  // The email's note on DEMO-1 is written before the tests count DEMO-1's comments.
  await host.queue.whenIdle();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('incoming mail: noise creates nothing and is logged with its reason', () => {
  it('an auto-reply (X-Autoreply) is ignored', async () => {
    const record = await deliverNoise({
      fromName: 'Helpdesk Robot',
      fromAddress: 'robot@fabrikam.example',
      subject: 'Re: [DEMO-1] The printer is on fire',
      text: 'We received your message and will answer soon.',
      headers: [{ name: 'X-Autoreply', value: 'yes' }],
    });
    expect(record).toMatchObject({ status: 'ignored', reason: 'AUTOREPLY_HEADER', sender: 'robot@fabrikam.example' });
  });

  it("an out-of-office (Exchange's automatic reply to DEMO-1's email) is ignored", async () => {
    const record = await deliverNoise({ replyTo: sentFromDemo1, style: 'auto-reply', text: 'I am out until Monday.' });
    expect(record).toMatchObject({
      status: 'ignored',
      reason: 'AUTO_SUBMITTED',
      subject: 'Automatic reply: [DEMO-1] The printer is on fire',
      sender: 'jordan@example.com',
    });
  });

  it("a bounce (a DSN about DEMO-1's email) is ignored", async () => {
    const record = await deliverNoise({ replyTo: sentFromDemo1, style: 'dsn', text: 'Delivery has failed.' });
    expect(record).toMatchObject({
      status: 'ignored',
      reason: 'DELIVERY_REPORT',
      subject: 'Undeliverable: [DEMO-1] The printer is on fire',
      sender: 'postmaster@example.com',
    });
  });

  it("mail from the app's own mailbox (DEMO-1's email sent to the support mailbox comes back) is ignored", async () => {
    const { host } = stack;
    const issuesBefore = host.jira.issueKeys();
    const commentsBefore = await commentsOf(host, 'DEMO-1');
    const inboxBefore = host.microsoft.receivedMessages(SUPPORT_MAILBOX).length;
    await emailDemo1(SUPPORT_MAILBOX, '[DEMO-1] Sent to ourselves');
    // The emulator delivers sendMail to an emulated mailbox as Exchange would: the app's real email, its headers too.
    const copy = await eventually(
      () => host.microsoft.receivedMessages(SUPPORT_MAILBOX).slice(inboxBefore)[0],
      10_000,
      'the copy in the support Inbox',
    );
    const record = await finalRecord(copy.internetMessageId);
    expect(record).toMatchObject({ status: 'ignored', reason: 'OWN_MAILBOX', sender: SUPPORT_MAILBOX });
    await host.queue.whenIdle();
    expect(host.jira.issueKeys()).toEqual(issuesBefore);
    // The one new comment is the sent email's own note on DEMO-1, not the copy that came back.
    const added = (await commentsOf(host, 'DEMO-1')).slice(commentsBefore.length);
    expect(added).toHaveLength(1);
    expect(JSON.stringify(added[0]?.body)).toContain(`Emailed to ${SUPPORT_MAILBOX} by `);
  });

  it("mail carrying the app's own headers (another address, x-issue-mailer-*) is ignored", async () => {
    const record = await deliverNoise({
      fromName: 'Forwarding Rule',
      fromAddress: 'forwarder@fabrikam.example',
      subject: 'FW: [DEMO-1] The printer is on fire',
      text: 'Forwarded as it was.',
      headers: [
        { name: 'x-issue-mailer-issue', value: 'DEMO-1' },
        { name: 'x-issue-mailer-email', value: 'email-1' },
      ],
    });
    expect(record).toMatchObject({ status: 'ignored', reason: 'OWN_HEADERS', sender: 'forwarder@fabrikam.example' });
  });

  it(`${FLOOD} mails in a minute from one sender: the first ${HOURLY_LIMIT} become issues, the rest are held`, async () => {
    const { host } = stack;
    const issuesBefore = host.jira.issueKeys();
    const start = Date.now() - 60_000;
    const ids: string[] = [];
    for (let index = 0; index < FLOOD; index += 1) {
      const message = host.microsoft.deliverMail({
        mailbox: SUPPORT_MAILBOX,
        fromName: 'Flood Sender',
        fromAddress: 'flood@fabrikam.example',
        subject: `Flood ${index + 1}`,
        text: `Message ${index + 1} of ${FLOOD}.`,
        receivedDateTime: new Date(start + index * 1_000).toISOString(),
      });
      ids.push(message.internetMessageId);
    }
    const records = await eventually(
      () => {
        const all = stack.records().filter((record) => record.sender === 'flood@fabrikam.example');
        return all.length === FLOOD && all.every((record) => FINAL.has(record.status)) ? all : undefined;
      },
      60_000,
      `${FLOOD} final records`,
    );
    const byId = new Map(records.map((record) => [record.internetMessageId, record]));
    const inOrder = ids.map((id) => byId.get(id));
    expect(inOrder.slice(0, HOURLY_LIMIT).map((record) => record?.status)).toEqual(
      Array.from({ length: HOURLY_LIMIT }, () => 'created'),
    );
    expect(inOrder.slice(HOURLY_LIMIT).map((record) => [record?.status, record?.reason])).toEqual(
      Array.from({ length: FLOOD - HOURLY_LIMIT }, () => ['held', 'sender-hourly-limit']),
    );
    const created = host.jira.issueKeys().filter((key) => !issuesBefore.includes(key));
    expect(created).toHaveLength(HOURLY_LIMIT);
    expect(new Set(inOrder.slice(0, HOURLY_LIMIT).map((record) => record?.issueKey))).toEqual(new Set(created));
  }, 90_000);
});
