import { route } from '@forge/api';
import * as z from 'zod/mini';

import { accessStatusError, getJiraJson, type RequestJira } from './jira-client';
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
