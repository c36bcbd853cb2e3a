import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { StatusRef } from '../contract/notification-rules';
import { getJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const statusesSchema = z.array(z.object({ id: z.string(), name: z.string() }));

/** `GET /rest/api/3/status`: every status of the site, by name, each name once. */
export const listStatuses = async (requestJira: RequestJira): Promise<StatusRef[]> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/status`);
  const seen = new Set<string>();
  return parseJiraAnswer(statusesSchema, json, 'GET /rest/api/3/status')
    .filter((status) => {
      const key = status.name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
};
