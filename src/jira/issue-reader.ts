import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError, JiraErrorCode } from './errors';
import type { IssueSnapshot } from './issue';
import { ISSUE_KEY_PATTERN } from './issue-key';
import { getJiraJson, issueStatusError, type RequestJira, requestJiraAsUser } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

/** Only what the email shows; `description` is there so that renderedFields carries its HTML. */
export const ISSUE_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'created',
  'updated',
  'duedate',
  'labels',
  'components',
  'description',
  'project',
] as const;

/** Refuses anything but an issue key before it goes into a Jira path. */
export const assertIssueKey = (issueKey: string): void => {
  if (!ISSUE_KEY_PATTERN.test(issueKey)) {
    throw new JiraError(JiraErrorCode.IssueNotFound, 'Not a Jira issue key; no request made.');
  }
};

const named = z.object({ name: z.string() });
const user = z.object({ displayName: z.string() });

const issueResponseSchema = z.object({
  id: z.string(),
  key: z.string(),
  self: z.string(),
  fields: z.object({
    summary: z.string(),
    status: z.nullish(z.object({ name: z.string(), statusCategory: z.nullish(z.object({ key: z.string() })) })),
    issuetype: z.nullish(named),
    priority: z.nullish(named),
    assignee: z.nullish(user),
    reporter: z.nullish(user),
    created: z.nullish(z.string()),
    updated: z.nullish(z.string()),
    duedate: z.nullish(z.string()),
    labels: z.nullish(z.array(z.string())),
    components: z.nullish(z.array(named)),
    project: z.nullish(z.object({ key: z.string(), name: z.string() })),
  }),
  renderedFields: z.nullish(z.object({ description: z.nullish(z.string()) })),
});

/**
 * Reads an issue as the invoking user (`asUser().requestJira` in Forge), so someone who cannot see the issue
 * cannot mail it. The answer is validated; a message names the first field that does not fit.
 */
export const readIssue = async (
  issueKey: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<IssueSnapshot> => {
  assertIssueKey(issueKey);
  const fields = ISSUE_FIELDS.join(',');
  const path = route`/rest/api/3/issue/${issueKey}?fields=${fields}&expand=renderedFields`;
  const json = await getJiraJson(requestJira, path, issueStatusError);
  const {
    id,
    key,
    self,
    fields: f,
    renderedFields,
  } = parseJiraAnswer(issueResponseSchema, json, `GET /rest/api/3/issue/${issueKey}`);
  return {
    id,
    key,
    self,
    summary: f.summary,
    status: f.status ? { name: f.status.name, categoryKey: f.status.statusCategory?.key ?? undefined } : undefined,
    issueType: f.issuetype?.name ?? undefined,
    priority: f.priority?.name ?? undefined,
    assignee: f.assignee?.displayName ?? undefined,
    reporter: f.reporter?.displayName ?? undefined,
    created: f.created ?? undefined,
    updated: f.updated ?? undefined,
    dueDate: f.duedate ?? undefined,
    labels: f.labels ?? [],
    components: (f.components ?? []).map((component) => component.name),
    project: f.project ?? undefined,
    descriptionHtml: renderedFields?.description ?? undefined,
  };
};
