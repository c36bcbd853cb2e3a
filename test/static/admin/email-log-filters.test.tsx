/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import {
  startOfLocalDay,
  TO_BEFORE_FROM_MESSAGE,
  toListPayload,
} from '../../../static/admin/src/email-log/email-log-query';
import { EmailLogSection } from '../../../static/admin/src/email-log/email-log-section';
import { ISSUE_KEY_DELAY_MS } from '../../../static/admin/src/email-log/use-email-log';
import {
  advance,
  blur,
  buttonNamed,
  choose,
  click,
  controlLabelled,
  mount,
  type Mounted,
  press,
  queryButtonNamed,
  regionNamed,
  typeInto,
} from './support/dom';
import { page, summary } from './support/email-log-fixtures';
import { backend } from './support/fake-admin-bridge';

/** Local midnight as the browser's Date writes it: the time zone of the machine running the tests. */
const localMidnight = (year: number, month: number, day: number) => new Date(year, month - 1, day).toISOString();

let mounted: Mounted | null = null;

beforeEach(() => {
  jest.useFakeTimers();
  backend.reset();
  backend.on('listEmailLog', () => page([summary(1)]));
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  jest.useRealTimers();
});

const open = async () => {
  mounted = await mount(<EmailLogSection />);
  return regionNamed(mounted.container, 'Email log');
};

describe('startOfLocalDay and toListPayload', () => {
  it.each([
    ['2026-03-08', 0, localMidnight(2026, 3, 8)],
    ['2026-03-08', 1, localMidnight(2026, 3, 9)],
    ['2026-12-31', 1, localMidnight(2027, 1, 1)],
    [
      '0099-05-01',
      0,
      (() => {
        const day = new Date(0);
        day.setFullYear(99, 4, 1);
        day.setHours(0, 0, 0, 0);
        return day.toISOString();
      })(),
    ],
    ['', 0, undefined],
    ['26.11.2026', 0, undefined],
  ])('%s plus %i days starts at that local midnight', (date, addDays, expected) => {
    expect(startOfLocalDay(date, addDays)).toBe(expected);
  });

  it('names only the filters that are set, with "to" the start of the day after To', () => {
    expect(toListPayload({ status: '', issueKey: '  ', from: '', to: '' })).toEqual({});
    const filters = { status: 'retrying', issueKey: ' demo-12 ', from: '2026-11-01', to: '2026-11-26' } as const;
    expect(toListPayload(filters, 'c2')).toEqual({
      status: 'retrying',
      issueKey: 'DEMO-12',
      from: localMidnight(2026, 11, 1),
      to: localMidnight(2026, 11, 27),
      cursor: 'c2',
    });
  });
});

describe('email log filters', () => {
  it('asks for the newest emails without filters when the section opens', async () => {
    const section = await open();
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}]);
    for (const label of ['Status', 'Issue', 'From', 'To']) expect(controlLabelled(section, label)).toBeTruthy();
    expect(queryButtonNamed(section, 'Clear filters')).toBeNull();
  });

  it.each([
    ['Queued', 'queued'],
    ['Sending', 'sending'],
    ['Retrying', 'retrying'],
    ['Sent', 'sent'],
    ['Failed', 'failed'],
  ] as const)('choosing %s asks at once with { status: "%s" }', async (label, status) => {
    const section = await open();
    const select = controlLabelled<HTMLSelectElement>(section, 'Status');
    expect(Array.from(select.options).map((option) => option.text)).toEqual([
      'All',
      'Queued',
      'Sending',
      'Retrying',
      'Sent',
      'Failed',
    ]);
    await choose(select, status);
    expect(select.selectedOptions[0]?.text).toBe(label);
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}, { status }]);
  });

  it('asks for the typed issue key in upper case once typing pauses, not on every key', async () => {
    const section = await open();
    const issue = controlLabelled(section, 'Issue');
    await typeInto(issue, 'd');
    await typeInto(issue, 'demo-1');
    await typeInto(issue, 'demo-12');
    await advance(ISSUE_KEY_DELAY_MS - 1);
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}]);
    await advance(1);
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}, { issueKey: 'DEMO-12' }]);
  });

  it('asks at once on Enter and shows the key as searched', async () => {
    const section = await open();
    const issue = controlLabelled(section, 'Issue');
    await typeInto(issue, ' ops-7 ');
    expect(await press(issue, 'Enter')).toBe(false);
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}, { issueKey: 'OPS-7' }]);
    expect(issue.value).toBe('OPS-7');
    await advance(ISSUE_KEY_DELAY_MS);
    expect(backend.payloadsOf('listEmailLog')).toHaveLength(2);
  });

  it('asks at once when the issue field is left', async () => {
    const section = await open();
    const issue = controlLabelled(section, 'Issue');
    await typeInto(issue, 'demo-3');
    await blur(issue);
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}, { issueKey: 'DEMO-3' }]);
  });

  it('does not send a key the backend would refuse, and says why on the field', async () => {
    const section = await open();
    const issue = controlLabelled(section, 'Issue');
    await typeInto(issue, 'demo');
    await advance(ISSUE_KEY_DELAY_MS);
    expect(backend.payloadsOf('listEmailLog')).toEqual([{}]);
    expect(issue.getAttribute('aria-invalid')).toBe('true');
    const describedBy = issue.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Enter an issue key such as DEMO-12.');
  });

  it('asks for From and To as the local start of From and of the day after To', async () => {
    const section = await open();
    await typeInto(controlLabelled(section, 'From'), '2026-03-08');
    await typeInto(controlLabelled(section, 'To'), '2026-03-09');
    expect(backend.payloadsOf('listEmailLog')).toEqual([
      {},
      { from: localMidnight(2026, 3, 8) },
      { from: localMidnight(2026, 3, 8), to: localMidnight(2026, 3, 10) },
    ]);
  });

  it('combines every filter in one payload', async () => {
    const section = await open();
    await choose(controlLabelled<HTMLSelectElement>(section, 'Status'), 'failed');
    const issue = controlLabelled(section, 'Issue');
    await typeInto(issue, 'demo-12');
    await press(issue, 'Enter');
    await typeInto(controlLabelled(section, 'From'), '2026-11-01');
    await typeInto(controlLabelled(section, 'To'), '2026-11-26');
    expect(backend.payloadsOf('listEmailLog').at(-1)).toEqual({
      status: 'failed',
      issueKey: 'DEMO-12',
      from: localMidnight(2026, 11, 1),
      to: localMidnight(2026, 11, 27),
    });
  });

  it('refuses a To date before the From date without asking', async () => {
    const section = await open();
    await typeInto(controlLabelled(section, 'From'), '2026-11-20');
    const to = controlLabelled(section, 'To');
    await typeInto(to, '2026-11-19');
    expect(backend.payloadsOf('listEmailLog')).toHaveLength(2);
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(to.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe(TO_BEFORE_FROM_MESSAGE);
  });

  it('"Clear filters" asks again without filters and puts focus on Status', async () => {
    const section = await open();
    await choose(controlLabelled<HTMLSelectElement>(section, 'Status'), 'sent');
    await typeInto(controlLabelled(section, 'From'), '2026-11-01');
    await click(buttonNamed(section, 'Clear filters'));
    expect(backend.payloadsOf('listEmailLog')).toEqual([
      {},
      { status: 'sent' },
      { status: 'sent', from: localMidnight(2026, 11, 1) },
      {},
    ]);
    expect(controlLabelled<HTMLSelectElement>(section, 'Status').value).toBe('');
    expect(controlLabelled(section, 'From').value).toBe('');
    expect(document.activeElement).toBe(controlLabelled(section, 'Status'));
    expect(queryButtonNamed(section, 'Clear filters')).toBeNull();
  });

  it.each([
    [
      'no filter',
      async (_section: HTMLElement) => undefined,
      'No emails yet. Emails people send from issues appear here.',
    ],
    [
      'a filter',
      async (section: HTMLElement) => choose(controlLabelled<HTMLSelectElement>(section, 'Status'), 'failed'),
      'No emails match these filters.',
    ],
  ])('an empty page with %s says so', async (_case, filter, message) => {
    backend.on('listEmailLog', () => page([]));
    const section = await open();
    await filter(section);
    expect(section.querySelector('.im-empty')?.textContent).toBe(message);
    expect(section.querySelector('table')).toBeNull();
  });

  it('keeps only the newest answer when an older request answers last', async () => {
    const answers: Array<(value: ReturnType<typeof page>) => void> = [];
    backend.on('listEmailLog', () => new Promise((resolve) => answers.push(resolve)));
    const section = await open();
    await choose(controlLabelled<HTMLSelectElement>(section, 'Status'), 'failed');
    answers[1]?.(page([summary(2, { status: 'failed' })]));
    await advance(0);
    answers[0]?.(page([summary(1)]));
    await advance(0);
    expect(buttonNamed(section, 'Open email [DEMO-2] Printer on fire')).toBeTruthy();
    expect(queryButtonNamed(section, 'Open email [DEMO-1] Printer on fire')).toBeNull();
  });
});
