import type { MailHandlerView } from '../../src/contract/mail-handlers';
import type { FinalOutcome } from '../../src/incoming/records/claim-message';
import type { IncomingRecord, SeenMessage } from '../../src/incoming/records/incoming-record';
import { openAdminPage, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const NOW = Date.now();
const MINUTE = 60_000;

/** Disabled: nothing connects them to a mailbox; the log only names them. */
const handlerView = (id: string, name: string, folder: string): MailHandlerView => ({
  id,
  name,
  enabled: false,
  credentialId: 'credential-1',
  folder,
  mode: 'issues-and-comments',
  projectKey: 'DEMO',
  issueTypeId: '10001',
  senders: 'anyone',
  allowedDomains: [],
  afterProcessing: 'move',
  processedFolder: 'Processed by Issue Mailer',
  subjectKeyPattern: String.raw`\[?\b([A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9})\b\]?`,
  backfillDays: 0,
  senderHourlyLimit: 20,
  createdAt: new Date(NOW - 60 * MINUTE).toISOString(),
  updatedAt: new Date(NOW - 60 * MINUTE).toISOString(),
});

const seen = (n: number, overrides: Partial<SeenMessage> = {}): SeenMessage => ({
  internetMessageId: `<incoming-${n}@customer.example>`,
  handlerId: 'handler-support',
  mailbox: 'support@contoso.onmicrosoft.com',
  graphMessageId: `AAMkAD-incoming-${n}`,
  from: { name: 'Casey Customer', address: 'casey@customer.example' },
  subject: `Incoming ${n}`,
  receivedAt: NOW - (10 - n) * MINUTE,
  requestId: `request-${n}`,
  ...overrides,
});

const MESSAGES: Array<[SeenMessage, FinalOutcome]> = [
  [seen(1), { status: 'created', issueKey: 'DEMO-1' }],
  [
    seen(2, { from: { name: 'Out of office', address: 'ooo@partner.example' } }),
    { status: 'ignored', reason: 'AUTO_SUBMITTED' },
  ],
  [seen(3, { handlerId: 'handler-sales' }), { status: 'held', reason: 'sender-hourly-limit' }],
  [
    seen(4),
    { status: 'failed', error: { code: 'JIRA_FIELDS_REFUSED', message: 'Jira refused the new issue for its fields.' } },
  ],
];

/**
 * Runs `work` as a function of the app would, in this process: with the local host's storage. The app's modules are
 * loaded here, after the host defined Forge's runtime globals (@forge/kvs picks its transport when it loads).
 */
const asApp = <T>(work: () => Promise<T>): Promise<T> =>
  run.host.runtime.invokeTrigger(async () => ({ value: await work() }), {
    functionKey: 'incoming-log-e2e-seed',
    moduleKey: 'incoming-log-e2e-seed',
    moduleType: 'scheduledTrigger',
  }) as Promise<T>;

const records = async () => {
  const [{ createIncomingRecordStore }, { createForgeEntityStore }, { INCOMING_MESSAGE_ENTITY }] = await Promise.all([
    import('../../src/incoming/records/incoming-records'),
    import('../../src/storage/entity-store'),
    import('../../src/storage/keys'),
  ]);
  return createIncomingRecordStore(createForgeEntityStore(INCOMING_MESSAGE_ENTITY));
};

/** Two handlers, and four messages as processMessage leaves them (claimed, then finished), a minute apart. */
const seed = () =>
  asApp(async () => {
    const [{ createMailHandlerStore }, { createAppKvStore }, { claimMessage, finishMessage }] = await Promise.all([
      import('../../src/mail-handlers/mail-handler-store'),
      import('../../src/composition/app-kv'),
      import('../../src/incoming/records/claim-message'),
    ]);
    const handlers = createMailHandlerStore(createAppKvStore());
    await handlers.put(handlerView('handler-support', 'Support inbox', 'Inbox'));
    await handlers.put(handlerView('handler-sales', 'Sales inbox', 'Sales'));
    const store = await records();
    for (const [index, [message, outcome]] of MESSAGES.entries()) {
      const at = NOW - (MESSAGES.length - index) * MINUTE;
      const claim = await claimMessage(store, message, { now: at, leaseMs: 120_000 });
      if (claim.kind !== 'claimed') throw new Error(`seeded twice: ${message.subject}`);
      await finishMessage(store, claim.record, outcome, at + 1_000);
    }
    return null;
  });

/** Reads `read` until it answers `wanted` (the table reloads after each filter), or fails with what it last saw. */
const until = async <T>(read: () => Promise<T>, wanted: T, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let seenLast = await read();
  while (JSON.stringify(seenLast) !== JSON.stringify(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seenLast = await read();
  }
  expect(seenLast).toEqual(wanted);
};

const storedRecord = async (n: number): Promise<IncomingRecord | undefined> => {
  const answer = (await asApp(async () => {
    const { incomingMessageKey } = await import('../../src/incoming/records/message-key');
    return (await records()).get(incomingMessageKey(seen(n)));
  })) as unknown as { value: IncomingRecord | undefined };
  return answer.value;
};

describe('the incoming log on the admin page', () => {
  it('lists what became of each message, filters, opens one, and processes a failed one again', async () => {
    await seed();
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Incoming log');
    const section = app.getByRole('region', { name: 'Incoming log' });
    const table = section.getByRole('table', { name: 'Incoming log' });
    await table.waitFor();

    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    // Newest first: time, handler, sender, subject, result, Graph's request-id.
    const cells = await rows.evaluateAll((found) =>
      found.map((row) => Array.from((row as HTMLTableRowElement).cells).map((cell) => cell.innerText.trim())),
    );
    expect(cells.map((row) => row.slice(1))).toEqual([
      [
        'Support inbox',
        'Casey Customer <casey@customer.example>',
        expect.stringContaining('Incoming 4'),
        expect.stringContaining('Failed: Jira refused the new issue for its fields.'),
        'request-4',
      ],
      [
        'Sales inbox',
        'Casey Customer <casey@customer.example>',
        expect.stringContaining('Incoming 3'),
        expect.stringContaining('Held: sender over the hourly limit'),
        'request-3',
      ],
      [
        'Support inbox',
        'Out of office <ooo@partner.example>',
        expect.stringContaining('Incoming 2'),
        expect.stringContaining('Ignored: auto-reply'),
        'request-2',
      ],
      [
        'Support inbox',
        'Casey Customer <casey@customer.example>',
        expect.stringContaining('Incoming 1'),
        expect.stringContaining('Created DEMO-1'),
        'request-1',
      ],
    ]);

    // Filters: the handler, then the sender (Enter applies it), then the result.
    const subjects = async () =>
      (await table.locator('tbody th button').allInnerTexts()).map((text) => text.replace('Open message', '').trim());
    await section.getByLabel('Handler', { exact: true }).selectOption({ label: 'Sales inbox' });
    await until(subjects, ['Incoming 3']);
    await section.getByLabel('Handler', { exact: true }).selectOption({ label: 'All' });
    await until(subjects, ['Incoming 4', 'Incoming 3', 'Incoming 2', 'Incoming 1']);
    const sender = section.getByLabel('Sender', { exact: true });
    await sender.fill('OOO@partner.example');
    await sender.press('Enter');
    await until(subjects, ['Incoming 2']);
    await section.getByRole('button', { name: 'Clear filters' }).click();
    await section.getByLabel('Result', { exact: true }).selectOption({ label: 'Failed' });
    await until(subjects, ['Incoming 4']);

    // The detail, by keyboard: the subject's button opens it and its heading takes focus.
    await table.getByRole('button', { name: 'Open message Incoming 4' }).focus();
    await run.page.keyboard.press('Enter');
    const detail = section.getByRole('region', { name: 'Incoming 4' });
    await detail.getByText('JIRA_FIELDS_REFUSED').waitFor();
    const facts = await detail.innerText();
    expect(facts).toContain('request-4');
    expect(facts).toContain('<incoming-4@customer.example>');

    await detail.getByRole('button', { name: 'Process again' }).click();
    await detail.getByText('Queued to be processed again').waitFor();
    expect(await detail.getByRole('button', { name: 'Process again' }).count()).toBe(0);
    await table.getByRole('row').filter({ hasText: 'Incoming 4' }).getByText('Processing').first().waitFor();

    // The record is claimed again for the worker, its failure cleared (the job it pushes is asserted in
    // test/unit/incoming/log: the local host counts only queues that have a consumer).
    const stored = await storedRecord(4);
    expect(stored?.error).toBeUndefined();
    expect(stored?.attempts).toBeGreaterThanOrEqual(2);

    await run.page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(run.pageErrors).toEqual([]);
  });
});
