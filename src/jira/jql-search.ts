import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError, JiraErrorCode } from './errors';
import { assertIssueKey } from './issue-reader';
import { postJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const searchAnswerSchema = z.object({ issues: z.array(z.object({ id: z.string(), key: z.optional(z.string()) })) });

/** The issues the JQL finds, first page only (POST /rest/api/3/search/jql); a JQL Jira refuses is JIRA_JQL_REJECTED. */
const searchIssues = async (jql: string, maxResults: number, requestJira: RequestJira) => {
  const json = await postJiraJson(
    requestJira,
    route`/rest/api/3/search/jql`,
    { jql, maxResults, fields: ['id'] },
    200,
    (status, where) =>
      status === 400
        ? new JiraError(JiraErrorCode.JqlRejected, `${where} answered 400: Jira refused the JQL.`, { status })
        : undefined,
  );
  return parseJiraAnswer(searchAnswerSchema, json, 'POST /rest/api/3/search/jql').issues;
};

const search = async (jql: string, maxResults: number, requestJira: RequestJira): Promise<number> =>
  (await searchIssues(jql, maxResults, requestJira)).length;

/**
 * The keys of the first `maxResults` issues the JQL finds, in its order. Jira gives each found issue's `key` beside
 * its `id` once any field is asked for. Throws JiraError JIRA_JQL_REJECTED for a JQL Jira refuses.
 */
export const searchIssueKeys = async (jql: string, maxResults: number, requestJira: RequestJira): Promise<string[]> =>
  (await searchIssues(jql, maxResults, requestJira)).flatMap((issue) => (issue.key === undefined ? [] : [issue.key]));

/** Whether Jira accepts the JQL (a search for one issue: Jira checks fields, functions and values). */
export const isValidJql = async (jql: string, requestJira: RequestJira): Promise<boolean> => {
  try {
    await search(jql, 1, requestJira);
    return true;
  } catch (error) {
    if (error instanceof JiraError && error.code === JiraErrorCode.JqlRejected) return false;
    throw error;
  }
};

/** Whether the issue is among those the JQL finds. Throws JiraError JIRA_JQL_REJECTED for a JQL Jira refuses. */
export const issueMatchesJql = async (issueKey: string, jql: string, requestJira: RequestJira): Promise<boolean> => {
  assertIssueKey(issueKey);
  return (await search(`issuekey = ${issueKey} AND (${jql})`, 1, requestJira)) > 0;
};
