/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type {
  IncomingLogEntry,
  IncomingLogPage,
  IncomingLogSummary,
  ListIncomingLogInput,
  ResolverResult,
} from '../../../src/contract';
import { IncomingLogSection } from '../../../static/admin/src/incoming-log/incoming-log-section';
import { formatDateTime } from '../../../static/admin/src/shared/format';
import {
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  press,
  queryButtonNamed,
  regionNamed,
  rowTexts,
  tableNamed,
  textOf,
  typeInto,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';

const key = (n: number) => String(n).padStart(64, '0');
const HANDLERS = [
  { id: 'handler-1', name: 'Support inbox', enabled: true },
  { id: 'handler-2', name: 'Sales inbox', enabled: true },
];

const summary = (n: number, overrides: Partial<IncomingLogSummary> = {}): IncomingLogSummary => ({
  messageKey: key(n),
  createdAt: `2026-12-06T10:0${n}:00.000Z`,
  updatedAt: `2026-12-06T10:0${n}:01.000Z`,
  receivedAt: `2026-12-06T10:0${n}:00.000Z`,
  handlerId: 'handler-1',
  handlerName: 'Support inbox',
  mailbox: 'support@contoso.example',
  from: { name: 'Casey Customer', address: 'casey@customer.example' },
  subject: `Message ${n}`,
  status: 'created',
  result: `Created DEMO-${n}`,
  issueKey: `DEMO-${n}`,
  requestId: `req-${n}`,
  canProcessAgain: false,
  ...overrides,
});

const FAILED = summary(3, {
  status: 'failed',
  result: 'Failed: Jira refused the new issue for its fields.',
  canProcessAgain: true,
  issueKey: undefined,
});

const entryOf = (row: IncomingLogSummary, overrides: Partial<IncomingLogEntry> = {}): IncomingLogEntry => ({
  ...row,
  internetMessageId: `<message-${row.subject}@customer.example>`,
  attempts: 1,
  alsoSeenBy: [],
  ...overrides,
});

const page = (items: IncomingLogSummary[], cursor?: string): ResolverResult<IncomingLogPage> => ({
  ok: true,
  data: { items, handlers: HANDLERS, ...(cursor === undefined ? {} : { cursor }) },
});

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const open = async () => {
  mounted = await mount(<IncomingLogSection />);
  return regionNamed(mounted.container, 'Incoming log');
};

describe('the incoming log section', () => {
  it('shows each message newest first with its time, handler, sender, subject, result and request ID', async () => {
    backend.on('listIncomingLog', () =>
      page([
        FAILED,
        summary(2, { status: 'ignored', result: 'Ignored: auto-reply', issueKey: undefined, requestId: undefined }),
        summary(1, { handlerName: 'Deleted handler', from: { address: 'ana@partner.example' } }),
      ]),
    );
    const section = await open();
    const table = tableNamed(section, 'Incoming log');
    expect(Array.from(table.tHead?.rows[0]?.cells ?? []).map(textOf)).toEqual([
      'Time',
      'Handler',
      'From',
      'Subject',
      'Result',
      'Request ID',
    ]);
    expect(rowTexts(table)).toEqual([
      [
        formatDateTime(FAILED.createdAt),
        'Support inbox',
        'Casey Customer <casey@customer.example>',
        'Open message Message 3',
        'FailedFailed: Jira refused the new issue for its fields.',
        'req-3',
      ],
      [
        formatDateTime('2026-12-06T10:02:00.000Z'),
        'Support inbox',
        'Casey Customer <casey@customer.example>',
        'Open message Message 2',
        'IgnoredIgnored: auto-reply',
        '—',
      ],
      [
        formatDateTime('2026-12-06T10:01:00.000Z'),
        'Deleted handler',
        'ana@partner.example',
        'Open message Message 1',
        'CreatedCreated DEMO-1',
        'req-1',
      ],
    ]);
    // Opening is one read: the section's part of loadAdminView.
    expect(backend.calls.map((call) => call.functionKey)).toEqual(['loadAdminView']);
  });

  it('filters by result, handler, sender and dates, sending only what is set, and refuses a half address', async () => {
    const asked: ListIncomingLogInput[] = [];
    backend.on('listIncomingLog', (query) => {
      asked.push(query);
      return page([summary(1)]);
    });
    const section = await open();
    expect(Array.from(controlLabelled<HTMLSelectElement>(section, 'Handler').options).map(textOf)).toEqual([
      'All',
      'Support inbox',
      'Sales inbox',
    ]);

    await choose(controlLabelled<HTMLSelectElement>(section, 'Result'), 'held');
    await choose(controlLabelled<HTMLSelectElement>(section, 'Handler'), 'handler-2');
    const sender = controlLabelled(section, 'Sender');
    await typeInto(sender, 'casey@');
    await press(sender, 'Enter');
    expect(sender.getAttribute('aria-invalid')).toBe('true');
    expect(textOf(section.querySelector('#incoming-log-sender-error') ?? section)).toBe(
      'Enter a whole email address such as casey@example.com.',
    );
    await typeInto(sender, ' Casey@Customer.example ');
    await press(sender, 'Enter');
    await typeInto(controlLabelled(section, 'From'), '2026-12-01');

    const last = asked.at(-1);
    expect(last).toMatchObject({ status: 'held', handlerId: 'handler-2', sender: 'casey@customer.example' });
    expect(typeof last?.from).toBe('string');
    expect(last?.to).toBeUndefined();
    // The half address was never sent.
    expect(asked.some((query) => query.sender === 'casey@')).toBe(false);

    await click(buttonNamed(section, 'Clear filters'));
    expect(asked.at(-1)).toEqual({});
  });

  it('opens a failed message, processes it again and shows it Processing in the panel and the table', async () => {
    backend.on('listIncomingLog', () => page([FAILED]));
    const failed = entryOf(FAILED, {
      error: { code: 'JIRA_FIELDS_REFUSED', message: 'Jira refused the new issue for its fields.' },
      attempts: 1,
    });
    const processing = entryOf(FAILED, {
      status: 'processing',
      result: 'Processing',
      canProcessAgain: false,
      attempts: 2,
    });
    backend.on('getIncomingLogEntry', () => ({ ok: true, data: failed }));
    backend.on('processIncomingAgain', () => ({ ok: true, data: processing }));
    const section = await open();

    await click(buttonNamed(section, 'Open message Message 3'));
    const detail = regionNamed(section, 'Message 3');
    expect(textOf(detail)).toContain('JIRA_FIELDS_REFUSED Jira refused the new issue for its fields.');
    expect(textOf(detail)).toContain('req-3');

    backend.on('getIncomingLogEntry', () => ({ ok: true, data: processing }));
    await click(buttonNamed(detail, 'Process again'));
    expect(backend.payloadsOf('processIncomingAgain')).toEqual([{ messageKey: key(3) }]);
    expect(textOf(detail)).toContain('Queued to be processed again');
    expect(queryButtonNamed(detail, 'Process again')).toBeNull();
    expect(document.activeElement?.id).toBe('incoming-detail-title');
    expect(rowTexts(tableNamed(section, 'Incoming log'))[0]?.[4]).toBe('ProcessingProcessing');

    await press(detail, 'Escape');
    expect(document.activeElement?.id).toBe(`incoming-open-${key(3)}`);
  });

  it('says why Process again was refused, and keeps the button', async () => {
    backend.on('listIncomingLog', () => page([FAILED]));
    backend.on('getIncomingLogEntry', () => ({ ok: true, data: entryOf(FAILED) }));
    backend.on('processIncomingAgain', () => ({
      ok: false,
      error: {
        code: 'INCOMING_QUEUE_UNAVAILABLE',
        message: 'Jira could not queue the message right now. It is still listed as before; try again in a minute.',
      },
    }));
    const section = await open();
    await click(buttonNamed(section, 'Open message Message 3'));
    const detail = regionNamed(section, 'Message 3');
    await click(buttonNamed(detail, 'Process again'));
    expect(textOf(detail)).toContain('The message was not queued again');
    expect(textOf(detail)).toContain('It is still listed as before');
    expect(queryButtonNamed(detail, 'Process again')).not.toBeNull();
  });

  it('pages with Load more and says when nothing matches', async () => {
    backend.on('listIncomingLog', (query) =>
      query.cursor === 'next' ? page([summary(1)]) : query.status ? page([]) : page([summary(2)], 'next'),
    );
    const section = await open();
    await click(buttonNamed(section, 'Load more'));
    expect(rowTexts(tableNamed(section, 'Incoming log')).map((row) => row[3])).toEqual([
      'Open message Message 2',
      'Open message Message 1',
    ]);
    expect(queryButtonNamed(section, 'Load more')).toBeNull();
    await choose(controlLabelled<HTMLSelectElement>(section, 'Result'), 'failed');
    expect(textOf(section)).toContain('No messages match these filters.');
  });
});
