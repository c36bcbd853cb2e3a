import { NotAdminError } from './errors';
import { type RequestJira, requestJiraAsUser } from './jira-client';
import { holdsGlobalPermission } from './my-permissions';

/** Throws NotAdminError unless the invoking user has Jira's global ADMINISTER permission. */
export const assertJiraAdmin = async (requestJira: RequestJira = requestJiraAsUser): Promise<void> => {
  if (!(await holdsGlobalPermission(requestJira, 'ADMINISTER'))) throw new NotAdminError();
};
