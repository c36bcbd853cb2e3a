/** Shared by the issue-changes-*.test.ts files. */
import { ALEX_ADMIN } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';
import { as, get, type newJira } from './helpers';

export const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
export const NOW_JIRA = '2025-03-08T10:00:00.000+0000';

export interface IssueFields {
  summary: string;
  status: { id: string; name: string };
  resolution: { name: string } | null;
  resolutiondate: string | null;
  statuscategorychangedate: string;
  updated: string;
  created: string;
  reporter: { accountId: string } | null;
  creator: { accountId: string } | null;
  assignee: { accountId: string } | null;
  priority: { name: string };
  issuetype: { name: string };
  project: { key: string };
  labels: string[];
  description: unknown;
  watches: { watchCount: number };
}

export interface TransitionsAnswer {
  expand: string;
  transitions: { id: string; name: string; to: { id: string; name: string } }[];
}

export const fieldsOf = async (jira: ReturnType<typeof newJira>, key: string, actor: JiraActor = as(ALEX_ADMIN)) =>
  (await get(jira, `/rest/api/3/issue/${key}`, actor)).json<{ fields: IssueFields }>().fields;
