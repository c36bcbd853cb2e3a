import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError, JiraErrorCode } from '../jira/errors';
import { getJiraJson, type RequestJira } from '../jira/jira-client';
import { parseJiraAnswer } from '../jira/parse-answer';
import type { IssueEventFact } from './issue-event';

const ISSUE_ID_PATTERN = /^[0-9]{1,18}$/;
const issueRefSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({ project: z.object({ key: z.string() }) }),
});

/**
 * The key and project of an issue known by id (an attachment event names only `issueId`), read as the app
 * (`GET /rest/api/3/issue/{id}?fields=project`); an issue the app cannot see (or no longer exists) is undefined,
 * so the event is not answered.
 */
export const issueRefOf = async (
  issueId: string,
  requestJira: RequestJira,
): Promise<IssueEventFact['issue'] | undefined> => {
  if (!ISSUE_ID_PATTERN.test(issueId)) return undefined;
  const where = 'GET /rest/api/3/issue/{id}';
  try {
    const json = await getJiraJson(requestJira, route`/rest/api/3/issue/${issueId}?fields=project`, (status) =>
      status === 404 ? new JiraError(JiraErrorCode.IssueNotFound, `${where} answered 404.`, { status }) : undefined,
    );
    const issue = parseJiraAnswer(issueRefSchema, json, where);
    return { id: issue.id, key: issue.key, projectKey: issue.fields.project.key };
  } catch (error) {
    if (error instanceof JiraError && error.code === JiraErrorCode.IssueNotFound) return undefined;
    throw error;
  }
};
