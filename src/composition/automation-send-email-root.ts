import { createRuleSendCap } from '../automation/rule-send-cap';
import type { SendEmailActionDeps } from '../automation/send-email-action';
import { readIssueRoles } from '../jira/issue-people';
import { readIssue } from '../jira/issue-reader';
import { requestJiraAsApp, requestJiraAsUser } from '../jira/jira-client';
import { readMyself } from '../jira/myself';
import { readUserEmails } from '../jira/user-emails';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import { newUuid } from '../shared/seams';
import { createAppKvStore } from './app-kv';
import { buildCredentials } from './credentials';
import { jiraAsUser } from './issue-email-jira';
import { buildEnqueue, buildOutboxStores } from './outbox';
import { checkPermission } from './send-permission';
import { buildTemplateService } from './templates';

/** The Automation action "Send issue email" (function `automation-send-email`): as the rule's actor. */
export const createSendEmailActionDeps = (): SendEmailActionDeps => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv).service;
  const templates = buildTemplateService(kv);
  const settings = createMailSettingsStore(kv);
  return {
    jira: jiraAsUser,
    templates,
    enqueue: buildEnqueue(buildOutboxStores(kv)),
    newId: newUuid,
    listTemplates: () => templates.list(),
    listCredentials: () => credentials.list(),
    credential: (id) => credentials.get(id),
    readSettings: () => settings.read(),
    checkPermission,
    sendCap: createRuleSendCap(),
    readIssue: (issueKey) => readIssue(issueKey, requestJiraAsUser),
    readRoles: (issueKey) => readIssueRoles(issueKey, requestJiraAsUser),
    readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
  };
};

/** The rule's actor: Automation invokes the action as them. */
export const actorAccountId = async (): Promise<string> => (await readMyself(requestJiraAsUser)).accountId;
