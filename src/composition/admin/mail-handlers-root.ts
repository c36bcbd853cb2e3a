import { listIssueTypes } from '../../jira/issue-types';
import { requestJiraAsApp, requestJiraAsUser } from '../../jira/jira-client';
import { listProjects } from '../../jira/projects';
import { searchUserRefs } from '../../jira/user-refs';
import { createMailHandlerService } from '../../mail-handlers/mail-handler-service';
import { createMailHandlerStore } from '../../mail-handlers/mail-handler-store';
import { newUuid, systemClock } from '../../shared/seams';
import type { AdminDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { appLog } from '../app-log';
import { buildCredentials } from '../credentials';
import { createHandlerMailbox } from '../handler-mailbox';

/**
 * The admin page's mail handlers tab (function `admin-resolver`, loaded on its first call). Projects and issue
 * types as the app (handlers create issues as the app, so the form offers only what the app can use); users as the
 * admin.
 */
export const createAdminMailHandlersDeps = (): Pick<AdminDeps, 'requestJira' | 'mailHandlers'> => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  const appProjects = () => listProjects(requestJiraAsApp);
  const issueTypes = (projectKey: string) => listIssueTypes(projectKey, requestJiraAsApp);
  return {
    requestJira: requestJiraAsUser,
    mailHandlers: {
      handlers: createMailHandlerService({
        store: createMailHandlerStore(kv, appLog),
        credentials: async () =>
          (await credentials.service.list()).map(({ id, name, senderMailbox }) => ({ id, name, senderMailbox })),
        appProjects,
        issueTypes,
        mailbox: createHandlerMailbox(kv, credentials),
        now: systemClock,
        newId: newUuid,
      }),
      listProjects: appProjects,
      listIssueTypes: issueTypes,
      searchReporters: (query) => searchUserRefs(query, requestJiraAsUser),
    },
  };
};
