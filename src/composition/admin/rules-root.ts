import { listFields } from '../../jira/fields';
import { readIssueRoles } from '../../jira/issue-people';
import { readIssue } from '../../jira/issue-reader';
import { requestJiraAsApp, requestJiraAsUser } from '../../jira/jira-client';
import { issueMatchesJql, isValidJql } from '../../jira/jql-search';
import { browsableProjects } from '../../jira/project-access';
import { listStatuses } from '../../jira/statuses';
import { readUserEmails } from '../../jira/user-emails';
import { createRuleService } from '../../notifications/rule-service';
import { createRuleStore } from '../../notifications/rule-store';
import { createRunHistoryStore } from '../../notifications/run-history';
import { tryRule } from '../../notifications/try-rule';
import { createMailSettingsStore } from '../../settings/mail-settings-store';
import { newUuid, systemClock } from '../../shared/seams';
import type { AdminDeps } from '../admin-deps';
import { createAppKvStore } from '../app-kv';
import { appLog } from '../app-log';
import { buildCredentials, credentialIdsOf, credentialOrDefault } from '../credentials';
import { jiraAsUser } from '../issue-email-jira';
import { buildTemplateService, templateIdsOf } from '../templates';

/**
 * The admin page's notification rules tab (function `admin-resolver`, loaded on its first call): rules as the admin
 * edits and tries them, Jira read as the admin; hidden addresses as the app.
 */
export const createAdminRulesDeps = (): Pick<AdminDeps, 'requestJira' | 'notifications'> => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv);
  const templates = buildTemplateService(kv);
  const rules = createRuleStore(kv, appLog);
  const settings = createMailSettingsStore(kv);
  return {
    requestJira: requestJiraAsUser,
    notifications: {
      rules: createRuleService({
        store: rules,
        history: createRunHistoryStore(kv),
        templateIds: templateIdsOf(templates),
        credentialIds: credentialIdsOf(credentials.service),
        isValidJql: (jql) => isValidJql(jql, requestJiraAsUser),
        appSees: (projectKeys) => browsableProjects(projectKeys, requestJiraAsApp),
        log: appLog,
        now: systemClock,
        newId: newUuid,
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
    },
  };
};
