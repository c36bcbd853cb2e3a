import { doc, p, strong } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { SAM_AGENT } from '../users';

/**
 * The restricted project's issue: the security team (Sam) sees it; Alex, Jordan and the app's own user do not. Its
 * id and attachment id sit below the others' so that ids Jira hands out later stay as they were.
 */
export const SEC_1: SeedIssue = {
  id: '10000',
  key: 'SEC-1',
  projectKey: 'SEC',
  summary: 'Phishing campaign imitating the VPN login page',
  type: 'Task',
  status: 'In Progress',
  priority: 'High',
  reporter: SAM_AGENT,
  assignee: SAM_AGENT,
  labels: ['phishing'],
  components: ['Incident response'],
  created: '2025-03-07T08:05:00.000Z',
  updated: '2025-03-07T09:40:00.000Z',
  statusChanged: '2025-03-07T08:30:00.000Z',
  description: doc(
    p(
      'Several people received a message linking to a copy of the ',
      strong('GlobalProtect'),
      ' login page. Collect the headers, block the sender domain and reset the passwords of anyone who signed in.',
    ),
  ),
  watchers: [SAM_AGENT],
  comments: [],
  attachments: [
    {
      id: '10099',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310099',
      filename: 'phishing-headers.log',
      mimeType: 'text/plain',
      author: SAM_AGENT,
      created: '2025-03-07T08:10:00.000Z',
      file: 'outlookSyncLog',
    },
  ],
};
