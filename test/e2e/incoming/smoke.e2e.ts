import { SUPPORT_MAILBOX } from '../support/admin-page';
import { commentsOf, eventually, type IncomingStack, saveHandler, startIncomingStack } from './support';

let stack: IncomingStack;

beforeAll(async () => {
  stack = await startIncomingStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('incoming mail smoke', () => {
  it('a new email becomes an issue once the handler is connected', async () => {
    const { host } = stack;
    const before = host.jira.issueKeys();
    await saveHandler(host);
    const run = await host.runTrigger('incoming-mail-upkeep');
    expect(run.outcome).toBe('succeeded');
    await host.queue.whenIdle();
    host.microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromName: 'Jordan Customer',
      fromAddress: 'jordan@example.com',
      subject: 'The printer is on fire',
      text: 'Please send help.',
    });
    const created = await eventually(
      () => host.jira.issueKeys().find((key) => !before.includes(key)),
      10_000,
      'a new issue',
    );
    expect(await commentsOf(host, created)).toEqual([]);
    const record = await eventually(
      () => stack.records().find((one) => one.status === 'created'),
      10_000,
      'its record',
    );
    expect(record).toMatchObject({
      issueKey: created,
      subject: 'The printer is on fire',
      handlerId: expect.any(String),
    });
  });
});
