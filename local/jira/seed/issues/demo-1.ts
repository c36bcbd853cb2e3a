import { br, code, codeBlock, doc, em, h, image, link, mention, ol, p, strong, ul } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { ALEX_ADMIN, CASEY_CUSTOMER, SAM_AGENT } from '../users';

/** The screenshot attachment (10100), embedded in the description as Jira's editor does. */
const OUTLOOK_SCREENSHOT_MEDIA_ID = 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310100';

export const DEMO_1: SeedIssue = {
  id: '10001',
  key: 'DEMO-1',
  summary: 'Outlook stops syncing the shared helpdesk mailbox after a password reset',
  type: 'Bug',
  status: 'In Progress',
  priority: 'High',
  reporter: CASEY_CUSTOMER,
  assignee: SAM_AGENT,
  labels: ['email', 'outlook', 'shared-mailbox'],
  components: ['Email'],
  created: '2025-03-03T08:12:41.000Z',
  updated: '2025-03-04T15:20:05.000Z',
  statusChanged: '2025-03-03T10:02:17.000Z',
  duedate: '2025-03-07',
  description: doc(
    h(2, 'Summary'),
    p(
      'Since my password was reset on Monday, Outlook on my laptop no longer syncs the ',
      strong('helpdesk@example.com'),
      ' shared mailbox. My own inbox works; the shared one is ',
      em('stuck at Friday 16:40'),
      '.',
    ),
    h(3, 'Steps to reproduce'),
    ol(
      'Open Outlook (Microsoft 365 Apps, version 2402).',
      [p('Select the ', strong('helpdesk'), ' mailbox in the folder pane.')],
      'Press Send/Receive All Folders (F9).',
    ),
    h(3, 'What happens'),
    ul(
      'The status bar shows "Disconnected" for the shared mailbox only.',
      'A sync error appears in the Sync Issues folder (log attached).',
    ),
    codeBlock('text', 'Error synchronizing folder\n[0x80070005-0x000004DC-0x00000524]\nAccess denied.'),
    p('This is what Outlook shows:'),
    image(OUTLOOK_SCREENSHOT_MEDIA_ID, 'outlook-sync-error.png', 320, 200),
    h(3, 'Expected'),
    p('New mail in the shared mailbox appears within a minute, as before the password reset.'),
    p(
      'Microsoft describes a similar issue here: ',
      link(
        'Shared mailbox not updating in Outlook',
        'https://learn.microsoft.com/en-us/outlook/troubleshoot/email-management/shared-mailbox-not-updating',
      ),
      '.',
      br(),
      'I already tried ',
      code('outlook.exe /resetnavpane'),
      ' without success.',
    ),
  ),
  environment: doc(
    p('Windows 11 23H2, Microsoft 365 Apps for enterprise 2402 (Build 17328.20162), Cached Exchange Mode on.'),
  ),
  watchers: [CASEY_CUSTOMER, SAM_AGENT, ALEX_ADMIN],
  votes: 1,
  properties: { 'support.sla': { target: '2025-03-05T08:12:41.000Z', breached: false } },
  comments: [
    {
      author: SAM_AGENT,
      created: '2025-03-03T10:02:17.000Z',
      body: doc(
        p('Thanks Casey. The cached credential for the shared mailbox still holds your old password.'),
        ol(
          'Close Outlook.',
          [
            p(
              'Open ',
              strong('Credential Manager'),
              ' and remove every entry that starts with ',
              code('MicrosoftOffice16_Data:SSPI'),
              '.',
            ),
          ],
          'Start Outlook and sign in again when asked.',
        ),
        p('Let me know if the mailbox starts updating.'),
      ),
    },
    {
      author: CASEY_CUSTOMER,
      created: '2025-03-03T23:41:09.000Z',
      body: doc(p('Did that, still "Disconnected". Screenshot attached.')),
    },
    {
      author: SAM_AGENT,
      created: '2025-03-04T15:20:05.000Z',
      updated: '2025-03-04T15:24:40.000Z',
      body: doc(
        p(
          mention(ALEX_ADMIN.accountId, ALEX_ADMIN.displayName),
          ' can you check whether Casey still has ',
          strong('Full Access'),
          ' on the helpdesk mailbox? The log shows an access-denied token refresh.',
        ),
      ),
    },
  ],
  attachments: [
    {
      id: '10100',
      mediaId: OUTLOOK_SCREENSHOT_MEDIA_ID,
      filename: 'outlook-sync-error.png',
      mimeType: 'image/png',
      author: CASEY_CUSTOMER,
      created: '2025-03-03T23:40:52.000Z',
      file: 'outlookScreenshot',
    },
    {
      id: '10101',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310101',
      filename: 'outlook-sync.log',
      mimeType: 'text/plain',
      author: CASEY_CUSTOMER,
      created: '2025-03-03T08:12:41.000Z',
      file: 'outlookSyncLog',
    },
  ],
};
