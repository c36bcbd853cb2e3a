import type { MailSettings } from '../contract/mail-settings';
import type { NotificationRuleView } from '../contract/notification-rules';
import type { TemplateService } from './template-service';

export interface DeleteUnusedTemplateDeps {
  templates: Pick<TemplateService, 'delete'>;
  readSettings: () => Promise<Pick<MailSettings, 'projectTemplates'>>;
  listRules: () => Promise<Array<Pick<NotificationRuleView, 'templateId'>>>;
}

/** Deletes a template unless something sends with it (TemplateInUseError then). */
export const deleteUnusedTemplate = async (id: string, deps: DeleteUnusedTemplateDeps): Promise<void> => {
  // A project's default or a notification rule using it would fail on every email.
  const [settings, rules] = await Promise.all([deps.readSettings(), deps.listRules()]);
  const inUse = [
    ...settings.projectTemplates.map((entry) => entry.templateId),
    ...rules.map((rule) => rule.templateId),
  ];
  await deps.templates.delete(id, inUse);
};
