import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError, JiraErrorCode } from './errors';
import { assertIssueKey } from './issue-reader';
import { accessStatusError, getJiraJson, issueStatusError, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

/** Jira's global permissions this app asks about. */
export type GlobalPermission = 'ADMINISTER' | 'USER_PICKER';

/** Whether `requestJira`'s actor holds a global Jira permission (`GET /rest/api/3/mypermissions`). */
export const holdsGlobalPermission = async (
  requestJira: RequestJira,
  permission: GlobalPermission,
): Promise<boolean> => {
  const json = await getJiraJson(
    requestJira,
    route`/rest/api/3/mypermissions?permissions=${permission}`,
    accessStatusError,
  );
  const schema = z.object({ permissions: z.object({ [permission]: z.object({ havePermission: z.boolean() }) }) });
  const { permissions } = parseJiraAnswer(schema, json, 'GET /rest/api/3/mypermissions');
  return permissions[permission]?.havePermission === true;
};

const commentPermission = z.object({
  permissions: z.object({ ADD_COMMENTS: z.object({ havePermission: z.boolean() }) }),
});

/**
 * Whether `requestJira`'s actor may comment on the issue (`GET /rest/api/3/mypermissions?issueKey=&permissions=
 * ADD_COMMENTS`); an issue it cannot see, or one that is gone (404), is `false`.
 */
export const mayCommentOn = async (issueKey: string, requestJira: RequestJira): Promise<boolean> => {
  assertIssueKey(issueKey);
  let json: unknown;
  try {
    json = await getJiraJson(
      requestJira,
      route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=ADD_COMMENTS`,
      issueStatusError,
    );
  } catch (error) {
    if (error instanceof JiraError && error.code === JiraErrorCode.IssueNotFound) return false;
    throw error;
  }
  const { permissions } = parseJiraAnswer(commentPermission, json, 'GET /rest/api/3/mypermissions');
  return permissions.ADD_COMMENTS.havePermission;
};
