import { doc, p, strong } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { SAM_AGENT } from '../users';

export const OPS_2: SeedIssue = {
  id: '10008',
  key: 'OPS-2',
  projectKey: 'OPS',
  summary: 'Renew the TLS certificate of the intranet portal before it expires',
  type: 'Task',
  status: 'To Do',
  priority: 'Medium',
  reporter: SAM_AGENT,
  assignee: SAM_AGENT,
  labels: ['certificates'],
  components: ['Servers'],
  created: '2025-02-20T15:10:00.000Z',
  updated: '2025-03-01T09:00:00.000Z',
  statusChanged: '2025-02-20T15:10:00.000Z',
  description: doc(
    p(
      'The certificate of ',
      strong('intranet.example.com'),
      ' expires at the end of the month. Request a new one from the internal CA and install it on both web nodes.',
    ),
  ),
  watchers: [SAM_AGENT],
  comments: [],
  attachments: [],
};
