import { createForgeIncomingQueue } from '../../incoming/queue/incoming-queue';
import { listIssueTypes } from '../../jira/issue-types';
import { requestJiraAsApp, requestJiraAsUser } from '../../jira/jira-client';
import { listProjects } from '../../jira/projects';
import { searchUserRefs } from '../../jira/user-refs';
import { toHandlerCredential } from '../../mail-handlers/mail-handler-rules';
import { createMailHandlerService } from '../../mail-handlers/mail-handler-service';
import { createMailHandlerStore } from '../../mail-handlers/mail-handler-store';
import { safeErrorLabel } from '../../shared/error-names';
import { newUuid, systemClock } from '../../shared/seams';
import type { AdminDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { appLog } from '../app-log';
import { buildCredentials } from '../credentials';
import { createHandlerMailbox } from '../handler-mailbox';
import { buildIncoming } from '../incoming';

/**
 * The admin page's mail handlers tab (function `admin-resolver`, loaded on its first call). Projects and issue
 * types as the app (handlers create issues as the app, so the form offers only what the app can use); users as the
 * admin. A saved handler is connected (or disconnected) by a job queued at once; a deleted one's
 * subscription is ended at the mail service before it goes.
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
        credentials: async () => (await credentials.service.list()).map(toHandlerCredential),
        appProjects,
        issueTypes,
        mailbox: createHandlerMailbox(kv, credentials),
        now: systemClock,
        newId: newUuid,
        saved: async (handler) => {
          const kind = handler.enabled ? 'connect' : 'disconnect';
          await createForgeIncomingQueue()
            .push([{ kind, handlerId: handler.id }])
            .catch((error: unknown) =>
              appLog(`mail handler ${handler.id}: ${kind} left to the upkeep (${safeErrorLabel(error)})`),
            );
        },
        deleting: async (handler) => {
          const incoming = buildIncoming(kv);
          await (
            await incoming.connection(handler)
          )
            .disconnect(handler.id)
            .catch((error: unknown) =>
              appLog(`mail handler ${handler.id}: its subscription is left to expire (${safeErrorLabel(error)})`),
            );
        },
      }),
      listProjects: appProjects,
      listIssueTypes: issueTypes,
      searchReporters: (query) => searchUserRefs(query, requestJiraAsUser),
    },
  };
};
