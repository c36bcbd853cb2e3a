import type { IssueSnapshot } from '../../../src/jira/issue';

/** An issue as readIssue maps it: by default exactly what fake-jira's sampleIssue() reads as. */
export const issueSnapshot = (overrides: Partial<IssueSnapshot> = {}): IssueSnapshot => ({
  id: '10001',
  key: 'DEMO-1',
  self: 'https://example.atlassian.net/rest/api/3/issue/10001',
  summary: 'Login page shows a blank screen',
  status: { name: 'In Progress', categoryKey: 'indeterminate' },
  issueType: 'Bug',
  priority: 'High',
  assignee: 'Ada Lovelace',
  reporter: 'Grace Hopper',
  created: '2024-03-08T10:22:05.000+0000',
  updated: '2024-03-09T16:05:00.000+0000',
  dueDate: '2024-03-20',
  labels: ['frontend', 'login'],
  components: ['Web'],
  project: { key: 'DEMO', name: 'Demo project' },
  descriptionHtml: '<p>Steps to reproduce</p>',
  ...overrides,
});
