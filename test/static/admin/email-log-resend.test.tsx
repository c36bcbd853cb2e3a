/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { EmailContentView, EmailLogEntry } from '../../../src/contract';
import { EmailLogSection } from '../../../static/admin/src/email-log/email-log-section';
import { ENTRY_REFRESH_MS } from '../../../static/admin/src/email-log/use-email-log-entry';
import {
  advance,
  buttonNamed,
  click,
  mount,
  type Mounted,
  paragraphsOf,
  press,
  queryButtonNamed,
  regionNamed,
  settle,
  textOf,
} from './support/dom';
import { emailId, entry, page, summary } from './support/email-log-fixtures';
import { backend } from './support/fake-admin-bridge';

const SUBJECT = '[DEMO-7] Printer on fire';
const ID = emailId(7);
const UNCHANGED_MESSAGE = 'Nothing has changed since this email failed: its credential has not been saved since.';

const FAILED: EmailLogEntry = entry(7, {
  status: 'failed',
  attempts: 1,
  canResend: true,
  senderMailbox: 'jira@contoso.example',
  lastError: { code: 'GRAPH_FORBIDDEN', message: 'The app may not send as this mailbox.' },
  events: [
    { at: '2026-11-26T20:07:00.000Z', status: 'queued', note: 'Queued by Jordan Lee' },
    { at: '2026-11-26T20:07:01.000Z', status: 'sending', note: 'Handing it to Microsoft 365', attempt: 1 },
    {
      at: '2026-11-26T20:07:02.000Z',
      status: 'failed',
      note: 'Refused (403)',
      attempt: 1,
      from: 'jira@contoso.example',
    },
  ],
});
const QUEUED: EmailLogEntry = {
  ...FAILED,
  status: 'queued',
  canResend: false,
  events: [...FAILED.events, { at: '2026-11-26T21:00:00.000Z', status: 'queued', note: 'Resent by Alex Admin' }],
};
const SENT: EmailLogEntry = {
  ...QUEUED,
  status: 'sent',
  attempts: 2,
  lastError: undefined,
  senderMailbox: 'helpdesk@contoso.example',
  sentAt: '2026-11-26T21:00:03.000Z',
  events: [
    ...QUEUED.events,
    {
      at: '2026-11-26T21:00:03.000Z',
      status: 'sent',
      note: 'Accepted (202)',
      attempt: 2,
      from: 'helpdesk@contoso.example',
    },
  ],
};
const CONTENT: EmailContentView = {
  kept: true,
  subject: SUBJECT,
  from: 'jira@contoso.example',
  to: ['ana@contoso.example', 'Casey Customer'],
  cc: ['cy@contoso.example'],
  bccCount: 2,
  replyTo: ['support@contoso.example'],
  html: '<p>Hello <b>Ana</b></p>',
  attachments: ['log.txt', 'screen.png'],
};

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
  backend.on('listEmailLog', () => page([summary(7, { status: 'failed', canResend: true })]));
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
  backend.on('getEmailLogEntry', () => ({ ok: true, data: FAILED }));
  backend.on('getEmailContent', () => ({ ok: true, data: CONTENT }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  jest.useRealTimers();
});

const openPanel = async () => {
  mounted = await mount(<EmailLogSection />);
  const section = regionNamed(mounted.container, 'Email log');
  await click(buttonNamed(section, `Open email ${SUBJECT}`));
  // The entry, then the message: two rounds of calls.
  await settle();
  return { section, panel: regionNamed(section, SUBJECT) };
};

/** A definition list as term → text. */
const terms = (list: Element) =>
  Object.fromEntries(
    Array.from(list.querySelectorAll(':scope > div')).map((item) => [
      textOf(item.querySelector('dt') as Element),
      textOf(item.querySelector('dd') as Element),
    ]),
  );

describe('resending from the email log panel', () => {
  it('warns in place when nothing has changed since the failure, and resends only on "Resend anyway"', async () => {
    backend.on('resendEmail', (payload) =>
      payload.anyway === true
        ? { ok: true, data: QUEUED }
        : { ok: false, error: { code: 'EMAIL_RESEND_UNCHANGED', message: UNCHANGED_MESSAGE } },
    );
    const { panel } = await openPanel();

    await click(buttonNamed(panel, 'Resend'));
    expect(backend.payloadsOf('resendEmail')).toEqual([{ emailId: ID }]);
    const warning = panel.querySelector('.im-message--warning') as HTMLElement;
    expect(paragraphsOf(warning)).toEqual(['Nothing has changed since this email failed', UNCHANGED_MESSAGE]);
    expect(queryButtonNamed(panel, 'Resend')).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(warning, 'Cancel'));

    // Cancel takes the question back; Escape does too, without closing the panel.
    await click(buttonNamed(warning, 'Cancel'));
    expect(panel.querySelector('.im-message--warning')).toBeNull();
    await click(buttonNamed(panel, 'Resend'));
    expect(await press(buttonNamed(panel, 'Cancel'), 'Escape')).toBe(false);
    expect(panel.querySelector('.im-message--warning')).toBeNull();
    expect(panel.isConnected).toBe(true);

    await click(buttonNamed(panel, 'Resend'));
    await click(buttonNamed(panel, 'Resend anyway'));
    expect(backend.payloadsOf('resendEmail').at(-1)).toEqual({ emailId: ID, anyway: true });
    expect(paragraphsOf(panel.querySelector('.im-message--success'))[0]).toBe('Email queued again');
    expect(panel.querySelector('.im-message--warning')).toBeNull();
  });

  it('drops "Email queued again" once the status says how the resend ended, and shows its From', async () => {
    jest.useFakeTimers();
    backend.on('resendEmail', () => ({ ok: true, data: QUEUED }));
    const { panel } = await openPanel();
    backend.on('getEmailLogEntry', () => ({ ok: true, data: SENT }));
    await click(buttonNamed(panel, 'Resend'));
    expect(paragraphsOf(panel.querySelector('.im-message--success'))[0]).toBe('Email queued again');

    await advance(ENTRY_REFRESH_MS);
    expect(panel.querySelector('.im-message--success')).toBeNull();
    const facts = terms(panel.querySelector('.im-email-detail__body > dl') as Element);
    expect(facts.Status).toBe('Sent');
    expect(facts.From).toBe('helpdesk@contoso.example');
    const events = regionNamed(panel, 'Delivery events');
    expect(Array.from(events.querySelectorAll('.im-timeline__meta')).map(textOf)).toEqual([
      'Attempt 1',
      'Attempt 1 · From jira@contoso.example',
      'Attempt 2 · From helpdesk@contoso.example',
    ]);
  });
});

describe('the message as sent', () => {
  it('shows its headers, its attachments and its body in a sandboxed frame', async () => {
    const { panel } = await openPanel();
    expect(backend.payloadsOf('getEmailContent')).toEqual([{ emailId: ID }]);
    const message = regionNamed(panel, 'Message as sent');
    expect(terms(message.querySelector('dl') as Element)).toEqual({
      Subject: SUBJECT,
      From: 'jira@contoso.example',
      To: 'ana@contoso.example, Casey Customer',
      Cc: 'cy@contoso.example',
      Bcc: '2 recipients',
      'Reply-To': 'support@contoso.example',
      Attachments: 'log.txt, screen.png',
    });
    const frame = message.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.title).toBe('Message body as sent');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hello <b>Ana</b></p>');
  });

  it('says plainly when the content is no longer kept', async () => {
    backend.on('getEmailContent', () => ({ ok: true, data: { kept: false } }));
    const { panel } = await openPanel();
    const message = regionNamed(panel, 'Message as sent');
    expect(paragraphsOf(message)).toEqual([
      'The content of this email is no longer kept. The email log keeps it for as long as it keeps the email.',
    ]);
    expect(message.querySelector('iframe')).toBeNull();
  });
});
