/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { EmailLogEntry, EmailLogSummary } from '../../../src/contract';
import { EmailLogSection } from '../../../static/admin/src/email-log/email-log-section';
import { formatDateTime } from '../../../static/admin/src/shared/format';
import {
  buttonNamed,
  click,
  mount,
  type Mounted,
  queryButtonNamed,
  regionNamed,
  rowTexts,
  tableNamed,
  textOf,
} from './support/dom';
import { emailId, page, summary } from './support/email-log-fixtures';
import { backend } from './support/fake-admin-bridge';

const SUBJECT = 'Issue Mailer test email';

/** A Test connection's test email as the backend lists it: no issue key at all, never resendable. */
const connectionTest = (status: 'sent' | 'failed'): EmailLogSummary => {
  const { issueKey: _issueKey, ...rest } = summary(9, {
    kind: 'connection-test',
    subject: SUBJECT,
    to: ['alex.admin@contoso.example'],
    status,
    canResend: false,
    ...(status === 'failed'
      ? { lastError: { code: 'GRAPH_ACCESS_DENIED', message: 'The app may not send as this mailbox.' } }
      : {}),
  });
  return rest;
};

const entryOf = (item: EmailLogSummary): EmailLogEntry => ({ ...item, events: [], attachmentCount: 0 });

let mounted: Mounted | null = null;

beforeEach(() => {
  backend.reset();
  backend.on('getEmailLogSettings', () => ({ ok: true, data: { retentionDays: 90 } }));
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const openSection = async () => {
  mounted = await mount(<EmailLogSection />);
  return regionNamed(mounted.container, 'Email log');
};

const facts = (panel: HTMLElement) =>
  Object.fromEntries(
    Array.from(panel.querySelectorAll('dl > div')).map((item) => [
      textOf(item.querySelector('dt') as Element),
      textOf(item.querySelector('dd') as Element),
    ]),
  );

describe("a Test connection's test email in the email log", () => {
  it('says "Connection test" in the Issue column, next to the issue emails', async () => {
    backend.on('listEmailLog', () => page([connectionTest('sent'), summary(8)]));
    const section = await openSection();
    expect(rowTexts(tableNamed(section, 'Email log'))).toEqual([
      [
        formatDateTime(connectionTest('sent').createdAt),
        'Connection test',
        `Open email ${SUBJECT}`,
        'alex.admin@contoso.example',
        'jira@contoso.example',
        'Sent',
        '1',
      ],
      [
        formatDateTime(summary(8).createdAt),
        'DEMO-8',
        'Open email [DEMO-8] Printer on fire',
        'ana@contoso.example',
        'jira@contoso.example',
        'Sent',
        '1',
      ],
    ]);
  });

  it('opens a failed one as a connection test, with its error and without "Resend"', async () => {
    const failed = connectionTest('failed');
    backend.on('listEmailLog', () => page([failed]));
    backend.on('getEmailLogEntry', () => ({ ok: true, data: entryOf(failed) }));
    const section = await openSection();
    await click(buttonNamed(section, `Open email ${SUBJECT}`));
    const panel = regionNamed(section, SUBJECT);
    expect(facts(panel)).toMatchObject({
      Status: 'Failed',
      Issue: 'Connection test',
      From: 'jira@contoso.example',
      To: 'alex.admin@contoso.example',
      'Requested by': 'Alex Admin',
      'Last error': 'GRAPH_ACCESS_DENIED The app may not send as this mailbox.',
      'Email ID': emailId(9),
    });
    expect(queryButtonNamed(panel, 'Resend')).toBeNull();
  });
});
