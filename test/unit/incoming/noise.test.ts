import { classifyNoise, type NoiseInput, OWN_HEADER_PREFIX } from '../../../src/incoming/noise/classify-noise';
import { parseDeliveryReport } from '../../../src/incoming/noise/delivery-report';
import type { NoiseReason } from '../../../src/incoming/noise/noise-reasons';
import {
  AUTO_SUBMITTED_HEADER,
  EMAIL_ID_HEADER,
  ISSUE_KEY_HEADER,
  threadIdentity,
} from '../../../src/mail/thread-identity';

const OWN = ['Jira@Example.com', 'support@example.com'];
const customer = { name: 'Anna', address: 'anna@example.org' };
const input = (headers: Array<[string, string]>, extra: Partial<NoiseInput> = {}): NoiseInput => ({
  headers: headers.map(([name, value]) => ({ name, value })),
  from: customer,
  ownMailboxes: OWN,
  ...extra,
});

const NOISE: Array<[string, NoiseInput, NoiseReason]> = [
  ["from one of the app's mailboxes (any case)", input([], { from: { address: 'JIRA@example.COM' } }), 'OWN_MAILBOX'],
  ["with the app's header x-issue-mailer-issue", input([['X-Issue-Mailer-Issue', 'DEMO-1']]), 'OWN_HEADERS'],
  ["with the app's header x-issue-mailer-email", input([['x-issue-mailer-email', 'e-1']]), 'OWN_HEADERS'],
  [
    'a DSN: multipart/report; report-type=delivery-status',
    input([['Content-Type', 'multipart/report; report-type=delivery-status; boundary="b"']]),
    'DELIVERY_REPORT',
  ],
  [
    'a read receipt: multipart/report (content type known from the MIME)',
    input([], { contentType: 'Multipart/Report; report-type=disposition-notification' }),
    'DELIVERY_REPORT',
  ],
  ['a bounce from MAILER-DAEMON', input([], { from: { address: 'MAILER-DAEMON@mx.example.org' } }), 'DELIVERY_REPORT'],
  ['an NDR from postmaster', input([], { from: { address: 'postmaster@example.org' } }), 'DELIVERY_REPORT'],
  ['Auto-Submitted: auto-replied (an out-of-office)', input([['Auto-Submitted', 'auto-replied']]), 'AUTO_SUBMITTED'],
  [
    'Auto-Submitted: auto-generated with a comment and a parameter',
    input([['auto-submitted', 'Auto-Generated (rule); x=1']]),
    'AUTO_SUBMITTED',
  ],
  ['Auto-Submitted: auto-notified (an extension)', input([['AUTO-SUBMITTED', 'auto-notified']]), 'AUTO_SUBMITTED'],
  [
    'X-Auto-Response-Suppress: All (Exchange automatic mail)',
    input([['X-Auto-Response-Suppress', 'All']]),
    'AUTO_RESPONSE_SUPPRESS',
  ],
  ['X-Auto-Response-Suppress: DR, OOF', input([['x-auto-response-suppress', 'DR, OOF']]), 'AUTO_RESPONSE_SUPPRESS'],
  ['Precedence: bulk', input([['Precedence', 'bulk']]), 'BULK_PRECEDENCE'],
  ['Precedence: Junk', input([['precedence', ' Junk ']]), 'BULK_PRECEDENCE'],
  ['Precedence: list', input([['PRECEDENCE', 'list']]), 'BULK_PRECEDENCE'],
  ['X-Autoreply: yes', input([['X-Autoreply', 'yes']]), 'AUTOREPLY_HEADER'],
  ['X-Autorespond', input([['x-autorespond', 'Vacation']]), 'AUTOREPLY_HEADER'],
  ['an empty Return-Path: <>', input([['Return-Path', '<>']]), 'EMPTY_RETURN_PATH'],
  ['an empty Return-Path: blank', input([['return-path', ' ']]), 'EMPTY_RETURN_PATH'],
];

const NOT_NOISE: Array<[string, NoiseInput]> = [
  [
    'a person writing',
    input([
      ['Return-Path', '<anna@example.org>'],
      ['Content-Type', 'multipart/alternative; boundary=x'],
    ]),
  ],
  ['Auto-Submitted: no', input([['Auto-Submitted', 'no']])],
  ['Auto-Submitted: No (comment)', input([['Auto-Submitted', 'No (sent by a person)']])],
  ['X-Auto-Response-Suppress: None', input([['X-Auto-Response-Suppress', 'None']])],
  ['Precedence: first-class', input([['Precedence', 'first-class']])],
  ['no headers at all (same-tenant mail)', { from: customer, ownMailboxes: OWN, headers: null }],
  [
    "a header that only looks like the app's",
    input([
      ['x-issue-mailer', 'x'],
      ['x-other-issue-mailer-issue', 'DEMO-1'],
    ]),
  ],
  ['a sender whose local part contains postmaster', input([], { from: { address: 'postmaster.team@example.org' } })],
];

describe('classifyNoise', () => {
  it.each(NOISE)('%s: noise', (_case, message, reason) => {
    expect(classifyNoise(message)).toMatchObject({ noise: true, reason });
  });

  it.each(NOT_NOISE)('%s: not noise', (_case, message) => {
    expect(classifyNoise(message)).toEqual({ noise: false });
  });

  it('gives every reason that applies, loop protection first', () => {
    const verdict = classifyNoise(
      input(
        [
          ['Auto-Submitted', 'auto-generated'],
          ['x-issue-mailer-issue', 'DEMO-1'],
          ['Precedence', 'bulk'],
        ],
        {
          from: { address: 'support@example.com' },
        },
      ),
    );
    expect(verdict).toEqual({
      noise: true,
      reason: 'OWN_MAILBOX',
      reasons: ['OWN_MAILBOX', 'OWN_HEADERS', 'AUTO_SUBMITTED', 'BULK_PRECEDENCE'],
    });
  });

  it.each(['person', 'automatic'] as const)(
    'knows the headers the app sends on mail a %s made as its own',
    (author) => {
      const { headers } = threadIdentity('e-1', 'DEMO-1', 'jira@example.com', author);
      const own = headers.filter((header) => header.name.startsWith(OWN_HEADER_PREFIX)).map((header) => header.name);
      expect(own).toEqual(
        author === 'person'
          ? [ISSUE_KEY_HEADER, EMAIL_ID_HEADER]
          : [ISSUE_KEY_HEADER, EMAIL_ID_HEADER, AUTO_SUBMITTED_HEADER],
      );
      for (const header of headers.filter((one) => own.includes(one.name))) {
        expect(classifyNoise({ headers: [header], ownMailboxes: [] })).toMatchObject({ reason: 'OWN_HEADERS' });
      }
      expect(classifyNoise({ headers, ownMailboxes: [] })).toEqual({
        noise: true,
        reason: 'OWN_HEADERS',
        reasons: author === 'person' ? ['OWN_HEADERS'] : ['OWN_HEADERS', 'AUTO_RESPONSE_SUPPRESS'],
      });
    },
  );
});

/** A DSN as RFC 3464 writes it, returning one of the app's emails with its headers. */
const DSN = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
  'To: jira@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Message-ID: <dsn-1@mx.example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUND"',
  '',
  '--BOUND',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'Your message could not be delivered.',
  '',
  '--BOUND',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  '',
  'Final-Recipient: rfc822; nobody@example.org',
  'Action: failed',
  'Status: 5.1.1',
  '',
  '--BOUND',
  'Content-Type: message/rfc822',
  '',
  'From: Issue Mailer <jira@example.com>',
  'To: nobody@example.org',
  'Subject: [DEMO-1] Printer',
  'Message-ID: <e-1.demo-1@example.com>',
  'x-issue-mailer-issue: DEMO-1',
  '',
  'The printer is broken.',
  '',
  '--BOUND--',
  '',
].join('\r\n');

describe('parseDeliveryReport (postal-mime, on first use)', () => {
  it('recognises a DSN and names the returned message', async () => {
    expect(await parseDeliveryReport(DSN)).toEqual({
      isReport: true,
      reportType: 'delivery-status',
      originalMessageId: '<e-1.demo-1@example.com>',
    });
  });

  it('recognises a delivery-status part in a report without the multipart/report type', async () => {
    const mixed = DSN.replace('multipart/report; report-type=delivery-status;', 'multipart/mixed;');
    expect(await parseDeliveryReport(mixed)).toMatchObject({ isReport: true, reportType: 'delivery-status' });
  });

  it('says no for an ordinary message', async () => {
    const mail = 'From: anna@example.org\r\nSubject: Hi\r\nContent-Type: text/plain\r\n\r\nHello\r\n';
    expect(await parseDeliveryReport(mail)).toEqual({ isReport: false });
  });
});
