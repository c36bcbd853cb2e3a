import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { PersonOption } from '../contract/issue-email';
import { accessStatusError, getJiraJson, type RequestJira, requestJiraAsUser } from './jira-client';
import { visibleEmail } from './jira-email';
import { parseJiraAnswer } from './parse-answer';

export const USER_SEARCH_LIMIT = 10;

const usersSchema = z.array(
  z.object({
    accountId: z.string(),
    accountType: z.optional(z.string()),
    displayName: z.optional(z.string()),
    emailAddress: z.nullish(z.string()),
    active: z.optional(z.boolean()),
  }),
);

/**
 * Jira users whose name or email starts with `query`, as the invoking user may see them: only active people
 * (not apps or service desk customers) whose email Jira shows. Without "Browse users and groups" Jira answers none.
 */
export const searchJiraUsers = async (
  query: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<PersonOption[]> => {
  const json = await getJiraJson(
    requestJira,
    route`/rest/api/3/user/search?query=${query}&maxResults=${USER_SEARCH_LIMIT}`,
    accessStatusError,
  );
  return parseJiraAnswer(usersSchema, json, 'GET /rest/api/3/user/search').flatMap((user): PersonOption[] => {
    const address = visibleEmail(user.emailAddress);
    if (user.accountType !== 'atlassian' || user.active !== true || address === null) return [];
    return [{ name: user.displayName ?? address, address, source: 'jira' }];
  });
};
