import { z } from 'zod';

import type { JiraActor, JiraEmulator } from '../types';

/** What the host's pages read from the local Jira, through its REST API like any other client. */
export class JiraReadError extends Error {
  override name = 'JiraReadError';
  readonly code = 'JIRA_READ_FAILED';
}

const userSchema = z.object({ accountId: z.string(), displayName: z.string() });

const listIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }),
    issuetype: z.object({ id: z.string(), name: z.string() }),
    assignee: userSchema.nullish(),
    project: z.object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string() }),
  }),
});

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: listIssueSchema.shape.fields.extend({
    priority: z.object({ name: z.string() }).nullish(),
    reporter: userSchema.nullish(),
    labels: z.array(z.string()).default([]),
    duedate: z.string().nullish(),
    attachment: z
      .array(
        z.object({ id: z.string(), filename: z.string(), size: z.number(), mimeType: z.string(), content: z.string() }),
      )
      .default([]),
    comment: z.object({ comments: z.array(z.object({ id: z.string(), author: userSchema.nullish() })) }).optional(),
  }),
  renderedFields: z.object({
    description: z.string().nullish(),
    created: z.string().nullish(),
    updated: z.string().nullish(),
    duedate: z.string().nullish(),
    comment: z
      .object({ comments: z.array(z.object({ id: z.string(), body: z.string(), created: z.string() })) })
      .optional(),
  }),
});

const extensionSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    issuetype: z.object({ id: z.string(), name: z.string() }),
    project: z.object({ id: z.string(), key: z.string(), projectTypeKey: z.string() }),
  }),
});

export type IssueListItem = z.infer<typeof listIssueSchema>;
export type IssueView = z.infer<typeof issueSchema>;

export interface IssueExtension {
  issue: { id: string; key: string; type: string; typeId: string };
  project: { id: string; key: string; type: string };
}

const getJson = async <T>(
  jira: JiraEmulator,
  actor: JiraActor,
  path: string,
  schema: z.ZodType<T>,
): Promise<T | null> => {
  const response = await jira.handle({ method: 'GET', path, headers: { accept: 'application/json' } }, actor);
  if (response.status === 404) return null;
  if (response.status !== 200) throw new JiraReadError(`GET ${path} answered ${response.status}.`);
  const text = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new JiraReadError(`GET ${path} answered a body that is not JSON.`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiraReadError(`GET ${path}: field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
};

const asUser = (accountId: string): JiraActor => ({ type: 'user', accountId });
const issuePath = (key: string, query: string) => `/rest/api/3/issue/${encodeURIComponent(key)}?${query}`;

/** The issue view's data, or null when the user may not see the issue (Jira answers 404 either way). */
export const readIssueView = (jira: JiraEmulator, accountId: string, key: string): Promise<IssueView | null> =>
  getJson(jira, asUser(accountId), issuePath(key, 'expand=renderedFields'), issueSchema);

/** The issues the user can see, in the site's order. */
export const readIssueList = async (jira: JiraEmulator, accountId: string): Promise<IssueListItem[]> => {
  const fields = 'fields=summary,status,issuetype,assignee,project';
  const issues = await Promise.all(
    jira.issueKeys().map((key) => getJson(jira, asUser(accountId), issuePath(key, fields), listIssueSchema)),
  );
  return issues.filter((issue): issue is IssueListItem => issue !== null);
};

/** `context.extension.issue` / `.project` as Jira gives an issue module, or null if the user cannot see it. */
export const readIssueExtension = async (
  jira: JiraEmulator,
  accountId: string,
  key: string,
): Promise<IssueExtension | null> => {
  const issue = await getJson(jira, asUser(accountId), issuePath(key, 'fields=issuetype,project'), extensionSchema);
  if (!issue) return null;
  return {
    issue: { id: issue.id, key: issue.key, type: issue.fields.issuetype.name, typeId: issue.fields.issuetype.id },
    project: { id: issue.fields.project.id, key: issue.fields.project.key, type: issue.fields.project.projectTypeKey },
  };
};
