import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError } from './errors';
import { accessStatusError, getJiraJson, type RequestJira, requestJiraAsApp } from './jira-client';
import { parseJiraAnswer } from './parse-answer';
import { PROJECT_KEY_PATTERN } from './project-roles';

const browseSchema = z.object({
  permissions: z.object({ BROWSE_PROJECTS: z.object({ havePermission: z.boolean() }) }),
});

/**
 * Which of these projects the caller (the app's own account, by default) may browse, one `GET /mypermissions` a
 * project. The app's account sees a project only where its permission scheme grants the
 * `atlassian-addons-project-access` role; a project Jira does not know (404) is one it cannot see.
 */
export const browsableProjects = async (
  projectKeys: readonly string[],
  requestJira: RequestJira = requestJiraAsApp,
): Promise<Set<string>> => {
  const keys = [...new Set(projectKeys)].filter((key) => PROJECT_KEY_PATTERN.test(key));
  const seen = await Promise.all(
    keys.map(async (key) => {
      const where = `GET /rest/api/3/mypermissions?projectKey=${key}`;
      try {
        const json = await getJiraJson(
          requestJira,
          route`/rest/api/3/mypermissions?projectKey=${key}&permissions=BROWSE_PROJECTS`,
          accessStatusError,
        );
        return parseJiraAnswer(browseSchema, json, where).permissions.BROWSE_PROJECTS.havePermission ? key : undefined;
      } catch (error) {
        // Jira answers 404 for a project the caller cannot see at all.
        if (error instanceof JiraError && error.status === 404) return undefined;
        throw error;
      }
    }),
  );
  return new Set(seen.filter((key): key is string => key !== undefined));
};
