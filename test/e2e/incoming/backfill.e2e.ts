import type { MailHandlerTestResult, MailHandlerView } from '../../../src/contract/mail-handlers';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { adminCall, eventually, type IncomingStack, jiraGet, saveHandler, startIncomingStack } from './support';

/**
 * Issue 15's "no history flood": a mailbox with 1,000 old messages. Connecting a handler takes nothing of them (the
 * first delta round only stores the position); switched off, set to take the last 2 days and switched on again, the
 * handler takes exactly the mail of those 2 days. (Changing only backfillDays does not reconnect a handler:
 * connection-source.ts.)
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const RECENT_SUBJECTS = ['Invoice question', 'Printer jams on tray 2', 'VPN drops every hour'];

let stack: IncomingStack;
let recentIds: string[];
let handler: MailHandlerView;

beforeAll(async () => {
  stack = await startIncomingStack();
  const { host } = stack;
  const now = Date.now();
  // 1,000 old messages, a minute apart, the newest 3 days old: older than anything "the last 2 days" may take.
  host.microsoft.seedMailbox({
    mailbox: SUPPORT_MAILBOX,
    count: 1000,
    newest: new Date(now - 3 * DAY_MS).toISOString(),
  });
  // And three of the last 2 days, before any handler listens (so none comes by notification).
  recentIds = [36, 20, 1].map(
    (hoursAgo, index) =>
      host.microsoft.deliverMail({
        mailbox: SUPPORT_MAILBOX,
        fromName: `Recent Sender ${index + 1}`,
        fromAddress: `recent${index + 1}@fabrikam.example`,
        subject: RECENT_SUBJECTS[index],
        text: `Written ${hoursAgo} hours ago.`,
        receivedDateTime: new Date(now - hoursAgo * 60 * 60 * 1000).toISOString(),
      }).internetMessageId,
  );
  expect(host.microsoft.receivedMessages(SUPPORT_MAILBOX)).toHaveLength(1003);
});

afterAll(async () => {
  await stack?.close();
});

const runUpkeep = async () => {
  expect((await stack.host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
  await stack.host.queue.whenIdle();
};

describe('a mailbox with 1,000 old messages', () => {
  it('connecting a handler from now on (backfillDays 0) creates nothing and records nothing', async () => {
    const { host } = stack;
    const issuesBefore = host.jira.issueKeys();
    handler = await saveHandler(host, { backfillDays: 0 });
    await runUpkeep();
    // Connected: the subscription is there, so the connect job ran to its end.
    const test = await adminCall<MailHandlerTestResult>(host, 'testMailHandler', { id: handler.id });
    expect(test.subscription).toEqual({ ok: true, data: { status: 'active', expiresAt: expect.any(String) } });
    expect(test.folder).toEqual({ ok: true, data: { displayName: 'Inbox', unreadCount: 1003, totalCount: 1003 } });
    expect(stack.records()).toEqual([]);
    expect(host.jira.issueKeys()).toEqual(issuesBefore);

    // The next five-minute delta run starts from the stored position: still nothing.
    await runUpkeep();
    expect(stack.records()).toEqual([]);
    expect(host.jira.issueKeys()).toEqual(issuesBefore);
  });

  it('switched off and on again taking the last 2 days, it takes exactly the 3 messages of those days', async () => {
    const { host } = stack;
    const issuesBefore = host.jira.issueKeys();
    await saveHandler(host, { id: handler.id, enabled: false });
    await runUpkeep();
    const off = await adminCall<MailHandlerTestResult>(host, 'testMailHandler', { id: handler.id });
    expect(off.subscription).toEqual({ ok: true, data: { status: 'none' } });
    await saveHandler(host, { id: handler.id, enabled: true, backfillDays: 2 });
    await runUpkeep();
    const records = await eventually(
      () => {
        const all = stack.records();
        return all.length === 3 && all.every((record) => record.status !== 'processing') ? all : undefined;
      },
      20_000,
      'the 3 recent messages recorded',
    );
    expect(records.map((record) => record.internetMessageId).sort()).toEqual([...recentIds].sort());
    expect(records.every((record) => record.status === 'created' && record.handlerId === handler.id)).toBe(true);
    const created = host.jira.issueKeys().filter((key) => !issuesBefore.includes(key));
    expect(created).toHaveLength(3);
    expect(records.map((record) => record.issueKey).sort()).toEqual([...created].sort());
    const summaries = await Promise.all(
      created.map(
        async (key) =>
          (await jiraGet<{ fields: { summary: string } }>(host, `/rest/api/3/issue/${key}?fields=summary`)).fields
            .summary,
      ),
    );
    expect(summaries.sort()).toEqual([...RECENT_SUBJECTS].sort());
  });
});
