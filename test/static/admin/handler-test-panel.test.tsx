/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { HandlerSubscriptionState, MailHandlerView } from '../../../src/contract';
import { HandlerTestPanel } from '../../../static/admin/src/mail-handlers/handler-test-panel';
import { mount, type Mounted } from './support/dom';
import { backend } from './support/fake-admin-bridge';

const HANDLER: MailHandlerView = {
  id: 'h-1',
  name: 'Support inbox',
  enabled: true,
  credentialId: 'cred-google',
  folder: 'Inbox',
  mode: 'comments-only',
  senders: 'anyone',
  allowedDomains: [],
  afterProcessing: 'leave',
  processedFolder: 'Processed by Issue Mailer',
  subjectKeyPattern: '[A-Z][A-Z0-9_]+-[1-9][0-9]*',
  backfillDays: 0,
  senderHourlyLimit: 20,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

let mounted: Mounted | null = null;
beforeEach(() => backend.reset());
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const rows = async (subscription: HandlerSubscriptionState) => {
  backend.on('testMailHandler', () => ({
    ok: true,
    data: {
      testedAt: '2026-12-07T10:00:00.000Z',
      mailbox: 'support@example-google.test',
      folder: { ok: true, data: { displayName: 'INBOX', unreadCount: 2, totalCount: 7 } },
      subscription: { ok: true, data: subscription },
    },
  }));
  mounted = await mount(<HandlerTestPanel handler={HANDLER} onClose={() => undefined} />);
  return Array.from(mounted.container.querySelectorAll('.im-handler-test__row')).map((row) => [
    row.querySelector('dt')?.textContent?.replace(/^[✓!]\s*/, ''),
    row.querySelector('dd')?.textContent,
  ]);
};

describe("a mail handler's Test panel", () => {
  it('says a polled mailbox needs no subscription, and how often it is read', async () => {
    expect(await rows({ status: 'polled', everyMinutes: 5 })).toEqual([
      ['Folder', 'INBOX: 2 unread of 7.'],
      ['Subscription', 'Not needed: the mailbox is read every 5 minutes for new mail.'],
    ]);
  });

  it('says a subscription is yet to come when there is none', async () => {
    expect((await rows({ status: 'none' }))[1]).toEqual([
      'Subscription',
      'None yet: it is created when the handler connects.',
    ]);
  });
});
