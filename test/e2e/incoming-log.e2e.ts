import type { MailHandlerView } from '../../src/contract/mail-handlers';
import type { FinalOutcome } from '../../src/incoming/records/claim-message';
import type { IncomingRecord, SeenMessage } from '../../src/incoming/records/incoming-record';
import { eventually, saveHandler } from './incoming/support';
import { openAdminPage, showAdminSection, SUPPORT_MAILBOX, useHostedBrowser } from './support/admin-page';
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
  handlerId: 'handler-archive',
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
    await handlers.put(handlerView('handler-archive', 'Archive inbox', 'Archive'));
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

/** Every incoming record, newest first. */
const allRecords = async (): Promise<IncomingRecord[]> => {
  const answer = (await asApp(
    async () => (await (await records()).query({ order: 'newest', limit: 50 })).records,
  )) as unknown as {
    value: IncomingRecord[];
  };
  return answer.value;
};

const recordOf = (subject: string, status: IncomingRecord['status']) =>
  eventually(
    async () => (await allRecords()).find((record) => record.subject === subject && record.status === status),
    20_000,
    `${subject} ${status}`,
  );

describe('the incoming log on the admin page', () => {
  it('lists what became of each message, filters, and opens one by keyboard', async () => {
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
        'Archive inbox',
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
        'Archive inbox',
        'Out of office <ooo@partner.example>',
        expect.stringContaining('Incoming 2'),
        expect.stringContaining('Ignored: auto-reply'),
        'request-2',
      ],
      [
        'Archive inbox',
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

    // Its handler is switched off: the worker would drop the job, so the log offers no "Process again".
    expect(await detail.getByRole('button', { name: 'Process again' }).count()).toBe(0);

    await run.page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(run.pageErrors).toEqual([]);
  });

  it('processes a held message again: Processing, then the worker creates its issue past the hourly limit', async () => {
    const { host } = run;
    // A handler of the support mailbox that takes one message an hour from a sender, connected by the upkeep.
    await saveHandler(host, { senderHourlyLimit: 1 });
    expect((await host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
    await host.queue.whenIdle();
    const before = host.jira.issueKeys();
    const write = (subject: string) =>
      host.microsoft.deliverMail({
        mailbox: SUPPORT_MAILBOX,
        fromName: 'Dana Customer',
        fromAddress: 'dana@example.com',
        subject,
        text: 'The scanner jams.',
      });
    write('Scanner, first');
    await recordOf('Scanner, first', 'created');
    write('Scanner, again');
    await recordOf('Scanner, again', 'held');

    const app = await openAdminPage(run);
    await showAdminSection(app, 'Incoming log');
    const section = app.getByRole('region', { name: 'Incoming log' });
    const table = section.getByRole('table', { name: 'Incoming log' });
    await section.getByLabel('Result', { exact: true }).selectOption({ label: 'Held' });
    const held = table.getByRole('row').filter({ hasText: 'Scanner, again' });
    await held.getByText('Held: sender over the hourly limit').waitFor();
    expect(await held.innerText()).toContain('Support inbox');

    await held.getByRole('button', { name: 'Open message Scanner, again' }).click();
    const detail = section.getByRole('region', { name: 'Scanner, again' });
    await detail.getByRole('button', { name: 'Process again' }).click();
    await detail
      .getByText('Queued to be processed again')
      .or(detail.getByText(/^Created DEMO-/))
      .first()
      .waitFor();
    // The panel follows the message until the worker has written it; the limit does not hold it again.
    await detail.getByText(/^Created DEMO-\d+$/).waitFor({ timeout: 20_000 });
    const created = await recordOf('Scanner, again', 'created');
    expect(host.jira.issueKeys().filter((key) => !before.includes(key))).toHaveLength(2);
    expect(created.issueKey).toBeDefined();
    expect(await table.getByRole('row').filter({ hasText: 'Scanner, again' }).innerText()).toContain(
      `Created ${created.issueKey ?? ''}`,
    );
    expect(run.pageErrors).toEqual([]);
  }, 90_000);
});
