import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { IssueTypeRef } from '../contract/mail-handlers';
import { accessStatusError, getJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const projectSchema = z.object({
  issueTypes: z.array(z.object({ id: z.string(), name: z.string(), subtask: z.optional(z.boolean()) })),
});

/**
 * A project's issue types as `requestJira` may see them, sub-tasks left out (an issue created from mail has no
 * parent): `GET /rest/api/3/project/{projectIdOrKey}` lists them in `issueTypes`
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get).
 */
export const listIssueTypes = async (projectKey: string, requestJira: RequestJira): Promise<IssueTypeRef[]> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/project/${projectKey}`, accessStatusError);
  return parseJiraAnswer(projectSchema, json, 'GET /rest/api/3/project/{key}')
    .issueTypes.filter((type) => type.subtask !== true)
    .map(({ id, name }) => ({ id, name }));
};
