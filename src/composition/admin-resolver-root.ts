import { randomUUID } from 'node:crypto';

import { createTrafficHealth } from '../credentials/traffic-health';
import { listFields } from '../jira/fields';
import { searchGroups } from '../jira/groups';
import { readIssueRoles } from '../jira/issue-people';
import { readIssue } from '../jira/issue-reader';
import { requestJiraAsApp, requestJiraAsUser } from '../jira/jira-client';
import { issueMatchesJql, isValidJql } from '../jira/jql-search';
import { browsableProjects } from '../jira/project-access';
import { listRoles } from '../jira/project-roles';
import { listProjects } from '../jira/projects';
import { listStatuses } from '../jira/statuses';
import { readUserEmails } from '../jira/user-emails';
import { previewTemplateForIssue } from '../mail/template-preview';
import { createRuleService, type RuleService } from '../notifications/rule-service';
import { createRuleStore } from '../notifications/rule-store';
import { createRunHistoryStore } from '../notifications/run-history';
import { tryRule } from '../notifications/try-rule';
import { createTokenCache } from '../oauth/token-cache';
import { createConnectionTestLog } from '../outbox/connection-test-record';
import { createLogSettingsStore } from '../outbox/log-settings-store';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import { saveMailSettings } from '../settings/save-mail-settings';
import { globalFetch, realSleep, systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { deleteUnusedTemplate } from '../templates/delete-unused-template';
import type { TemplateService } from '../templates/template-service';
import type { AdminDeps, AdminMailDeps, AdminRuleDeps } from './admin-deps';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildCredentials, credentialIdsOf, credentialOrDefault, type Credentials } from './credentials';
import { buildEmailLog } from './email-log';
import { jiraAsUser } from './issue-email-jira';
import { buildOutboxStores } from './outbox';
import { buildTemplateService, templateIdsOf } from './templates';
import { buildWarnings } from './warnings';

/** What the admin page's sections read and write besides credentials: templates, mail settings, Jira's lists. */
const adminMailDeps = (
  kv: KvStore,
  templates: TemplateService,
  credentials: Credentials,
  rules: Pick<RuleService, 'list'>,
): AdminMailDeps => {
  const settings = createMailSettingsStore(kv);
  return {
    templates: {
      list: () => templates.list(),
      save: (input) => templates.save(input),
      delete: (id) =>
        deleteUnusedTemplate(id, { templates, readSettings: () => settings.read(), listRules: () => rules.list() }),
      preview: (template, issueKey) =>
        previewTemplateForIssue(template, issueKey, {
          templates,
          jira: jiraAsUser,
          senderMailbox: async () => (await credentials.service.findDefault())?.senderMailbox ?? 'support@example.com',
        }),
    },
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
  };
};

/** Notification rules as the admin edits and tries them (Jira read as the admin; hidden addresses as the app). */
const adminRuleDeps = (kv: KvStore, templates: TemplateService, credentials: Credentials): AdminRuleDeps => {
  const rules = createRuleStore(kv, appLog);
  const settings = createMailSettingsStore(kv);
  return {
    rules: createRuleService({
      store: rules,
      history: createRunHistoryStore(kv),
      templateIds: templateIdsOf(templates),
      credentialIds: credentialIdsOf(credentials.service),
      isValidJql: (jql) => isValidJql(jql, requestJiraAsUser),
      appSees: (projectKeys) => browsableProjects(projectKeys, requestJiraAsApp),
      log: appLog,
      now: systemClock,
      newId: randomUUID,
    }),
    listStatuses: () => listStatuses(requestJiraAsUser),
    listFields: () => listFields(requestJiraAsUser),
    tryRule: (id, issueKey) =>
      tryRule(id, issueKey, {
        jira: jiraAsUser,
        templates,
        rule: (ruleId) => rules.get(ruleId),
        readIssue: (key) => readIssue(key, requestJiraAsUser),
        matchesJql: (key, jql) => issueMatchesJql(key, jql, requestJiraAsUser),
        readRoles: (key) => readIssueRoles(key, requestJiraAsUser),
        // Jira's Email API answers the app only; the trial lists a hidden person by name, never the address.
        readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
        credential: credentialOrDefault(credentials.service),
        readSettings: () => settings.read(),
      }),
  };
};

/** The admin page (function `admin-resolver`): Forge storage, Jira as the invoking admin, the global fetch and clock. */
export const createAdminResolverDeps = (): AdminDeps => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  const templates = buildTemplateService(kv);
  const outbox = buildOutboxStores(kv);
  const warnings = buildWarnings(kv, credentials.store);
  const notifications = adminRuleDeps(kv, templates, credentials);
  return {
    credentials: credentials.service,
    warnings,
    onPromoted: (credential) => warnings.recordPromotion(credential),
    traffic: createTrafficHealth(kv),
    tokenCache: createTokenCache(kv),
    fetch: globalFetch,
    now: systemClock,
    sleep: realSleep,
    requestJira: requestJiraAsUser,
    logTestEmail: createConnectionTestLog({ records: outbox.records, newId: randomUUID, now: systemClock }),
    mail: adminMailDeps(kv, templates, credentials, notifications.rules),
    log: { emails: buildEmailLog(outbox, credentials.store), settings: createLogSettingsStore(kv) },
    notifications,
  };
};
