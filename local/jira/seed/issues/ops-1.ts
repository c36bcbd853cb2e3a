import { codeBlock, doc, h, p, strong, ul } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { SAM_AGENT } from '../users';

/** OPS, the service project: seen by agents and admins only. */
export const OPS_1: SeedIssue = {
  id: '10007',
  key: 'OPS-1',
  projectKey: 'OPS',
  summary: 'Nightly backup of the file server fails with a snapshot timeout',
  type: 'Task',
  status: 'To Do',
  priority: 'High',
  reporter: SAM_AGENT,
  assignee: SAM_AGENT,
  labels: ['backup'],
  components: ['Backups', 'Servers'],
  created: '2025-02-24T07:40:00.000Z',
  updated: '2025-03-03T08:15:00.000Z',
  statusChanged: '2025-02-24T07:40:00.000Z',
  description: doc(
    p('The ', strong('FS01'), ' backup job has failed three nights in a row. The job log ends with:'),
    codeBlock(null, 'Snapshot creation for volume D: did not complete within 600 seconds.'),
    h(3, 'Next steps'),
    ul('Check free space in the shadow copy storage area.', 'Move the job after the antivirus scan window.'),
  ),
  watchers: [SAM_AGENT],
  comments: [],
  attachments: [],
};
