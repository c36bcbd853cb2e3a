/**
 * The duplicate suite of issue 15 ("Exactly once"): every way one message reaches the app twice ends in exactly one
 * issue, through the local host (Graph emulator -> change notification -> web trigger -> queue -> worker, and the
 * five-minute upkeep's delta round). Processed mail is left in the Inbox (afterProcessing: leave), so a later delta
 * round still brings it. Date is a warped clock (warp-support.ts): a copy that meets another run's claim waits on the
 * queue for that run's lease, which the test does not wait out in real time.
 */
import type { LocalHost } from '../../../local/host';
import type { MailHandlerView } from '../../../src/contract/mail-handlers';
import type { IncomingRecord } from '../../../src/incoming/records/incoming-record';
import { INCOMING_MARK_KEY } from '../../../src/jira/incoming-marks';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { type InvocationKiller, watchInvocations } from './kill-support';
import { commentsOf, eventually, type IncomingStack, saveHandler, startIncomingStack } from './support';
import { warpClock, type WarpedClock } from './warp-support';

const SALES_MAILBOX = 'sales@contoso.onmicrosoft.com';
const FINAL = new Set(['created', 'commented', 'ignored', 'held', 'failed']);

let stack: IncomingStack | undefined;
let clock: WarpedClock;
let killer: InvocationKiller;
let support: MailHandlerView;
let sales: MailHandlerView;

const host = (): LocalHost => {
  if (stack === undefined) throw new Error('no stack');
  return stack.host;
};

const finalRecord = (internetMessageId: string): Promise<IncomingRecord> =>
  eventually(
    () => stack?.records().find((record) => record.internetMessageId === internetMessageId && FINAL.has(record.status)),
    20_000,
    `the final record of ${internetMessageId}`,
  );

/** Notification POSTs answered so far (the web trigger answers 202 once it queued the work). */
const answeredNotifications = () =>
  host()
    .microsoft.notificationAttempts()
    .filter((attempt) => attempt.url.includes('/x1/')).length;

/** After everything settled: the issues created since `before` (asserted to be exactly `expected`), and no comments. */
const expectOneIssue = async (before: string[], record: IncomingRecord): Promise<void> => {
  await host().queue.whenIdle();
  expect(record.status).toBe('created');
  expect(
    host()
      .jira.issueKeys()
      .filter((key) => !before.includes(key)),
  ).toEqual([record.issueKey]);
  expect(await commentsOf(host(), String(record.issueKey))).toEqual([]);
  const records = stack?.records().filter((one) => one.internetMessageId === record.internetMessageId) ?? [];
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ status: 'created', issueKey: record.issueKey });
};

beforeAll(async () => {
  clock = warpClock(() => stack?.host);
  killer = watchInvocations('incoming-worker');
  stack = await startIncomingStack();
  // The tenant's admin adds the sales mailbox to the app's application access policy (its scope group gains a
  // member: https://learn.microsoft.com/en-us/graph/auth-limit-mailbox-access), so one credential reads both.
  for (const policy of host().microsoft.config.tenants[0]?.applicationAccessPolicies ?? [])
    if (!policy.mailboxes.includes(SALES_MAILBOX)) policy.mailboxes.push(SALES_MAILBOX);
  support = await saveHandler(host(), { afterProcessing: 'leave' });
  sales = await saveHandler(host(), { name: 'Sales inbox', mailbox: SALES_MAILBOX, afterProcessing: 'leave' });
  expect((await host().runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
  await host().queue.whenIdle();
}, 60_000);

afterAll(async () => {
  killer?.restore();
  await stack?.close();
  clock?.stop();
});

describe('incoming mail: every copy of a message ends in exactly one issue', () => {
  it('the same message by notification twice (Graph delivers a notification again)', async () => {
    const before = host().jira.issueKeys();
    const answered = answeredNotifications();
    const message = host().microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromAddress: 'twice@fabrikam.example',
      subject: 'Notified twice',
      text: 'Once, please.',
    });
    await eventually(() => (answeredNotifications() > answered ? true : undefined), 10_000, 'the notification');
    // Again at once, while the first may still be processing; and once more after it finished.
    expect(host().microsoft.redeliverLastNotification()).toBe(true);
    const record = await finalRecord(message.internetMessageId);
    expect(host().microsoft.redeliverLastNotification()).toBe(true);
    await eventually(() => (answeredNotifications() === answered + 3 ? true : undefined), 10_000, 'both repeats');
    expect(
      host()
        .microsoft.notificationAttempts()
        .slice(-3)
        .map((attempt) => attempt.status),
    ).toEqual([202, 202, 202]);
    await expectOneIssue(before, record);
  });

  it('the same message by notification and by the delta round, either first', async () => {
    // Notifications switched off: only the delta round can bring it; then the held notification brings it again.
    const before = host().jira.issueKeys();
    host().microsoft.setNotificationsPaused(true);
    const first = host().microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromAddress: 'delta-first@fabrikam.example',
      subject: 'Delta first',
      text: 'Taken by the safety net.',
    });
    const answered = answeredNotifications();
    expect((await host().runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
    const byDelta = await finalRecord(first.internetMessageId);
    host().microsoft.setNotificationsPaused(false);
    await eventually(() => (answeredNotifications() > answered ? true : undefined), 10_000, 'the held notification');
    await expectOneIssue(before, byDelta);

    // The notification first, then the delta round, which still sees it in the Inbox.
    const beforeSecond = host().jira.issueKeys();
    const second = host().microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromAddress: 'notified-first@fabrikam.example',
      subject: 'Notification first',
      text: 'Taken at once.',
    });
    const byNotification = await finalRecord(second.internetMessageId);
    expect((await host().runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
    await expectOneIssue(beforeSecond, byNotification);
  });

  it("a Cc copy in a second handler's mailbox (same Message-ID) is seen by both and processed once", async () => {
    const before = host().jira.issueKeys();
    const message = host().microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromAddress: 'both@fabrikam.example',
      cc: [SALES_MAILBOX],
      subject: 'To support, Cc sales',
      text: 'One issue, please.',
    });
    expect(
      host()
        .microsoft.receivedMessages(SALES_MAILBOX)
        .filter((copy) => copy.internetMessageId === message.internetMessageId),
    ).toHaveLength(1);
    const record = await finalRecord(message.internetMessageId);
    await expectOneIssue(before, record);
    const settled = stack?.records().find((one) => one.internetMessageId === message.internetMessageId);
    expect([settled?.handlerId, ...(settled?.alsoSeenBy ?? [])].sort()).toEqual([support.id, sales.id].sort());
  });

  it('the worker killed after creating the issue and before recording it: the next run finds the mark', async () => {
    const jira = host().jira;
    const original = jira.handleStreaming.bind(jira);
    let createdKey: string | undefined;
    let killed = 0;
    // The kill comes after the local Jira created the issue and before its answer reaches the worker.
    jira.handleStreaming = async (request, actor) => {
      const answer = await original(request, actor);
      const marked =
        request.method === 'POST' &&
        request.path.split('?')[0] === '/rest/api/3/issue' &&
        request.body?.toString('utf8').includes(INCOMING_MARK_KEY) === true;
      if (marked && createdKey === undefined && answer.status === 201) {
        const body = typeof answer.body === 'string' || Buffer.isBuffer(answer.body) ? answer.body.toString() : '{}';
        createdKey = (JSON.parse(body) as { key?: string }).key;
        killed = killer.killRunning();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      return answer;
    };
    try {
      const before = host().jira.issueKeys();
      const message = host().microsoft.deliverMail({
        mailbox: SUPPORT_MAILBOX,
        fromAddress: 'crash@fabrikam.example',
        subject: 'Killed mid-way',
        text: 'Still one issue.',
      });
      const record = await finalRecord(message.internetMessageId);
      expect(killed).toBe(1);
      expect(createdKey).toBeDefined();
      expect(record).toMatchObject({ status: 'created', issueKey: createdKey, target: { kind: 'issue', key: 'DEMO' } });
      expect(record.attempts).toBeGreaterThanOrEqual(2);
      await expectOneIssue(before, record);
    } finally {
      jira.handleStreaming = original;
    }
  }, 60_000);
});
