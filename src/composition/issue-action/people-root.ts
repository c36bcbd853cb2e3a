import { createPeopleDirectory } from '../../delivery/mail-sender';
import { mayBrowseUsers } from '../../jira/browse-users-check';
import { requestJiraAsUser } from '../../jira/jira-client';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { createAppKvStore } from '../app-kv';
import { buildCredentials } from '../credentials';
import { buildGraphDeps } from '../graph';
import { jiraAsUser } from '../issue-email-jira';
import { checkPermission } from '../send-permission';
import { buildWarnings } from '../warnings';

/** The issue action's people search (function `issue-action-resolver`, on first call): Jira's users and Graph's directory. */
export const createIssueActionPeopleDeps = (): Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'searchDirectory' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers'
> => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  const settings = createMailSettingsStore(kv);
  const graph = buildGraphDeps(kv, credentials.service, buildWarnings(kv, credentials.store));
  return {
    credentials: credentials.service,
    jira: jiraAsUser,
    searchDirectory: createPeopleDirectory(graph),
    readSettings: () => settings.read(),
    checkPermission,
    mayBrowseUsers: () => mayBrowseUsers(requestJiraAsUser),
  };
};
