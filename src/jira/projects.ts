import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { ProjectRef } from '../contract/mail-settings';
import { accessStatusError, getJiraJson, type RequestJira, requestJiraAsUser } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const PAGE_SIZE = 50;
/** The admin page lists at most this many projects; a runaway paging answer must not loop for the whole call. */
export const MAX_PROJECTS = 5000;

const pageSchema = z.object({
  isLast: z.optional(z.boolean()),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});

/** Every project the caller can see, by key, from `GET /project/search` page by page. */
export const listProjects = async (requestJira: RequestJira = requestJiraAsUser): Promise<ProjectRef[]> => {
  const projects: ProjectRef[] = [];
  while (projects.length < MAX_PROJECTS) {
    const json = await getJiraJson(
      requestJira,
      route`/rest/api/3/project/search?orderBy=key&startAt=${projects.length}&maxResults=${PAGE_SIZE}`,
      accessStatusError,
    );
    const page = parseJiraAnswer(pageSchema, json, 'GET /rest/api/3/project/search');
    projects.push(...page.values.map(({ key, name }) => ({ key, name })));
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return projects.slice(0, MAX_PROJECTS);
};
