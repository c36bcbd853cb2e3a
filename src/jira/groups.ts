import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { GroupRef } from '../contract/mail-settings';
import { accessStatusError, getJiraJson, type RequestJira, requestJiraAsUser } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

/** A group the caller belongs to. Names can change; `groupId` is what settings match on. */
export interface JiraGroup {
  name: string;
  /** Null for the rare group Jira gives no id. */
  groupId: string | null;
}

const myGroupsSchema = z.object({
  groups: z.object({
    items: z.array(z.object({ name: z.string(), groupId: z.nullish(z.string()) })),
  }),
});

/** The invoking user's groups, nested ones included, from `GET /myself?expand=groups`. */
export const readMyGroups = async (requestJira: RequestJira = requestJiraAsUser): Promise<JiraGroup[]> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/myself?expand=groups`, accessStatusError);
  return parseJiraAnswer(myGroupsSchema, json, 'GET /rest/api/3/myself').groups.items.map(({ name, groupId }) => ({
    name,
    groupId: groupId === undefined || groupId === null || groupId === '' ? null : groupId,
  }));
};

export const GROUP_SEARCH_LIMIT = 20;

const foundGroupsSchema = z.object({
  groups: z.array(z.object({ name: z.string(), groupId: z.nullish(z.string()) })),
});

/**
 * Groups whose name contains `query`, for the admin page's picker (`GET /groups/picker`). Groups without an id
 * cannot be chosen, since settings keep ids.
 */
export const searchGroups = async (
  query: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<GroupRef[]> => {
  const json = await getJiraJson(
    requestJira,
    route`/rest/api/3/groups/picker?query=${query}&maxResults=${GROUP_SEARCH_LIMIT}`,
    accessStatusError,
  );
  return parseJiraAnswer(foundGroupsSchema, json, 'GET /rest/api/3/groups/picker').groups.flatMap(
    ({ name, groupId }) => (groupId === undefined || groupId === null || groupId === '' ? [] : [{ id: groupId, name }]),
  );
};
