import type { AdminFunctions } from '../../contract/functions';
import { requestJiraAsUser } from '../../jira/jira-client';
import type { AdminViewReaders } from '../../settings/admin-view';
import { loadOnce } from '../../shared/load-once';
import { loadedOnCall } from '../resolver-kit';
import type { AdminHandlers } from './admin-section';
import { loadAdminViewFunction } from './load-admin-view';

/*
 * Each section of the admin page, loaded on its first call: its functions and composition root come in a chunk of
 * their own (@forge/bundler's webpack makes each dynamic import() one, as for the template engine), so a cold start
 * builds only the contract schemas and services of the section it answers.
 */
const credentials = loadOnce(async () => {
  const [{ credentialsSection }, { createAdminCredentialsDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-credentials" */ './credentials-section'),
    import(/* webpackChunkName: "admin-credentials" */ '../../composition/admin/credentials-root'),
  ]);
  return credentialsSection(createAdminCredentialsDeps());
});
const templates = loadOnce(async () => {
  const [{ templatesSection }, { createAdminTemplatesDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-templates" */ './templates-section'),
    import(/* webpackChunkName: "admin-templates" */ '../../composition/admin/templates-root'),
  ]);
  return templatesSection(createAdminTemplatesDeps());
});
const mailSettings = loadOnce(async () => {
  const [{ mailSettingsSection }, { createAdminMailSettingsDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-settings" */ './mail-settings-section'),
    import(/* webpackChunkName: "admin-settings" */ '../../composition/admin/mail-settings-root'),
  ]);
  return mailSettingsSection(createAdminMailSettingsDeps());
});
const emailLog = loadOnce(async () => {
  const [{ emailLogSection }, { createAdminEmailLogDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-email-log" */ './email-log-section'),
    import(/* webpackChunkName: "admin-email-log" */ '../../composition/admin/email-log-root'),
  ]);
  return emailLogSection(createAdminEmailLogDeps());
});
const rules = loadOnce(async () => {
  const [{ rulesSection }, { createAdminRulesDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-rules" */ './rules-section'),
    import(/* webpackChunkName: "admin-rules" */ '../../composition/admin/rules-root'),
  ]);
  return rulesSection(createAdminRulesDeps());
});

const mailHandlers = loadOnce(async () => {
  const [{ mailHandlersSection }, { createAdminMailHandlersDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-mail-handlers" */ './mail-handlers-section'),
    import(/* webpackChunkName: "admin-mail-handlers" */ '../../composition/admin/mail-handlers-root'),
  ]);
  return mailHandlersSection(createAdminMailHandlersDeps());
});
const incomingLog = loadOnce(async () => {
  const [{ incomingLogSection }, { createAdminIncomingLogDeps }] = await Promise.all([
    import(/* webpackChunkName: "admin-incoming-log" */ './incoming-log-section'),
    import(/* webpackChunkName: "admin-incoming-log" */ '../../composition/admin/incoming-log-root'),
  ]);
  return incomingLogSection(createAdminIncomingLogDeps());
});

/** Functions `keys` of a section, each loading the section on its call; the admin check runs in the loaded function. */
const fromSection = <K extends keyof AdminFunctions>(
  section: () => Promise<{ functions: Pick<AdminHandlers, K> }>,
  keys: readonly K[],
): Pick<AdminHandlers, K> =>
  Object.fromEntries(
    keys.map((key) => [key, loadedOnCall(key, 'admin', async () => (await section()).functions[key])]),
  ) as Pick<AdminHandlers, K>;

/** loadAdminView's parts, each read by its section (loaded on first use). */
const readers: AdminViewReaders = {
  warnings: async () => (await credentials()).readers.warnings(),
  credentials: async () => (await credentials()).readers.credentials(),
  templates: async () => (await templates()).readers.templates(),
  mailSettings: async () => (await mailSettings()).readers.mailSettings(),
  projectRoles: async () => (await mailSettings()).readers.projectRoles(),
  projects: async () => (await mailSettings()).readers.projects(),
  rules: async () => (await rules()).readers.rules(),
  statuses: async () => (await rules()).readers.statuses(),
  jiraFields: async () => (await rules()).readers.jiraFields(),
  emailLogSettings: async () => (await emailLog()).readers.emailLogSettings(),
  emailLog: async () => (await emailLog()).readers.emailLog(),
  mailHandlers: async () => (await mailHandlers()).readers.mailHandlers(),
  handlerProjects: async () => (await mailHandlers()).readers.handlerProjects(),
  incomingLog: async () => (await incomingLog()).readers.incomingLog(),
};

/** The admin resolver's functions (function `admin-resolver`), each section loaded on its first call. */
export const lazyAdminFunctions = (): AdminHandlers => ({
  loadAdminView: loadAdminViewFunction(requestJiraAsUser, readers),
  ...fromSection(credentials, [
    'listCredentials',
    'saveCredential',
    'saveGoogleCredential',
    'deleteCredential',
    'testConnection',
    'setDefaultCredential',
    'listWarnings',
    'getAuthorizationSetup',
    'beginAuthorization',
  ]),
  ...fromSection(templates, ['listTemplates', 'saveTemplate', 'deleteTemplate', 'previewTemplate']),
  ...fromSection(mailSettings, [
    'getMailSettings',
    'saveMailSettings',
    'searchGroups',
    'listProjectRoles',
    'listProjects',
  ]),
  ...fromSection(emailLog, [
    'listEmailLog',
    'getEmailLogEntry',
    'resendEmail',
    'getEmailContent',
    'getEmailLogSettings',
    'saveEmailLogSettings',
  ]),
  ...fromSection(rules, [
    'listNotificationRules',
    'saveNotificationRule',
    'deleteNotificationRule',
    'listStatuses',
    'getNotificationRuleHistory',
    'tryNotificationRule',
    'listJiraFields',
  ]),
  ...fromSection(mailHandlers, [
    'listMailHandlers',
    'saveMailHandler',
    'deleteMailHandler',
    'testMailHandler',
    'listHandlerProjects',
    'listHandlerIssueTypes',
    'searchHandlerReporters',
  ]),
  ...fromSection(incomingLog, ['listIncomingLog', 'getIncomingLogEntry', 'processIncomingAgain']),
});
