import { doc, em, h, link, p, panel, strong, table, ul } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { ALEX_ADMIN, JORDAN_MEMBER, SAM_AGENT } from '../users';

export const DEMO_2: SeedIssue = {
  id: '10002',
  key: 'DEMO-2',
  summary: 'Onboard new starter Jordan Lee: laptop, accounts and VPN access',
  type: 'Task',
  status: 'To Do',
  priority: 'Medium',
  reporter: ALEX_ADMIN,
  assignee: SAM_AGENT,
  labels: ['onboarding', 'new-starter'],
  components: ['Laptops & Hardware', 'Identity & Access'],
  created: '2025-03-04T09:30:00.000Z',
  updated: '2025-03-05T11:05:32.000Z',
  statusChanged: '2025-03-04T09:30:00.000Z',
  duedate: '2025-03-17',
  description: doc(
    p(
      strong('Jordan Lee'),
      ' joins the platform team on ',
      strong('Monday 17 March'),
      '. Everything below must be ready by 09:00 that day.',
    ),
    h(3, 'Checklist'),
    table(
      ['Item', 'Owner', 'Status'],
      ['Laptop (MacBook Pro 14", 32 GB)', 'Sam Rivera', 'Ordered'],
      ['Entra ID account and E3 licence', 'Alex Admin', 'Done'],
      ['MFA enrolment', 'Jordan Lee', 'Not started'],
      ['GlobalProtect VPN profile', 'Sam Rivera', 'Not started'],
      ['Shared mailbox helpdesk@example.com', 'Alex Admin', 'Waiting for approval'],
    ),
    h(3, 'Groups'),
    ul('jira-software-users', 'confluence-users', 'vpn-staff-eu', 'platform-team'),
    panel(
      'info',
      p(
        'The full checklist with due dates is attached as CSV. Follow the ',
        link('new starter runbook', 'https://confluence.example.com/wiki/spaces/IT/pages/131073/New+starter+runbook'),
        '.',
      ),
    ),
    p(em('Manager approval for the shared mailbox is still pending.')),
  ),
  watchers: [ALEX_ADMIN, SAM_AGENT, JORDAN_MEMBER],
  comments: [
    {
      author: SAM_AGENT,
      created: '2025-03-05T11:05:32.000Z',
      body: doc(
        p('Laptop ordered (PO 4500012877), expected Thursday. I will image it on Friday and leave it at desk 4.12.'),
      ),
    },
  ],
  attachments: [
    {
      id: '10102',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310102',
      filename: 'onboarding-checklist.csv',
      mimeType: 'text/csv',
      author: ALEX_ADMIN,
      created: '2025-03-04T09:31:12.000Z',
      file: 'onboardingCsv',
    },
    {
      id: '10106',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310106',
      filename: 'laptop-fleet-inventory.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      author: SAM_AGENT,
      created: '2025-03-05T11:04:10.000Z',
      file: 'laptopFleetInventory',
    },
  ],
};
