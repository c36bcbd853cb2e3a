import { readIssueRoles } from '../jira/issue-people';
import { readIssue } from '../jira/issue-reader';
import { requestJiraAsApp } from '../jira/jira-client';
import { issueMatchesJql } from '../jira/jql-search';
import { readUserEmails } from '../jira/user-emails';
import { readUserName } from '../jira/user-name';
import { issueRefOf } from '../notifications/issue-ref';
import type { NotifyDeps } from '../notifications/notify';
import { queueNotification, type QueueNotificationDeps } from '../notifications/queue-notification';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import { newUuid } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
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
    newId: newUuid,
    credential: credentialOrDefault(buildCredentials(kv).service),
    readSettings: () => settings.read(),
    readIssue: (issueKey) => readIssue(issueKey, requestJiraAsApp),
    userName: (accountId) => readUserName(accountId, requestJiraAsApp),
  };
};

/** What an event asks of Jira, and the email of a rule that fires. */
export type RuleWork = Pick<NotifyDeps, 'matchesJql' | 'readRoles' | 'issueRef' | 'readUserEmails' | 'queue'>;

/**
 * The issue-events trigger's work once a rule listens to the event (or the event names an attachment): Jira as the
 * app (@forge/api), and the rule's email (templates, credentials, the outbox). Only issue-events-root.ts imports
 * this file, lazily: an event that no rule listens to, most of them, loads none of it.
 */
export const createRuleWork = (kv: KvStore): RuleWork => {
  const queueDeps = notificationDeps(kv);
  return {
    matchesJql: (issueKey, jql) => issueMatchesJql(issueKey, jql, requestJiraAsApp),
    readRoles: (issueKey) => readIssueRoles(issueKey, requestJiraAsApp),
    issueRef: (issueId) => issueRefOf(issueId, requestJiraAsApp),
    readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
    queue: (rule, fact, to) => queueNotification(rule, fact, to, queueDeps),
  };
};
