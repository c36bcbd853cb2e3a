/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { EmailLogPage, ResolverResult } from '../../../src/contract';
import { EmailLogSection } from '../../../static/admin/src/email-log/email-log-section';
import { formatDateTime } from '../../../static/admin/src/shared/format';
import {
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  paragraphsOf,
  queryButtonNamed,
  regionNamed,
  rowTexts,
  settle,
  tableNamed,
  textOf,
} from './support/dom';
import { page, summary } from './support/email-log-fixtures';
import { backend, deferred } from './support/fake-admin-bridge';

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const open = async () => {
  mounted = await mount(<EmailLogSection />);
  return regionNamed(mounted.container, 'Email log');
};

describe('email log table', () => {
  it('shows each email newest first as the backend answers, with its status as a lozenge', async () => {
    backend.on('listEmailLog', () =>
      page([
        summary(3, {
          status: 'failed',
          attempts: 5,
          to: ['ana@contoso.example', 'ben@contoso.example', 'cy@contoso.example'],
        }),
        summary(2, { status: 'retrying', attempts: 2 }),
        summary(1, { status: 'queued', attempts: 0, senderMailbox: 'support@contoso.example' }),
      ]),
    );
    const section = await open();
    const table = tableNamed(section, 'Email log');
    expect(Array.from(table.tHead?.rows[0]?.cells ?? []).map(textOf)).toEqual([
      'Time',
      'Issue',
      'Subject',
      'To',
      'From',
      'Status',
      'Attempts',
    ]);
    expect(rowTexts(table)).toEqual([
      [
        formatDateTime('2026-11-26T20:03:00.000Z'),
        'DEMO-3',
        'Open email [DEMO-3] Printer on fire',
        'ana@contoso.example and 2 more',
        'jira@contoso.example',
        'Failed',
        '5',
      ],
      [
        formatDateTime('2026-11-26T20:02:00.000Z'),
        'DEMO-2',
        'Open email [DEMO-2] Printer on fire',
        'ana@contoso.example',
        'jira@contoso.example',
        'Retrying',
        '2',
      ],
      [
        formatDateTime('2026-11-26T20:01:00.000Z'),
        'DEMO-1',
        'Open email [DEMO-1] Printer on fire',
        'ana@contoso.example',
        'support@contoso.example',
        'Queued',
        '0',
      ],
    ]);
    const lozenges = Array.from(table.querySelectorAll('tbody .im-lozenge')).map((element) => element.className);
    expect(lozenges).toEqual(['im-lozenge im-lozenge--danger', 'im-lozenge im-lozenge--in-progress', 'im-lozenge']);
    expect(queryButtonNamed(section, 'Load more')).toBeNull();
  });

  it('shows a skeleton and says it is loading until the first page answers', async () => {
    const answer = deferred<ResolverResult<EmailLogPage>>();
    backend.on('listEmailLog', () => answer.promise);
    const section = await open();
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(section.querySelector('.im-table--skeleton')).not.toBeNull();
    expect(section.querySelector('[role="status"]')?.textContent).toBe('Loading emails…');
    answer.resolve(page([summary(1)]));
    await settle();
    expect(section.getAttribute('aria-busy')).toBe('false');
    expect(section.querySelector('.im-table--skeleton')).toBeNull();
    expect(rowTexts(tableNamed(section, 'Email log'))).toHaveLength(1);
  });

  it('"Load more" asks with the same filters and the cursor, appends the page and focuses its first row', async () => {
    backend.on('listEmailLog', (query) =>
      query.cursor === undefined
        ? page([summary(4, { status: 'failed' }), summary(3, { status: 'failed' })], 'cursor-2')
        : page([summary(2, { status: 'failed' }), summary(1, { status: 'failed' })]),
    );
    const section = await open();
    await choose(controlLabelled<HTMLSelectElement>(section, 'Status'), 'failed');
    await click(buttonNamed(section, 'Load more'));
    expect(backend.payloadsOf('listEmailLog')).toEqual([
      {},
      { status: 'failed' },
      { status: 'failed', cursor: 'cursor-2' },
    ]);
    expect(rowTexts(tableNamed(section, 'Email log')).map((cells) => cells[1])).toEqual([
      'DEMO-4',
      'DEMO-3',
      'DEMO-2',
      'DEMO-1',
    ]);
    expect(queryButtonNamed(section, 'Load more')).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(section, 'Open email [DEMO-2] Printer on fire'));
  });

  it('adds only rows it does not show yet when a page repeats one', async () => {
    backend.on('listEmailLog', (query) =>
      query.cursor === undefined ? page([summary(3), summary(2)], 'c') : page([summary(2), summary(1)], 'd'),
    );
    const section = await open();
    await click(buttonNamed(section, 'Load more'));
    expect(rowTexts(tableNamed(section, 'Email log')).map((cells) => cells[1])).toEqual(['DEMO-3', 'DEMO-2', 'DEMO-1']);
    await click(buttonNamed(section, 'Load more'));
    expect(backend.payloadsOf('listEmailLog').at(-1)).toEqual({ cursor: 'd' });
  });

  it('keeps the rows and says why when the next page fails', async () => {
    backend.on('listEmailLog', (query) =>
      query.cursor === undefined
        ? page([summary(2)], 'c')
        : { ok: false, error: { code: 'INVALID_CURSOR', message: 'The list changed. Load it again.' } },
    );
    const section = await open();
    await click(buttonNamed(section, 'Load more'));
    expect(paragraphsOf(section.querySelector('[role="alert"]'))).toEqual([
      'More emails could not be loaded',
      'The list changed. Load it again.',
    ]);
    expect(rowTexts(tableNamed(section, 'Email log'))).toHaveLength(1);
    expect(buttonNamed(section, 'Load more')).toBeTruthy();
  });

  it('shows the backend message when the log cannot be loaded, and tries again', async () => {
    backend.on('listEmailLog', () => ({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira admins can see the email log.' },
    }));
    const section = await open();
    expect(paragraphsOf(section.querySelector('[role="alert"]'))).toEqual([
      'The email log could not be loaded',
      'Only Jira admins can see the email log.',
      'Try again',
    ]);
    backend.on('listEmailLog', () => page([summary(1)]));
    await click(buttonNamed(section, 'Try again'));
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}, {}]);
    expect(rowTexts(tableNamed(section, 'Email log'))).toHaveLength(1);
  });

  it('"Refresh" asks for the first page again with the same filters', async () => {
    const pages = [
      page([summary(1)]),
      page([summary(1, { status: 'failed' })]),
      page([summary(2), summary(1, { status: 'failed' })]),
    ];
    backend.on('listEmailLog', () => pages.shift() ?? page([]));
    const section = await open();
    await choose(controlLabelled<HTMLSelectElement>(section, 'Status'), 'failed');
    await click(buttonNamed(section, 'Refresh'));
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}, { status: 'failed' }, { status: 'failed' }]);
    expect(rowTexts(tableNamed(section, 'Email log')).map((cells) => cells[1])).toEqual(['DEMO-2', 'DEMO-1']);
  });
});
