import { route } from '@forge/api';
import * as z from 'zod/mini';

import { getJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const userSchema = z.object({ displayName: z.optional(z.string()) });

/** `GET /rest/api/3/user?accountId=`: a person's display name, or undefined when Jira does not give one. */
export const readUserName = async (accountId: string, requestJira: RequestJira): Promise<string | undefined> => {
  if (!/^[A-Za-z0-9:_-]{1,128}$/.test(accountId)) return undefined;
  const json = await getJiraJson(requestJira, route`/rest/api/3/user?accountId=${accountId}`);
  return parseJiraAnswer(userSchema, json, 'GET /rest/api/3/user').displayName;
};
