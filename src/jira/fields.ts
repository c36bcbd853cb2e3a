import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { JiraFieldRef } from '../contract/notification-rules';
import { getJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const fieldsSchema = z.array(z.object({ id: z.string(), name: z.string() }));

/**
 * `GET /rest/api/3/field` ("Get fields": system and custom fields,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get),
 * by name, for a rule's "a chosen field changed".
 */
export const listFields = async (requestJira: RequestJira): Promise<JiraFieldRef[]> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/field`);
  return parseJiraAnswer(fieldsSchema, json, 'GET /rest/api/3/field')
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
};
