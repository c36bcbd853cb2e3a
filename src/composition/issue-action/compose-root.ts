import { createHistoryStore } from '../../history/history-store';
import { mayBrowseUsers } from '../../jira/browse-users-check';
import { requestJiraAsUser } from '../../jira/jira-client';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { createAppKvStore } from '../app-kv';
import { buildCredentials } from '../credentials';
import { jiraAsUser } from '../issue-email-jira';
import { checkPermission } from '../send-permission';
import { buildTemplateService } from '../templates';

/**
 * The issue action's dialog as it opens and previews (function `issue-action-resolver`, loaded on first call): Jira
 * as the invoking user, templates, settings and the issue's email history; nothing of the outbox or the mail service.
 */
export const createIssueActionComposeDeps = (): Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'templates' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers' | 'history'
> => {
  const kv = createAppKvStore();
  const settings = createMailSettingsStore(kv);
  return {
    credentials: buildCredentials(kv).service,
    jira: jiraAsUser,
    templates: buildTemplateService(kv),
    readSettings: () => settings.read(),
    checkPermission,
    mayBrowseUsers: () => mayBrowseUsers(requestJiraAsUser),
    history: createHistoryStore(kv),
  };
};
