import { doc, em, h, ol, p, strong } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { ALEX_ADMIN, JORDAN_MEMBER } from '../users';

/** The unassigned issue, with no comments and no attachments. */
export const DEMO_5: SeedIssue = {
  id: '10005',
  key: 'DEMO-5',
  summary: 'As an employee I want to reset my own MFA device so that I am not locked out when I change phones',
  type: 'Story',
  status: 'To Do',
  priority: 'Medium',
  reporter: ALEX_ADMIN,
  assignee: null,
  labels: ['mfa', 'self-service'],
  components: ['Identity & Access'],
  created: '2025-03-06T14:22:10.000Z',
  updated: '2025-03-06T14:22:10.000Z',
  statusChanged: '2025-03-06T14:22:10.000Z',
  description: doc(
    p(
      'Every phone upgrade currently needs a ticket and a call with the service desk. People should be able to move their Authenticator app themselves.',
    ),
    h(3, 'Acceptance criteria'),
    ol(
      [p('A signed-in user can register a new Authenticator device from ', strong('My Sign-Ins'), '.')],
      'The old device stops working once the new one is confirmed.',
      [p('The service desk is notified, ', em('but no ticket is created'), '.')],
    ),
  ),
  watchers: [ALEX_ADMIN, JORDAN_MEMBER],
  comments: [],
  attachments: [],
};
