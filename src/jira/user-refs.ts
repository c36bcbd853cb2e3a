import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { JiraUserRef } from '../contract/mail-handlers';
import { accessStatusError, getJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';
import { USER_SEARCH_LIMIT } from './user-search';

const usersSchema = z.array(
  z.object({
    accountId: z.string(),
    accountType: z.optional(z.string()),
    displayName: z.optional(z.string()),
    active: z.optional(z.boolean()),
  }),
);

/**
 * Active people (not apps or customers) whose name or email starts with `query`, by account id and name: a
 * reporter is named by account, so a hidden email does not leave them out (unlike the people to email).
 */
export const searchUserRefs = async (query: string, requestJira: RequestJira): Promise<JiraUserRef[]> => {
  const json = await getJiraJson(
    requestJira,
    route`/rest/api/3/user/search?query=${query}&maxResults=${USER_SEARCH_LIMIT}`,
    accessStatusError,
  );
  return parseJiraAnswer(usersSchema, json, 'GET /rest/api/3/user/search').flatMap((user): JiraUserRef[] =>
    user.accountType === 'atlassian' && user.active === true
      ? [{ accountId: user.accountId, displayName: user.displayName ?? user.accountId }]
      : [],
  );
};
