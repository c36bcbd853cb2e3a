import type { AdminDeps } from '../composition/admin-deps';
import type { AdminHandlers } from './admin/admin-section';
import { credentialsSection } from './admin/credentials-section';
import { emailLogSection } from './admin/email-log-section';
import { incomingLogSection } from './admin/incoming-log-section';
import { loadAdminViewFunction } from './admin/load-admin-view';
import { mailHandlersSection } from './admin/mail-handlers-section';
import { mailSettingsSection } from './admin/mail-settings-section';
import { rulesSection } from './admin/rules-section';
import { templatesSection } from './admin/templates-section';

/**
 * The admin page's functions, every section at once over one set of dependencies (tests and the local host). The
 * admin resolver itself loads each section on its first call (admin/admin-sections.ts). Each function first checks
 * that the caller is a Jira administrator.
 */
export const createAdminFunctions = (deps: AdminDeps): AdminHandlers => {
  const credentials = credentialsSection(deps);
  const templates = templatesSection(deps);
  const mailSettings = mailSettingsSection(deps);
  const emailLog = emailLogSection(deps);
  const rules = rulesSection(deps);
  const mailHandlers = mailHandlersSection(deps);
  const incomingLog = incomingLogSection(deps);
  const readers = {
    ...credentials.readers,
    ...templates.readers,
    ...mailSettings.readers,
    ...emailLog.readers,
    ...rules.readers,
    ...mailHandlers.readers,
    ...incomingLog.readers,
  };
  return {
    loadAdminView: loadAdminViewFunction(deps.requestJira, readers),
    ...credentials.functions,
    ...templates.functions,
    ...mailSettings.functions,
    ...emailLog.functions,
    ...rules.functions,
    ...mailHandlers.functions,
    ...incomingLog.functions,
  };
};
