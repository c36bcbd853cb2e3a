import { route } from '@forge/api';
import * as z from 'zod/mini';

import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { JiraError, JiraErrorCode } from './errors';
import type { IssueSnapshot } from './issue';
import { getJiraJson, type RequestJira, requestJiraAsUser } from './jira-client';

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

export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/;

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
  if (!ISSUE_KEY_PATTERN.test(issueKey)) {
    throw new JiraError(JiraErrorCode.IssueNotFound, 'Not a Jira issue key; no request made.');
  }
  const fields = ISSUE_FIELDS.join(',');
  const path = route`/rest/api/3/issue/${issueKey}?fields=${fields}&expand=renderedFields`;
  const json = await getJiraJson(requestJira, path, (status, where) => {
    if (status === 404) return new JiraError(JiraErrorCode.IssueNotFound, `${where} answered 404.`, { status });
    if (status === 401 || status === 403) {
      return new JiraError(JiraErrorCode.Forbidden, `${where} answered ${status}.`, { status });
    }
    return undefined;
  });
  const parsed = issueResponseSchema.safeParse(json, IN_ENGLISH);
  if (!parsed.success) {
    throw new JiraError(
      JiraErrorCode.ResponseInvalid,
      `GET /rest/api/3/issue/${issueKey} answered an unexpected body: ${describeFirstSchemaProblem(parsed.error)}`,
      { status: 200 },
    );
  }
  const { id, key, self, fields: f, renderedFields } = parsed.data;
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
