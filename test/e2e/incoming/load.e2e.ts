/**
 * The load test of issue 15: 500 incoming messages through the local host (Graph emulator -> change notifications ->
 * web trigger -> queue -> worker) while Graph answers 20 % of the app's requests with 429 or 503, each with a
 * Retry-After (https://learn.microsoft.com/en-us/graph/throttling). Every message must end processed exactly once:
 * one issue (or, for a reply naming DEMO-2, one comment) each, one final record each, nothing twice. It prints the
 * messages a minute.
 *
 * A throttled message waits on the queue for its Retry-After, not in a run (src/incoming/worker/message-retry.ts);
 * Date is a warped clock (warp-support.ts) that jumps to the queue's next delayed event whenever nothing is due and
 * nothing runs, so the test does not sit through those waits. Both rates are printed: per real minute, and per minute
 * of the app's own clock (the waits included), which is what a site would see.
 */
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { eventually, type IncomingStack, type JiraComment, jiraGet, saveHandler, startIncomingStack } from './support';
import { warpClock, type WarpedClock } from './warp-support';

const MESSAGES = 500;
/** Every fifth message names DEMO-2 in its subject: a comment there, not a new issue. */
const REPLY_EVERY = 5;
const REPLY_ISSUE = 'DEMO-2';
const FINAL = new Set(['created', 'commented', 'ignored', 'held', 'failed']);

let stack: IncomingStack;
let clock: WarpedClock | undefined;

const allComments = async (issueKey: string): Promise<JiraComment[]> => {
  const comments: JiraComment[] = [];
  for (;;) {
    const page = await jiraGet<{ comments: JiraComment[]; total: number }>(
      stack.host,
      `/rest/api/3/issue/${issueKey}/comment?startAt=${comments.length}&maxResults=100`,
    );
    comments.push(...page.comments);
    if (page.comments.length === 0 || comments.length >= page.total) return comments;
  }
};

beforeAll(async () => {
  clock = warpClock(() => stack?.host);
  stack = await startIncomingStack();
  await saveHandler(stack.host, { senderHourlyLimit: 1000 });
  expect((await stack.host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
  await stack.host.queue.whenIdle();
}, 60_000);

afterAll(async () => {
  stack?.host.microsoft.setFaultMix(undefined);
  await stack?.close();
  clock?.stop();
});

describe('incoming mail under load', () => {
  it(`${MESSAGES} messages with 20 % of Graph requests throttled or failing: each processed exactly once`, async () => {
    const { host } = stack;
    const issuesBefore = host.jira.issueKeys();
    const commentsBefore = (await allComments(REPLY_ISSUE)).length;
    host.microsoft.resetDeliveryStats();
    host.microsoft.setFaultMix({
      probability: 0.2,
      kinds: ['throttle', 'unavailable'],
      retryAfterSeconds: { min: 1, max: 2 },
      slowDelayMs: { min: 0, max: 0 },
      seed: 20261206,
    });
    const started = performance.now();
    const startedAt = Date.now();
    const subjects = new Map<string, string>();
    let inboxId = '';
    for (let index = 0; index < MESSAGES; index += 1) {
      const subject = index % REPLY_EVERY === 0 ? `Re: [${REPLY_ISSUE}] load ${index}` : `Load message ${index}`;
      const message = host.microsoft.deliverMail({
        mailbox: SUPPORT_MAILBOX,
        fromName: `Customer ${index % 50}`,
        fromAddress: `customer${index % 50}@fabrikam.example`,
        subject,
        text: `Message ${index} of the load test.`,
      });
      subjects.set(message.internetMessageId, subject);
      inboxId = message.folderId;
    }
    const records = await eventually(
      () => {
        const mine = stack.records().filter((record) => subjects.has(record.internetMessageId ?? ''));
        return mine.length === MESSAGES && mine.every((record) => FINAL.has(record.status)) ? mine : undefined;
      },
      150_000,
      `${MESSAGES} final records`,
    );
    const seconds = (performance.now() - started) / 1000;
    const appSeconds = (Date.now() - startedAt) / 1000;
    await host.queue.whenIdle();
    const stats = host.microsoft.deliveryStats();
    // A move Graph refused goes back to the queue (after-processing.ts); once the queue is idle, every message moved.
    const leftInInbox = host.microsoft
      .receivedMessages(SUPPORT_MAILBOX, inboxId)
      .filter((message) => subjects.has(message.internetMessageId)).length;
    console.log(
      `incoming load: ${MESSAGES} messages in ${seconds.toFixed(1)} s real, ${((MESSAGES / seconds) * 60).toFixed(0)} messages a minute; ` +
        `${appSeconds.toFixed(1)} s of the app's clock (Retry-After waits included), ` +
        `${((MESSAGES / appSeconds) * 60).toFixed(0)} messages a minute; ` +
        `Graph faults given: ${stats.injected.throttle} x 429, ${stats.injected.unavailable} x 503; ` +
        `Exchange concurrency refusals: ${stats.limitRefusals.concurrency}; ` +
        `processed but left in the Inbox: ${leftInInbox}`,
    );
    expect(leftInInbox).toBe(0);
    expect(stats.injected.throttle).toBeGreaterThan(0);
    expect(stats.injected.unavailable).toBeGreaterThan(0);

    // One final record per message, each created or commented.
    expect(records.filter((record) => record.status === 'failed').map((record) => record.error)).toEqual([]);
    const created = records.filter((record) => record.status === 'created');
    const commented = records.filter((record) => record.status === 'commented');
    expect(created).toHaveLength(MESSAGES - MESSAGES / REPLY_EVERY);
    expect(commented).toHaveLength(MESSAGES / REPLY_EVERY);
    expect(commented.every((record) => record.issueKey === REPLY_ISSUE)).toBe(true);

    // Jira holds exactly those: one issue per new message, one comment per reply, none twice.
    const newIssues = host.jira.issueKeys().filter((key) => !issuesBefore.includes(key));
    expect(newIssues.sort()).toEqual(created.map((record) => String(record.issueKey)).sort());
    const summaries = await Promise.all(
      newIssues.map(
        async (key) =>
          (await jiraGet<{ fields: { summary: string } }>(host, `/rest/api/3/issue/${key}`)).fields.summary,
      ),
    );
    expect(summaries.sort()).toEqual(created.map((record) => subjects.get(String(record.internetMessageId))).sort());
    const newComments = (await allComments(REPLY_ISSUE)).slice(commentsBefore);
    expect(newComments.map((comment) => comment.id).sort()).toEqual(
      commented.map((record) => String(record.commentId)).sort(),
    );
  }, 180_000);
});
