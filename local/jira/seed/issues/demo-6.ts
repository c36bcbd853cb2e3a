import { code, doc, p, strike, strong } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { ALEX_ADMIN, JORDAN_MEMBER } from '../users';

export const DEMO_6: SeedIssue = {
  id: '10006',
  key: 'DEMO-6',
  summary: 'Docking station does not wake the external monitors after sleep',
  type: 'Bug',
  status: 'In Progress',
  priority: 'Lowest',
  reporter: JORDAN_MEMBER,
  assignee: ALEX_ADMIN,
  labels: ['hardware', 'dock'],
  components: ['Laptops & Hardware'],
  created: '2025-03-07T11:00:00.000Z',
  updated: '2025-03-07T12:18:33.000Z',
  statusChanged: '2025-03-07T12:18:33.000Z',
  duedate: '2025-03-21',
  description: doc(
    p(
      'After the laptop sleeps, the two monitors on the ',
      strong('USB-C dock'),
      ' stay black until I unplug and replug the dock.',
    ),
    p('Dock firmware is ', code('1.0.12'), '; ', strike('updating the display driver'), ' did not help.'),
  ),
  watchers: [JORDAN_MEMBER],
  comments: [
    {
      author: ALEX_ADMIN,
      created: '2025-03-07T12:18:33.000Z',
      body: doc(p('Known issue with firmware 1.0.12; 1.0.15 fixes it. I will push the update tonight.')),
    },
  ],
  attachments: [],
};
