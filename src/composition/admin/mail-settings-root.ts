import { searchGroups } from '../../jira/groups';
import { requestJiraAsUser } from '../../jira/jira-client';
import { listRoles } from '../../jira/project-roles';
import { listProjects } from '../../jira/projects';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { saveMailSettings } from '../../settings/save-mail-settings';
import type { AdminDeps, AdminMailDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { buildCredentials, credentialIdsOf } from '../credentials';
import { buildTemplateService, templateIdsOf } from '../templates';

/** The admin page's settings tab and the Jira lists its pickers need (function `admin-resolver`, on first call). */
export const createAdminMailSettingsDeps = (): Pick<AdminDeps, 'requestJira'> & {
  mail: Omit<AdminMailDeps, 'templates'>;
} => {
  const kv = createAppKvStore();
  const settings = createMailSettingsStore(kv);
  const templates = buildTemplateService(kv);
  const credentials = buildCredentials(kv);
  return {
    requestJira: requestJiraAsUser,
    mail: {
      settings: {
        read: () => settings.read(),
        save: (next) =>
          saveMailSettings(next, {
            store: settings,
            templateIds: templateIdsOf(templates),
            credentialIds: credentialIdsOf(credentials.service),
          }),
      },
      searchGroups: (query) => searchGroups(query, requestJiraAsUser),
      listProjectRoles: () => listRoles(requestJiraAsUser),
      listProjects: () => listProjects(requestJiraAsUser),
    },
  };
};
