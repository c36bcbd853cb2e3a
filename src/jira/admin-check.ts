import { route } from '@forge/api';
import * as z from 'zod/mini';

import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { JiraError, JiraErrorCode, NotAdminError } from './errors';
import { getJiraJson, type RequestJira, requestJiraAsUser } from './jira-client';

const myPermissionsSchema = z.object({
  permissions: z.object({
    ADMINISTER: z.object({ havePermission: z.boolean() }),
  }),
});

/** Throws NotAdminError unless the invoking user has Jira's global ADMINISTER permission. */
export const assertJiraAdmin = async (requestJira: RequestJira = requestJiraAsUser): Promise<void> => {
  const path = route`/rest/api/3/mypermissions?permissions=ADMINISTER`;
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
      { status: 200 },
    );
  }
  if (!parsed.data.permissions.ADMINISTER.havePermission) throw new NotAdminError();
};
