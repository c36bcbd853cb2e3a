import { requestJiraAsUser } from '../../jira/jira-client';
import { previewTemplateForIssue } from '../../mail/template-preview';
import { createRuleStore } from '../../notifications/rule-store';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { deleteUnusedTemplate } from '../../templates/delete-unused-template';
import type { AdminDeps, AdminMailDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { appLog } from '../app-log';
import { buildCredentials } from '../credentials';
import { jiraAsUser } from '../issue-email-jira';
import { buildTemplateService } from '../templates';

/** The admin page's templates tab (function `admin-resolver`, loaded on its first call). */
export const createAdminTemplatesDeps = (): Pick<AdminDeps, 'requestJira'> & {
  mail: Pick<AdminMailDeps, 'templates'>;
} => {
  const kv = createAppKvStore();
  const templates = buildTemplateService(kv);
  const credentials = buildCredentials(kv);
  const settings = createMailSettingsStore(kv);
  const rules = createRuleStore(kv, appLog);
  return {
    requestJira: requestJiraAsUser,
    mail: {
      templates: {
        list: () => templates.list(),
        save: (input) => templates.save(input),
        delete: (id) =>
          deleteUnusedTemplate(id, { templates, readSettings: () => settings.read(), listRules: () => rules.list() }),
        preview: (template, issueKey) =>
          previewTemplateForIssue(template, issueKey, {
            templates,
            jira: jiraAsUser,
            senderMailbox: async () =>
              (await credentials.service.findDefault())?.senderMailbox ?? 'support@example.com',
          }),
      },
    },
  };
};
