import type { RequestJira } from './jira-client';
import { holdsGlobalPermission } from './my-permissions';

/**
 * Whether the invoking user holds Jira's global "Browse users and groups" (USER_PICKER), which Jira itself requires
 * before it lists people by name. Service desk customers do not hold it.
 */
export const mayBrowseUsers = (requestJira: RequestJira): Promise<boolean> =>
  holdsGlobalPermission(requestJira, 'USER_PICKER');
