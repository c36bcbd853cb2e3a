import { randomUUID } from 'node:crypto';

import { readIssueRoles } from '../jira/issue-people';
import { readIssue } from '../jira/issue-reader';
import { requestJiraAsApp } from '../jira/jira-client';
import { issueMatchesJql } from '../jira/jql-search';
import { readUserEmails } from '../jira/user-emails';
import { readUserName } from '../jira/user-name';
import { issueRefOf } from '../notifications/issue-ref';
import type { NotifyDeps } from '../notifications/notify';
import { createOnceGuard } from '../notifications/once-guard';
import { queueNotification, type QueueNotificationDeps } from '../notifications/queue-notification';
import { createRuleStore } from '../notifications/rule-store';
import { createRunHistoryStore } from '../notifications/run-history';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildCredentials, credentialOrDefault } from './credentials';
import { jiraAsApp } from './issue-email-jira';
import { buildEnqueue, buildOutboxStores } from './outbox';
import { buildTemplateService } from './templates';

/** What a rule's email needs: the issue read as the app, the rule's template and credential, the outbox. */
const notificationDeps = (kv: KvStore): QueueNotificationDeps => {
  const settings = createMailSettingsStore(kv);
  return {
    jira: jiraAsApp,
    templates: buildTemplateService(kv),
    enqueue: buildEnqueue(buildOutboxStores(kv)),
    newId: randomUUID,
    credential: credentialOrDefault(buildCredentials(kv).service),
    readSettings: () => settings.read(),
    readIssue: (issueKey) => readIssue(issueKey, requestJiraAsApp),
    userName: (accountId) => readUserName(accountId, requestJiraAsApp),
  };
};

/** The notification rules' product trigger (function `issue-events`): Jira's events, read as the app. */
export const createIssueEventsDeps = (): NotifyDeps => {
  const kv = createAppKvStore();
  const queueDeps = notificationDeps(kv);
  return {
    rules: createRuleStore(kv, appLog),
    once: createOnceGuard(),
    history: createRunHistoryStore(kv),
    matchesJql: (issueKey, jql) => issueMatchesJql(issueKey, jql, requestJiraAsApp),
    readRoles: (issueKey) => readIssueRoles(issueKey, requestJiraAsApp),
    issueRef: (issueId) => issueRefOf(issueId, requestJiraAsApp),
    readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
    queue: (rule, fact, to) => queueNotification(rule, fact, to, queueDeps),
    log: appLog,
    now: systemClock,
  };
};
