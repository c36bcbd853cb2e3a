import type { RequestInit, Route } from '@forge/api';

import type { JiraResponse, RequestJira } from '../../../src/jira/jira-client';

export interface JiraCall {
  path: string;
  init: RequestInit | undefined;
}

/** requestJira answering by path; records the route values it was called with. */
export const fakeJira = (answer: (path: string) => { status: number; body: unknown } | Error) => {
  const calls: JiraCall[] = [];
  const requestJira: RequestJira = async (route: Route, init?: RequestInit): Promise<JiraResponse> => {
    calls.push({ path: route.value, init });
    const result = answer(route.value);
    if (result instanceof Error) throw result;
    const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    return { status: result.status, text: async () => text };
  };
  return { requestJira, calls };
};

export const adminPermissions = (havePermission: boolean) => ({
  permissions: {
    ADMINISTER: {
      id: '0',
      key: 'ADMINISTER',
      name: 'Administer Jira',
      type: 'GLOBAL',
      description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
      havePermission,
    },
  },
});

export const sampleIssue = (
  overrides: Record<string, unknown> = {},
  renderedDescription: string | null = '<p>Steps to reproduce</p>',
) => ({
  id: '10001',
  key: 'DEMO-1',
  self: 'https://example.atlassian.net/rest/api/3/issue/10001',
  fields: {
    summary: 'Login page shows a blank screen',
    status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
    issuetype: { name: 'Bug' },
    priority: { name: 'High' },
    assignee: { accountId: 'a1', displayName: 'Ada Lovelace' },
    reporter: { accountId: 'a2', displayName: 'Grace Hopper' },
    created: '2024-03-08T10:22:05.000+0000',
    updated: '2024-03-09T16:05:00.000+0000',
    duedate: '2024-03-20',
    labels: ['frontend', 'login'],
    components: [{ id: '1', name: 'Web' }],
    description: { type: 'doc', version: 1, content: [] },
    project: { id: '100', key: 'DEMO', name: 'Demo project' },
    ...overrides,
  },
  renderedFields: { description: renderedDescription },
});
