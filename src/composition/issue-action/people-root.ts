import { mayBrowseUsers } from '../../jira/browse-users-check';
import { requestJiraAsUser } from '../../jira/jira-client';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { createPeopleDirectory } from '../../providers/mail-sender';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { createAppKvStore } from '../app-kv';
import { buildCredentials } from '../credentials';
import { jiraAsUser } from '../issue-email-jira';
import { buildMailServiceDeps } from '../mail-service';
import { checkPermission } from '../send-permission';
import { buildWarnings } from '../warnings';

/** The issue action's people search (function `issue-action-resolver`, on first call): Jira's users and the mail service's directory. */
export const createIssueActionPeopleDeps = (): Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'searchDirectory' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers'
> => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  const settings = createMailSettingsStore(kv);
  const services = buildMailServiceDeps(kv, credentials.service, buildWarnings(kv, credentials.store));
  return {
    credentials: credentials.service,
    jira: jiraAsUser,
    searchDirectory: createPeopleDirectory(services),
    readSettings: () => settings.read(),
    checkPermission,
    mayBrowseUsers: () => mayBrowseUsers(requestJiraAsUser),
  };
};
