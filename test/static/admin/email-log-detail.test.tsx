/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { EmailLogEntry } from '../../../src/contract';
import { EmailLogSection } from '../../../static/admin/src/email-log/email-log-section';
import { ENTRY_REFRESH_MS } from '../../../static/admin/src/email-log/use-email-log-entry';
import { formatDateTime } from '../../../static/admin/src/shared/format';
import {
  advance,
  buttonNamed,
  click,
  mount,
  type Mounted,
  paragraphsOf,
  press,
  queryButtonNamed,
  queryRegionNamed,
  regionNamed,
  rowTexts,
  tableNamed,
  textOf,
} from './support/dom';
import { emailId, entry, page, summary } from './support/email-log-fixtures';
import { backend } from './support/fake-admin-bridge';

const SUBJECT = '[DEMO-7] Printer on fire';
const ID = emailId(7);

const FAILED: EmailLogEntry = entry(7, {
  status: 'failed',
  attempts: 3,
  canResend: true,
  to: ['ana@contoso.example', 'ben@contoso.example'],
  cc: ['cy@contoso.example'],
  bccCount: 2,
  attachmentCount: 3,
  requestedBy: { accountId: 'acc-9', name: 'Jordan Lee' },
  lastError: { code: 'GRAPH_INVALID_RECIPIENTS', message: 'Microsoft 365 refused a recipient address.' },
  requestId: 'b7a3c1de-1111-4222-8333-444455556666',
  events: [
    { at: '2026-11-26T20:07:00.000Z', status: 'queued', note: 'Queued by Jordan Lee' },
    { at: '2026-11-26T20:07:01.000Z', status: 'sending', note: 'Handing it to Microsoft 365', attempt: 1 },
    {
      at: '2026-11-26T20:07:02.000Z',
      status: 'failed',
      note: 'Microsoft 365 refused it (400)',
      attempt: 1,
      requestId: 'b7a3c1de-1111-4222-8333-444455556666',
      error: { code: 'GRAPH_INVALID_RECIPIENTS', message: 'Microsoft 365 refused a recipient address.' },
    },
  ],
});

const QUEUED: EmailLogEntry = {
  ...FAILED,
  status: 'queued',
  canResend: false,
  nextAttemptAt: '2026-11-26T21:00:00.000Z',
  events: [...FAILED.events, { at: '2026-11-26T21:00:00.000Z', status: 'queued', note: 'Resent by Alex Admin' }],
};

const SENT: EmailLogEntry = {
  ...QUEUED,
  status: 'sent',
  attempts: 4,
  sentAt: '2026-11-26T21:00:03.000Z',
  nextAttemptAt: undefined,
  lastError: undefined,
  events: [
    ...QUEUED.events,
    { at: '2026-11-26T21:00:03.000Z', status: 'sent', note: 'Microsoft 365 accepted it (202)', attempt: 4 },
  ],
};

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
  backend.on('listEmailLog', () => page([summary(8), summary(7, { status: 'failed', attempts: 3, canResend: true })]));
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
  backend.on('getEmailLogEntry', () => ({ ok: true, data: FAILED }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  jest.useRealTimers();
});

const openSection = async () => {
  mounted = await mount(<EmailLogSection />);
  return regionNamed(mounted.container, 'Email log');
};

const openEmail = async (section: HTMLElement) => {
  await click(buttonNamed(section, `Open email ${SUBJECT}`));
  return regionNamed(section, SUBJECT);
};

/** The facts list as term → text. */
const facts = (panel: HTMLElement) =>
  Object.fromEntries(
    Array.from(panel.querySelectorAll('dl > div')).map((item) => [
      textOf(item.querySelector('dt') as Element),
      textOf(item.querySelector('dd') as Element),
    ]),
  );

const statusCell = (section: HTMLElement, issueKey: string) =>
  rowTexts(tableNamed(section, 'Email log')).find((cells) => cells[1] === issueKey)?.[5];

describe('email log detail', () => {
  it('shows every fact of the email, its last error and its events', async () => {
    const section = await openSection();
    const panel = await openEmail(section);
    expect(backend.payloadsOf('getEmailLogEntry')).toEqual([{ emailId: ID }]);
    expect(textOf(panel.querySelector('h3') as Element)).toBe(SUBJECT);
    expect(facts(panel)).toEqual({
      Status: 'Failed',
      Issue: 'DEMO-7',
      Created: formatDateTime('2026-11-26T20:07:00.000Z'),
      From: 'jira@contoso.example',
      To: 'ana@contoso.example, ben@contoso.example',
      Cc: 'cy@contoso.example',
      Bcc: '2 recipients',
      Attachments: '3 files',
      'Requested by': 'Jordan Lee',
      Attempts: '3',
      'Last error': 'GRAPH_INVALID_RECIPIENTS Microsoft 365 refused a recipient address.',
      'Request ID': 'b7a3c1de-1111-4222-8333-444455556666',
      'Email ID': ID,
    });
    const events = regionNamed(panel, 'Delivery events');
    expect(Array.from(events.querySelectorAll('li')).map((item) => paragraphsOf(item))).toEqual([
      ['Queued by Jordan Lee'],
      ['Handing it to Microsoft 365', 'Attempt 1'],
      [
        'Microsoft 365 refused it (400)',
        'Attempt 1 · Request ID b7a3c1de-1111-4222-8333-444455556666',
        'GRAPH_INVALID_RECIPIENTS Microsoft 365 refused a recipient address.',
      ],
    ]);
    expect(Array.from(events.querySelectorAll('li .im-lozenge')).map(textOf)).toEqual(['Queued', 'Sending', 'Failed']);
    expect(Array.from(events.querySelectorAll('li time')).map((time) => time.getAttribute('dateTime'))).toEqual(
      FAILED.events.map((event) => event.at),
    );
  });

  it('opens from the keyboard: a native button, focus on the panel, Escape brings it back', async () => {
    const section = await openSection();
    const opener = buttonNamed(section, `Open email ${SUBJECT}`);
    expect(opener.type).toBe('button');
    expect(opener.tabIndex).toBe(0);
    opener.focus();
    // Enter and Space activate a native button; jsdom does not, so the test clicks as the browser would.
    await press(opener, 'Enter');
    await click(opener);
    const panel = regionNamed(section, SUBJECT);
    expect(document.activeElement).toBe(panel.querySelector('h3'));
    const row = opener.closest('tr');
    expect(row?.getAttribute('aria-current')).toBe('true');

    expect(await press(panel.querySelector('h3') as HTMLElement, 'Escape')).toBe(false);
    expect(queryRegionNamed(section, SUBJECT)).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(section, `Open email ${SUBJECT}`));
    expect(row?.getAttribute('aria-current')).toBeNull();
  });

  it('"Close" closes the panel and puts focus back on the row', async () => {
    const section = await openSection();
    const panel = await openEmail(section);
    await click(buttonNamed(panel, 'Close'));
    expect(queryRegionNamed(section, SUBJECT)).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(section, `Open email ${SUBJECT}`));
  });

  it('"Resend" sends the id, shows the queued entry and turns the row to Queued', async () => {
    jest.useFakeTimers();
    backend.on('resendEmail', () => ({ ok: true, data: QUEUED }));
    const section = await openSection();
    const panel = await openEmail(section);
    expect(statusCell(section, 'DEMO-7')).toBe('Failed');
    await click(buttonNamed(panel, 'Resend'));
    expect(backend.payloadsOf('resendEmail')).toEqual([{ emailId: ID }]);
    expect(statusCell(section, 'DEMO-7')).toBe('Queued');
    expect(facts(panel).Status).toBe('Queued');
    expect(facts(panel)['Next attempt']).toBe(formatDateTime('2026-11-26T21:00:00.000Z'));
    expect(paragraphsOf(panel.querySelector('.im-message--success'))).toEqual([
      'Email queued again',
      'Issue Mailer sends it again shortly. This panel shows how it goes.',
    ]);
    expect(queryButtonNamed(panel, 'Resend')).toBeNull();
    expect(document.activeElement).toBe(panel.querySelector('h3'));
  });

  it('shows why a resend was refused and keeps the button', async () => {
    backend.on('resendEmail', () => ({
      ok: false,
      error: { code: 'EMAIL_NOT_RESENDABLE', message: 'Only failed emails can be sent again.' },
    }));
    const section = await openSection();
    const panel = await openEmail(section);
    await click(buttonNamed(panel, 'Resend'));
    expect(paragraphsOf(panel.querySelector('[role="alert"]'))).toEqual([
      'The email was not resent',
      'Only failed emails can be sent again.',
    ]);
    expect(statusCell(section, 'DEMO-7')).toBe('Failed');
    expect(buttonNamed(panel, 'Resend')).toBeTruthy();
  });

  it('has no "Resend" when the backend does not allow one', async () => {
    backend.on('getEmailLogEntry', () => ({ ok: true, data: { ...FAILED, canResend: false } }));
    const section = await openSection();
    const panel = await openEmail(section);
    expect(facts(panel).Status).toBe('Failed');
    expect(queryButtonNamed(panel, 'Resend')).toBeNull();
    expect(buttonNamed(panel, 'Close')).toBeTruthy();
  });

  it('asks again every 2 s while the email is on its way, and stops once it is sent', async () => {
    jest.useFakeTimers();
    const answers = [QUEUED, { ...QUEUED, status: 'sending' as const }, SENT];
    backend.on('getEmailLogEntry', () => ({ ok: true, data: answers.shift() ?? SENT }));
    const section = await openSection();
    const panel = await openEmail(section);
    expect(facts(panel).Status).toBe('Queued');
    await advance(ENTRY_REFRESH_MS - 1);
    expect(backend.payloadsOf('getEmailLogEntry')).toHaveLength(1);
    await advance(1);
    expect(backend.payloadsOf('getEmailLogEntry')).toHaveLength(2);
    expect(facts(panel).Status).toBe('Sending');
    expect(statusCell(section, 'DEMO-7')).toBe('Sending');
    expect(panel.querySelector('.im-visually-hidden[role="status"]')?.textContent).toBe('Status: Sending');
    await advance(ENTRY_REFRESH_MS);
    expect(facts(panel).Status).toBe('Sent');
    expect(facts(panel).Sent).toBe(formatDateTime('2026-11-26T21:00:03.000Z'));
    expect(statusCell(section, 'DEMO-7')).toBe('Sent');
    await advance(ENTRY_REFRESH_MS * 5);
    expect(backend.payloadsOf('getEmailLogEntry')).toHaveLength(3);
  });

  it('stops asking when the panel closes', async () => {
    jest.useFakeTimers();
    backend.on('getEmailLogEntry', () => ({ ok: true, data: QUEUED }));
    const section = await openSection();
    const panel = await openEmail(section);
    await advance(ENTRY_REFRESH_MS);
    expect(backend.payloadsOf('getEmailLogEntry')).toHaveLength(2);
    await click(buttonNamed(panel, 'Close'));
    await advance(ENTRY_REFRESH_MS * 5);
    expect(backend.payloadsOf('getEmailLogEntry')).toHaveLength(2);
  });

  it('keeps the entry and keeps asking when a refresh fails', async () => {
    jest.useFakeTimers();
    const answers = [
      { ok: true as const, data: QUEUED },
      { ok: false as const, error: { code: 'INTERNAL_ERROR', message: 'Issue Mailer could not reach its backend.' } },
      { ok: true as const, data: SENT },
    ];
    backend.on('getEmailLogEntry', () => answers.shift() ?? { ok: true, data: SENT });
    const section = await openSection();
    const panel = await openEmail(section);
    await advance(ENTRY_REFRESH_MS);
    expect(facts(panel).Status).toBe('Queued');
    expect(paragraphsOf(panel.querySelector('.im-message--warning'))).toEqual([
      'The status could not be refreshed',
      'Issue Mailer could not reach its backend.',
    ]);
    await advance(ENTRY_REFRESH_MS);
    expect(facts(panel).Status).toBe('Sent');
    expect(panel.querySelector('.im-message--warning')).toBeNull();
  });

  it('shows the backend message when the email cannot be loaded', async () => {
    backend.on('getEmailLogEntry', () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This email is no longer in the log.' },
    }));
    const section = await openSection();
    const panel = await openEmail(section);
    expect(paragraphsOf(panel.querySelector('[role="alert"]'))).toEqual([
      'The email could not be loaded',
      'This email is no longer in the log.',
      'Try again',
    ]);
    expect(textOf(panel.querySelector('h3') as Element)).toBe(SUBJECT);
  });
});
