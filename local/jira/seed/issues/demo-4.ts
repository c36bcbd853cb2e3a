import { doc, h, link, p, strong, ul } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { ALEX_ADMIN, CASEY_CUSTOMER } from '../users';

export const DEMO_4: SeedIssue = {
  id: '10004',
  key: 'DEMO-4',
  summary: 'Set up the new Level 4 printer for the east wing',
  type: 'Task',
  status: 'Done',
  priority: 'Low',
  reporter: CASEY_CUSTOMER,
  assignee: ALEX_ADMIN,
  labels: ['printing'],
  components: ['Printing'],
  created: '2025-02-24T13:05:00.000Z',
  updated: '2025-02-27T10:41:19.000Z',
  statusChanged: '2025-02-27T10:41:19.000Z',
  resolved: '2025-02-27T10:41:19.000Z',
  description: doc(
    p(
      'The east wing on Level 4 got a new ',
      strong('HP LaserJet M507'),
      '. Please add it to the print server and publish it to staff laptops.',
    ),
    h(3, 'Acceptance'),
    ul(
      'Printer appears as PRN-L4-EAST on Windows and macOS.',
      'Secure print (badge release) enabled.',
      'Duplex on by default.',
    ),
    p(
      'Vendor guide: ',
      link(
        'HP LaserJet Enterprise M507 setup',
        'https://support.hp.com/us-en/product/setup-user-guides/hp-laserjet-enterprise-m507-series/19202535',
      ),
      '.',
    ),
  ),
  watchers: [CASEY_CUSTOMER],
  comments: [
    {
      author: ALEX_ADMIN,
      created: '2025-02-27T10:39:02.000Z',
      body: doc(p('Printer published to all laptops via Intune. Setup guide attached for anyone adding it by hand.')),
    },
    {
      author: CASEY_CUSTOMER,
      created: '2025-02-27T10:41:19.000Z',
      body: doc(p('Printed a test page from my laptop, works. Thank you!')),
    },
  ],
  attachments: [
    {
      id: '10105',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310105',
      filename: 'printer-setup-guide.pdf',
      mimeType: 'application/pdf',
      author: ALEX_ADMIN,
      created: '2025-02-27T10:38:45.000Z',
      file: 'printerGuidePdf',
    },
  ],
};
