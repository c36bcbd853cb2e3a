import { route } from '@forge/api';
import * as z from 'zod/mini';

import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { JiraError, JiraErrorCode } from './errors';
import { getJiraJson, type RequestJira } from './jira-client';

const myPermissionsSchema = z.object({
  permissions: z.object({ USER_PICKER: z.object({ havePermission: z.boolean() }) }),
});

/**
 * Whether the invoking user holds Jira's global "Browse users and groups" (USER_PICKER), which Jira itself requires
 * before it lists people by name. Service desk customers do not hold it.
 */
export const mayBrowseUsers = async (requestJira: RequestJira): Promise<boolean> => {
  const path = route`/rest/api/3/mypermissions?permissions=USER_PICKER`;
  const json = await getJiraJson(requestJira, path, (status, where) =>
    status === 401 || status === 403
      ? new JiraError(JiraErrorCode.Forbidden, `${where} answered ${status}.`, { status })
      : undefined,
  );
  const parsed = myPermissionsSchema.safeParse(json, IN_ENGLISH);
  if (!parsed.success) {
    throw new JiraError(
      JiraErrorCode.ResponseInvalid,
      `GET /rest/api/3/mypermissions answered an unexpected body: ${describeFirstSchemaProblem(parsed.error)}`,
      {
        status: 200,
      },
    );
  }
  return parsed.data.permissions.USER_PICKER.havePermission;
};
