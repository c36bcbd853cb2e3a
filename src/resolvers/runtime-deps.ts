import { randomUUID } from 'node:crypto';

import { createRuleSendCap } from '../automation/rule-send-cap';
import type { SendEmailActionDeps } from '../automation/send-email-action';
import { createCredentialService } from '../credentials/credential-service';
import { createCredentialStore } from '../credentials/credential-store';
import { createTrafficHealth } from '../credentials/traffic-health';
import {
  createDirectorySearch,
  createGraphMailSender,
  createMailboxTrace,
  type GraphMailSenderDeps,
} from '../delivery/graph-mail-sender';
import { createHistoryStore } from '../history/history-store';
import { downloadAttachment, openAttachment } from '../jira/attachment-content';
import { mayBrowseUsers } from '../jira/browse-users-check';
import { listFields } from '../jira/fields';
import { readMyGroups, searchGroups } from '../jira/groups';
import { listIssueAttachments } from '../jira/issue-attachments';
import { addEmailComment } from '../jira/issue-comment-writer';
import { type LeaveOutAuthor, readIssueComments } from '../jira/issue-comments';
import { readIssueParticipants, readIssuePeople, readIssueRoles } from '../jira/issue-people';
import { readIssue } from '../jira/issue-reader';
import { requestJiraAsApp, requestJiraAsUser, requestJiraImpersonating } from '../jira/jira-client';
import { issueMatchesJql, isValidJql } from '../jira/jql-search';
import { readMyself } from '../jira/myself';
import { browsableProjects } from '../jira/project-access';
import { listRoles, rolesOfUserInProject } from '../jira/project-roles';
import { listProjects } from '../jira/projects';
import { listStatuses } from '../jira/statuses';
import { readUserEmails } from '../jira/user-emails';
import { readUserName } from '../jira/user-name';
import { searchJiraUsers } from '../jira/user-search';
import type { IssueEmailJira } from '../mail/issue-email-ports';
import { previewTemplateForIssue } from '../mail/template-preview';
import { issueRefOf } from '../notifications/issue-ref';
import type { NotifyDeps } from '../notifications/notify';
import { createOnceGuard } from '../notifications/once-guard';
import { queueNotification, type QueueNotificationDeps } from '../notifications/queue-notification';
import { createRuleService } from '../notifications/rule-service';
import { createRuleStore } from '../notifications/rule-store';
import { createRunHistoryStore } from '../notifications/run-history';
import { tryRule } from '../notifications/try-rule';
import { createTokenCache } from '../oauth/token-cache';
import { createConnectionTestLog } from '../outbox/connection-test-record';
import { createEmailContentStore } from '../outbox/email-contents';
import { createEmailLogService } from '../outbox/email-log-service';
import { createEmailRecordStore } from '../outbox/email-records';
import { enqueueEmail, type NewEmail } from '../outbox/enqueue-email';
import { createLogSettingsStore } from '../outbox/log-settings-store';
import { createMailboxPacer } from '../outbox/mailbox-pacer';
import type { OutboxDeps } from '../outbox/outbox-deps';
import { createForgeOutboxQueue } from '../outbox/outbox-queue';
import type { UpkeepDeps } from '../outbox/outbox-upkeep';
import { QUEUE_RETRY_POLICY, WORKER_GRAPH_TIMEOUT_MS, WORKER_TIME_LIMIT_MS } from '../outbox/worker-limits';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import { saveMailSettings } from '../settings/save-mail-settings';
import { checkSendPermission } from '../settings/send-permission';
import { globalFetch, realSleep, systemClock } from '../shared/seams';
import { createForgeEntityStore } from '../storage/entity-store';
import { createForgeKvStore } from '../storage/forge-kv-store';
import { MAILBOX_PACE_ENTITY, OUTBOX_EMAIL_ENTITY } from '../storage/keys';
import { createRenderThreadRunner } from '../templates/render-thread-runner';
import { createTemplateService } from '../templates/template-service';
import { createTemplateStore } from '../templates/template-store';
import { createWarningService, type WarningService } from '../warnings/warning-service';
import { createWarningStore } from '../warnings/warning-store';
import type { AdminDeps } from './admin-functions';
import { describeDeliveryFailure, INTERNAL_MESSAGE, toResolverError } from './error-messages';
import type { IssueActionDeps } from './issue-action-functions';

export type RuntimeDeps = AdminDeps &
  IssueActionDeps & {
    warnings: WarningService;
    outbox: OutboxDeps;
    upkeep: UpkeepDeps;
    /** The product trigger's notification rules (as the app). */
    notify: NotifyDeps;
    /** The Automation action (as the rule's actor). */
    automation: SendEmailActionDeps;
  };

let appAccount: Promise<LeaveOutAuthor> | undefined;
/**
 * Whose comments emails leave out: the app's own Jira account, read once per container (warm invocations reuse it),
 * so that its "Emailed to ..." notes never go into an email. Should the read fail, every app's comments are left out
 * for this email (never ours let through), and the next email asks again.
 */
const appCommentsAuthor = (): Promise<LeaveOutAuthor> =>
  (appAccount ??= readMyself(requestJiraAsApp).then(
    (me): LeaveOutAuthor => ({ accountId: me.accountId }),
    (): LeaveOutAuthor => {
      appAccount = undefined;
      return { accountType: 'app' };
    },
  ));

/** Jira as the invoking user for everything they read; the app only writes its own comment. */
const jiraAsUser: IssueEmailJira = {
  readSenderName: async () => (await readMyself(requestJiraAsUser)).displayName ?? 'A Jira user',
  readIssue: (issueKey) => readIssue(issueKey, requestJiraAsUser),
  readPeople: (issueKey) => readIssuePeople(issueKey, requestJiraAsUser),
  readParticipants: (issueKey) => readIssueParticipants(issueKey, requestJiraAsUser),
  // Jira's Email API answers apps only; the address goes into the message, never back to the person.
  readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
  listAttachments: (issueKey) => listIssueAttachments(issueKey, requestJiraAsUser),
  downloadAttachment: (attachmentId, expectedSize) => downloadAttachment(attachmentId, expectedSize, requestJiraAsUser),
  readComments: async (issueKey, limit) =>
    readIssueComments(issueKey, limit, requestJiraAsUser, await appCommentsAuthor()),
  searchUsers: (query) => searchJiraUsers(query, requestJiraAsUser),
  addEmailComment: async (issueKey, note) => {
    await addEmailComment(issueKey, note, requestJiraAsApp);
  },
};

/**
 * Jira as the app, for notification rules: a product trigger runs with no user. What an email shows is what the
 * rule's recipients were chosen to see; reading as the app is what the admin set up by creating the rule.
 */
const jiraAsApp: IssueEmailJira = {
  ...jiraAsUser,
  readSenderName: async () => (await readMyself(requestJiraAsApp)).displayName ?? 'Issue Mailer',
  readIssue: (issueKey) => readIssue(issueKey, requestJiraAsApp),
  readPeople: (issueKey) => readIssuePeople(issueKey, requestJiraAsApp),
  readParticipants: (issueKey) => readIssueParticipants(issueKey, requestJiraAsApp),
  listAttachments: (issueKey) => listIssueAttachments(issueKey, requestJiraAsApp),
  downloadAttachment: (attachmentId, expectedSize) => downloadAttachment(attachmentId, expectedSize, requestJiraAsApp),
  readComments: async (issueKey, limit) =>
    readIssueComments(issueKey, limit, requestJiraAsApp, await appCommentsAuthor()),
  searchUsers: (query) => searchJiraUsers(query, requestJiraAsApp),
};

/** "Who may send", asked of Jira as the invoking user: the dialog's sender or an Automation rule's actor. */
const checkPermission: IssueActionDeps['checkPermission'] = (current, projectKey, accountId) =>
  checkSendPermission(
    { whoMaySend: current.whoMaySend, projectKey, accountId },
    {
      myGroups: () => readMyGroups(requestJiraAsUser),
      rolesOfUserInProject: (key, account, groupIds, roleIds) =>
        rolesOfUserInProject(key, account, groupIds, roleIds, requestJiraAsApp),
    },
  );

/**
 * Every email of this container renders in one warm render thread, stopped at the render deadline (a runaway
 * template cannot block the function); the thread starts with the first render.
 */
const renderThread = createRenderThreadRunner();

/** The real collaborators: Forge storage, Jira as the invoking user, the global fetch and clock. */
const createRuntimeDeps = (): RuntimeDeps => {
  const store = createForgeKvStore();
  const credentialStore = createCredentialStore(store);
  const credentials = createCredentialService({ store: credentialStore, now: systemClock });
  const warnings = createWarningService({
    store: createWarningStore(store),
    listCredentials: () => credentialStore.list(),
    now: systemClock,
  });
  const tokenCache = createTokenCache(store);
  const traffic = createTrafficHealth(store);
  const templates = createTemplateService({
    store: createTemplateStore(store),
    now: systemClock,
    render: renderThread.render,
  });
  const settings = createMailSettingsStore(store);
  const records = createEmailRecordStore(createForgeEntityStore(OUTBOX_EMAIL_ENTITY));
  const contents = createEmailContentStore(store);
  const queue = createForgeOutboxQueue();
  const logSettings = createLogSettingsStore(store);
  const emailLog = createEmailLogService({
    records,
    queue,
    now: systemClock,
    credentialUpdatedAt: async (id) => (await credentialStore.get(id))?.updatedAt,
    contents,
  });
  const history = createHistoryStore(store);
  const log = (line: string) => console.warn(`[issue-mailer] ${line}`);
  const rules = createRuleStore(store, log);
  const ruleHistory = createRunHistoryStore(store);
  const enqueue = (email: NewEmail) => enqueueEmail(email, { records, contents, queue, now: systemClock, log });
  const notificationDeps: QueueNotificationDeps = {
    jira: jiraAsApp,
    templates,
    enqueue,
    newId: randomUUID,
    credential: (id) => (id === undefined ? credentials.getDefault() : credentials.get(id)),
    readSettings: () => settings.read(),
    readIssue: (issueKey) => readIssue(issueKey, requestJiraAsApp),
    userName: (accountId) => readUserName(accountId, requestJiraAsApp),
  };
  const graph: GraphMailSenderDeps = {
    credentials,
    tokenCache,
    fetch: globalFetch,
    now: systemClock,
    sleep: realSleep,
    onPromoted: (credential) => warnings.recordPromotion(credential),
    onTokenRefused: (credential, error) => warnings.recordTokenRefused(credential, error),
  };
  // The worker's Graph calls do not retry inside: throttling and outages go back to the queue with a delay.
  const workerGraph: GraphMailSenderDeps = {
    ...graph,
    retryPolicy: QUEUE_RETRY_POLICY,
    timeoutMs: WORKER_GRAPH_TIMEOUT_MS,
  };
  const trace = createMailboxTrace(workerGraph);
  const send = createGraphMailSender(workerGraph);
  return {
    credentials,
    warnings,
    traffic,
    tokenCache,
    fetch: globalFetch,
    now: systemClock,
    sleep: realSleep,
    requestJira: requestJiraAsUser,
    jira: jiraAsUser,
    templates,
    readSettings: () => settings.read(),
    checkPermission,
    mayBrowseUsers: () => mayBrowseUsers(requestJiraAsUser),
    enqueue,
    emailLog,
    logTestEmail: createConnectionTestLog({ records, newId: randomUUID, now: systemClock }),
    searchDirectory: createDirectorySearch(graph),
    history,
    describeFailure: (error) => toResolverError(error, 'user')?.message ?? INTERNAL_MESSAGE,
    newId: randomUUID,
    mail: {
      templates: {
        list: () => templates.list(),
        save: (input) => templates.save(input),
        delete: (id, inUse) => templates.delete(id, inUse),
        preview: (template, issueKey) =>
          previewTemplateForIssue(template, issueKey, {
            templates,
            jira: jiraAsUser,
            senderMailbox: async () => (await credentials.findDefault())?.senderMailbox ?? 'support@example.com',
          }),
      },
      settings: {
        read: () => settings.read(),
        save: (next) =>
          saveMailSettings(next, {
            store: settings,
            templateIds: async () => (await templates.list()).map((template) => template.id),
            credentialIds: async () => (await credentials.list()).map((credential) => credential.id),
          }),
      },
      searchGroups: (query) => searchGroups(query, requestJiraAsUser),
      listProjectRoles: () => listRoles(requestJiraAsUser),
      listProjects: () => listProjects(requestJiraAsUser),
    },
    log: { emails: emailLog, settings: logSettings },
    outbox: {
      records,
      contents,
      queue,
      pacer: createMailboxPacer(createForgeEntityStore(MAILBOX_PACE_ENTITY)),
      credential: (id) => credentials.get(id),
      send,
      findMessage: (credential, internetMessageId) => trace.find(credential, internetMessageId),
      deleteDraft: (credential, messageId) => trace.deleteDraft(credential, messageId),
      openAttachment: (attachmentId, expectedSize, readAs) =>
        openAttachment(
          attachmentId,
          expectedSize,
          readAs === undefined ? requestJiraAsApp : requestJiraImpersonating(readAs),
        ),
      recordHistory: (issueId, record) => history.record(issueId, record),
      addComment: async (issueKey, note) => {
        await addEmailComment(issueKey, note, requestJiraAsApp);
      },
      describe: describeDeliveryFailure,
      traffic,
      now: systemClock,
      random: Math.random,
      attemptTimeLimitMs: WORKER_TIME_LIMIT_MS,
      log,
    },
    upkeep: { records, contents, queue, settings: logSettings, now: systemClock, log },
    notifications: {
      rules: createRuleService({
        store: rules,
        history: ruleHistory,
        templateIds: async () => (await templates.list()).map((template) => template.id),
        credentialIds: async () => (await credentials.list()).map((credential) => credential.id),
        isValidJql: (jql) => isValidJql(jql, requestJiraAsUser),
        appSees: (projectKeys) => browsableProjects(projectKeys, requestJiraAsApp),
        log,
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
          credential: (credentialId) =>
            credentialId === undefined ? credentials.getDefault() : credentials.get(credentialId),
          readSettings: () => settings.read(),
        }),
    },
    notify: {
      rules,
      once: createOnceGuard(),
      history: ruleHistory,
      matchesJql: (issueKey, jql) => issueMatchesJql(issueKey, jql, requestJiraAsApp),
      readRoles: (issueKey) => readIssueRoles(issueKey, requestJiraAsApp),
      issueRef: (issueId) => issueRefOf(issueId, requestJiraAsApp),
      readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
      queue: (rule, fact, to) => queueNotification(rule, fact, to, notificationDeps),
      log,
      now: systemClock,
    },
    automation: {
      jira: jiraAsUser,
      templates,
      enqueue,
      newId: randomUUID,
      listTemplates: () => templates.list(),
      listCredentials: () => credentials.list(),
      credential: (id) => credentials.get(id),
      readSettings: () => settings.read(),
      checkPermission,
      sendCap: createRuleSendCap(),
      readIssue: (issueKey) => readIssue(issueKey, requestJiraAsUser),
      readRoles: (issueKey) => readIssueRoles(issueKey, requestJiraAsUser),
      readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
    },
  };
};

export const runtimeDeps = createRuntimeDeps();
