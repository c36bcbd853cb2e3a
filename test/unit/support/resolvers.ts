import { readSendingSetup } from '../../../src/composition/sending-setup';
import type { AttachmentOption, PersonOption, SendPermission } from '../../../src/contract/issue-email';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { createTrafficHealth } from '../../../src/credentials/traffic-health';
import { createHistoryStore } from '../../../src/history/history-store';
import type { IssuePerson } from '../../../src/jira/issue-people';
import { readIssue } from '../../../src/jira/issue-reader';
import type { IssueEmailJira } from '../../../src/mail/issue-email-ports';
import { toHandlerCredential } from '../../../src/mail-handlers/mail-handler-rules';
import { describeDeliveryFailure, INTERNAL_MESSAGE, toResolverError } from '../../../src/messages/error-answers';
import { createRuleService } from '../../../src/notifications/rule-service';
import { createRuleStore } from '../../../src/notifications/rule-store';
import { createRunHistoryStore } from '../../../src/notifications/run-history';
import { createAuthorizationStateStore } from '../../../src/oauth/authorization-state';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { createConnectionTestLog } from '../../../src/outbox/connection-test-record';
import { createEmailContentStore } from '../../../src/outbox/email-contents';
import { createEmailLogService } from '../../../src/outbox/email-log-service';
import { createEmailRecordStore } from '../../../src/outbox/email-records';
import { enqueueEmail } from '../../../src/outbox/enqueue-email';
import { handleOutboxJob, type JobOutcome } from '../../../src/outbox/handle-outbox-job';
import { createLogSettingsStore } from '../../../src/outbox/log-settings-store';
import { createMailboxPacer } from '../../../src/outbox/mailbox-pacer';
import type { OutboxDeps } from '../../../src/outbox/outbox-deps';
import { senderRemedies } from '../../../src/outbox/sender-remedy';
import { QUEUE_RETRY_POLICY, WORKER_TIME_LIMIT_MS } from '../../../src/outbox/worker-limits';
import { connectionDiagnoses } from '../../../src/providers/connection-test';
import { MAIL_SERVICE_CODES_NEEDING_ADMIN } from '../../../src/providers/failure';
import { planGoogleSave } from '../../../src/providers/google-credential-save';
import {
  createDirectorySearch,
  createGraphMailSender,
  createMailboxTrace,
  type GraphMailSenderDeps,
} from '../../../src/providers/microsoft/delivery/graph-mail-sender';
import { acceptedNote } from '../../../src/providers/words';
import { createAdminFunctions } from '../../../src/resolvers/admin-functions';
import { createIssueActionFunctions } from '../../../src/resolvers/issue-action-functions';
import type { ResolverRequest } from '../../../src/resolvers/resolver-kit';
import { createMailSettingsStore } from '../../../src/settings/mail-settings-store';
import { withSendSetup } from '../../../src/storage/send-setup';
import { deleteUnusedTemplate } from '../../../src/templates/delete-unused-template';
import { renderEmail } from '../../../src/templates/render-email';
import { createTemplateService } from '../../../src/templates/template-service';
import { createTemplateStore } from '../../../src/templates/template-store';
import { createWarningService } from '../../../src/warnings/warning-service';
import { createWarningStore } from '../../../src/warnings/warning-store';
import { credentialInput, sequentialIds } from './credentials';
import type { FetchHandler } from './fake-fetch';
import { fakeFetch, fakeJwt, jsonResponse } from './fake-fetch';
import { adminPermissions, fakeJira, sampleIssue } from './fake-jira';
import { dueAt, FakeOutboxQueue } from './fake-outbox-queue';
import { incomingLogWorld } from './incoming-log-world';
import { FakeHandlerMailbox, HANDLER_ISSUE_TYPES, HANDLER_PROJECTS, handlerService, REPORTER } from './mail-handlers';
import { MemoryEntityStore } from './memory-entity-store';
import { MemoryKvStore } from './memory-kv-store';

export const NOW = Date.parse('2024-05-06T06:00:00Z');

/** The id of the n-th email a world queues: UUID-shaped, as the contract's EMAIL_ID_PATTERN wants. */
export const emailIdOf = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A token carrying every permission Issue Mailer needs. */
export const GOOD_TOKEN = fakeJwt({ roles: ['User.Read.All', 'Mail.ReadWrite', 'Mail.Send'] });

/** Microsoft as it answers a well set-up app: a token, the sender user, its inbox, 202 for sendMail. */
export const defaultMicrosoft: FetchHandler = (call) => {
  if (call.url.includes('/oauth2/v2.0/token'))
    return jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: GOOD_TOKEN });
  if (call.url.includes('/mailFolders/inbox')) return jsonResponse(200, { id: 'inbox-1', totalItemCount: 0 });
  if (call.method === 'GET' && call.url.includes('/users/'))
    return jsonResponse(200, { id: 'u-1', displayName: 'Support', userPrincipalName: 'support@contoso.com' });
  return new Response(null, { status: 202 });
};

/** Bytes as a Jira download hands them over: in pieces, each only when asked for. */
async function* piecesOf(bytes: Uint8Array, pieceBytes = 64 * 1024): AsyncGenerator<Uint8Array, void, undefined> {
  for (let start = 0; start < bytes.byteLength; start += pieceBytes) yield bytes.subarray(start, start + pieceBytes);
}

export interface FakeIssueData {
  people: PersonOption[];
  /** Reporter, assignee and watchers with the addresses the caller sees (null where Jira hides them). */
  participants: IssuePerson[];
  /** What Jira's Email API answers the app, by account id; `userEmailCalls` records each ask. */
  userEmails: Record<string, string>;
  userEmailCalls: string[][];
  attachments: Array<AttachmentOption & { bytes?: Uint8Array }>;
  comments: Array<{ id: string; author: string; created: string; bodyHtml: string }>;
  permission: SendPermission;
  /** Whether the caller holds Jira's "Browse users and groups". */
  browseUsers: boolean;
  comments_added: Array<{ issueKey: string; to: readonly string[]; cc: readonly string[]; subject: string }>;
}

/** Both resolvers' functions over in-memory storage, a fake Jira and a fake Microsoft. */
export const resolverWorld = (options: { isAdmin?: boolean; microsoft?: FetchHandler; issue?: unknown } = {}) => {
  const kv = new MemoryKvStore();
  // The stores' storage as the app's functions have it (composition/app-kv.ts): the `send-setup` copy kept by every
  // write; `kv` is the memory underneath, whose operations the tests count.
  const appKv = withSendSetup(kv);
  const credentialStore = createCredentialStore(appKv);
  const credentials = createCredentialService({
    store: credentialStore,
    now: () => NOW,
    newId: sequentialIds(),
    env: {},
    planGoogleSave,
  });
  const warnings = createWarningService({
    store: createWarningStore(appKv),
    listCredentials: () => credentialStore.list(),
    now: () => NOW,
  });
  const jira = fakeJira((path) => {
    if (path.startsWith('/rest/api/3/mypermissions'))
      return { status: 200, body: adminPermissions(options.isAdmin ?? true) };
    if (path.startsWith('/rest/api/3/issue/DEMO-1')) return { status: 200, body: options.issue ?? sampleIssue() };
    if (path === '/rest/api/3/myself')
      return {
        status: 200,
        body: { accountId: 'admin-1', displayName: 'Ada Admin', emailAddress: 'ada.admin@example.com' },
      };
    return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'] } };
  });
  const microsoft = fakeFetch(options.microsoft ?? defaultMicrosoft);
  const tokenCache = createTokenCache(appKv);
  const memo = new TokenMemo();
  const graph: GraphMailSenderDeps = {
    credentials,
    tokenCache,
    refreshTokens: createRefreshTokenStore(appKv),
    fetch: microsoft.fetch,
    now: () => NOW,
    memo,
    env: {},
    sleep: async () => undefined,
    onPromoted: (credential) => warnings.recordPromotion(credential),
    onTokenRefused: (credential, error) => warnings.recordTokenRefused(credential, error),
    onAuthorizationRefused: (credential, error) => warnings.recordAuthorizationRefused(credential, error),
  };
  const templates = createTemplateService({
    store: createTemplateStore(appKv),
    now: () => NOW,
    newId: sequentialIds('tpl'),
    // liquidjs's wall-time backstop lifted: on a busy machine it once refused the built-in template, and a send
    // these tests expect to queue failed before the outbox (email-log-resend.test.ts). The counted limits stay.
    render: (template, data) => renderEmail(template, data, { renderMs: 600_000 }),
  });
  const settings = createMailSettingsStore(appKv);
  const issueData: FakeIssueData = {
    people: [],
    participants: [],
    userEmails: {},
    userEmailCalls: [],
    attachments: [],
    comments: [],
    permission: { allowed: true },
    browseUsers: true,
    comments_added: [],
  };
  /** The issue itself comes through the real reader over the fake Jira; the rest is held in memory. */
  const issueJira: IssueEmailJira = {
    readSenderName: async () => 'Ursula User',
    readIssue: (key) => readIssue(key, jira.requestJira),
    readPeople: async () => issueData.people,
    readParticipants: async () => issueData.participants,
    readUserEmails: async (accountIds) => {
      issueData.userEmailCalls.push([...accountIds]);
      return new Map(
        accountIds.flatMap((id) =>
          issueData.userEmails[id] === undefined ? [] : [[id, issueData.userEmails[id]] as const],
        ),
      );
    },
    listAttachments: async () => issueData.attachments.map(({ bytes: _bytes, ...meta }) => meta),
    downloadAttachment: async (id) =>
      issueData.attachments.find((attachment) => attachment.id === id)?.bytes ?? new Uint8Array(),
    readComments: async (_key, limit) => ({
      comments: limit === 'all' ? issueData.comments : issueData.comments.slice(0, limit),
      total: issueData.comments.length,
    }),
    searchUsers: async () => [],
    addEmailComment: async (issueKey, note) => {
      issueData.comments_added.push({ issueKey, to: note.to, cc: note.cc, subject: note.subject });
    },
  };
  const clock = { now: NOW };
  // A memo of its own: each world starts as a cold process would.
  const traffic = createTrafficHealth(appKv, new Map());
  const ruleStore = createRuleStore(appKv);
  const entities = new MemoryEntityStore();
  entities.alongsideTo = kv;
  const records = createEmailRecordStore(entities);
  const contents = createEmailContentStore(appKv);
  const queue = new FakeOutboxQueue(() => clock.now);
  const history = createHistoryStore(appKv);
  const emailLog = createEmailLogService({
    records,
    queue,
    now: () => clock.now,
    credentialUpdatedAt: async (id) => (await credentialStore.get(id))?.updatedAt,
    contents,
    remedyOf: senderRemedies(MAIL_SERVICE_CODES_NEEDING_ADMIN),
  });
  const logSettings = createLogSettingsStore(appKv);
  const workerGraph: GraphMailSenderDeps = { ...graph, now: () => clock.now, retryPolicy: QUEUE_RETRY_POLICY };
  const trace = createMailboxTrace(workerGraph);
  const logLines: string[] = [];
  const outbox: OutboxDeps = {
    records,
    contents,
    queue,
    pacer: createMailboxPacer(new MemoryEntityStore({})),
    credential: (id) => credentials.get(id),
    send: createGraphMailSender(workerGraph),
    findMessage: (credential, id) => trace.find(credential, id),
    deleteDraft: (credential, id) => trace.deleteDraft(credential, id),
    openAttachment: async (id) =>
      piecesOf(issueData.attachments.find((attachment) => attachment.id === id)?.bytes ?? new Uint8Array()),
    recordHistory: (issueId, record) => history.record(issueId, record),
    stageHistory: (issueId, record) => history.stage(issueId, record),
    addComment: (issueKey, note) => issueJira.addEmailComment(issueKey, note),
    acceptedNote,
    describe: describeDeliveryFailure,
    traffic,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
    random: () => 0.5,
    attemptTimeLimitMs: WORKER_TIME_LIMIT_MS,
    log: (line) => logLines.push(line),
  };
  /** Runs the outbox's jobs as the queue would, soonest first, moving the clock to each one's time. */
  const drainOutbox = async (maxJobs = 200): Promise<JobOutcome[]> => {
    const outcomes: JobOutcome[] = [];
    for (let index = 0; index < maxJobs; index += 1) {
      const next = queue.take();
      if (next === undefined) break;
      clock.now = Math.max(clock.now, dueAt(next));
      outcomes.push(await handleOutboxJob(next.job, { retryCount: 0 }, outbox));
    }
    return outcomes;
  };
  const rules = createRuleService({
    history: createRunHistoryStore(appKv),
    store: ruleStore,
    templateIds: async () => (await templates.list()).map((template) => template.id),
    credentialIds: async () => (await credentials.list()).map((credential) => credential.id),
    // The fake Jira has no JQL: a query with the word "invalid" in it stands for one Jira refuses.
    isValidJql: async (jql) => !/\binvalid\b/i.test(jql),
    // The fake Jira's app sees every project.
    appSees: async (projectKeys) => new Set(projectKeys),
    log: () => undefined,
    now: () => clock.now,
    newId: sequentialIds('rule'),
  });
  const handlerMailbox = new FakeHandlerMailbox();
  const incoming = incomingLogWorld(appKv, () => clock.now);
  const admin = createAdminFunctions({
    mailHandlers: {
      handlers: handlerService({
        kv: appKv,
        credentials: async () => (await credentials.list()).map(toHandlerCredential),
        mailbox: handlerMailbox,
        now: () => clock.now,
      }),
      listProjects: async () => HANDLER_PROJECTS,
      listIssueTypes: async (projectKey) => HANDLER_ISSUE_TYPES[projectKey] ?? [],
      searchReporters: async (query) =>
        REPORTER.displayName.toLowerCase().startsWith(query.toLowerCase()) ? [REPORTER] : [],
    },
    mail: {
      templates: {
        list: () => templates.list(),
        save: (input) => templates.save(input),
        delete: (id) =>
          deleteUnusedTemplate(id, { templates, readSettings: () => settings.read(), listRules: () => rules.list() }),
        preview: (template) => templates.preview(template),
      },
      settings,
      searchGroups: async () => [],
      listProjectRoles: async () => [],
      listProjects: async () => [],
    },
    log: { emails: emailLog, settings: logSettings },
    incomingLog: incoming.incomingLog,
    notifications: {
      rules,
      listStatuses: async () => [
        { id: '10000', name: 'Done' },
        { id: '10001', name: 'In Progress' },
      ],
      tryRule: async () => ({ outcome: 'would-skip', reason: 'The fake world does not try rules.' }),
      listFields: async () => [
        { id: 'labels', name: 'Labels' },
        { id: 'priority', name: 'Priority' },
      ],
    },
    credentials,
    authorization: { redirectUri: async () => OAUTH_CALLBACK_URL, states: createAuthorizationStateStore(appKv) },
    warnings,
    onPromoted: (credential) => warnings.recordPromotion(credential),
    traffic,
    diagnoses: connectionDiagnoses,
    sleep: async () => undefined,
    requestJira: jira.requestJira,
    tokenCache,
    refreshTokens: graph.refreshTokens,
    fetch: microsoft.fetch,
    now: () => NOW,
    memo,
    env: {},
    // Test emails' log entries count down from 999, apart from the issue emails' ids that count up.
    logTestEmail: createConnectionTestLog({
      records,
      newId: (() => {
        let next = 1000;
        return () => emailIdOf(--next);
      })(),
      now: () => clock.now,
    }),
  });
  const issueAction = createIssueActionFunctions({
    credentials,
    jira: issueJira,
    templates,
    readSettings: () => settings.read(),
    readSendingSetup: () => readSendingSetup(appKv),
    checkPermission: async () => issueData.permission,
    mayBrowseUsers: async () => issueData.browseUsers,
    enqueue: (email) =>
      enqueueEmail(email, { records, contents, queue, now: () => clock.now, log: (line) => logLines.push(line) }),
    emailLog,
    searchDirectory: createDirectorySearch(graph),
    history,
    describeFailure: (error) => toResolverError(error, 'user')?.message ?? INTERNAL_MESSAGE,
    now: () => NOW,
    newId: (() => {
      let next = 0;
      return () => emailIdOf(++next);
    })(),
  });
  return {
    kv,
    handlerMailbox,
    credentials,
    warnings,
    jira,
    microsoft,
    admin,
    issueAction,
    issueData,
    settings,
    templates,
    clock,
    entities,
    records,
    queue,
    outbox,
    drainOutbox,
    logSettings,
    logLines,
    ruleStore,
    ...incoming,
  };
};

/** The `oauth-callback` web trigger's URL in the resolver world (what webTrigger.getUrl answers on Forge). */
export const OAUTH_CALLBACK_URL = 'https://0a1b2c3d.hello.atlassian-dev.net/x1/oauth-callback-id';

/** A resolverWorld whose admin has saved one credential (cred-1, the default): where most resolver tests start. */
export const configuredWorld = async (options: Parameters<typeof resolverWorld>[0] = {}) => {
  const world = resolverWorld(options);
  await world.admin.saveCredential(adminRequest(credentialInput()));
  return world;
};

export const adminRequest = (payload: unknown): ResolverRequest => ({
  payload,
  context: { accountId: 'admin-1', moduleKey: 'issue-mailer-admin', extension: { type: 'jira:adminPage' } },
});

/** `issueKey` null: invoked outside an issue. */
export const issueRequest = (
  payload: unknown,
  issueKey: string | null = 'DEMO-1',
  extra: Record<string, unknown> = {},
): ResolverRequest => ({
  payload,
  context: {
    accountId: 'user-1',
    moduleKey: 'email-this-issue',
    siteUrl: 'https://example.atlassian.net',
    extension:
      issueKey === null
        ? { type: 'jira:issueAction' }
        : { type: 'jira:issueAction', issue: { id: '10001', key: issueKey } },
    ...extra,
  },
});

/** Known errors are logged with console.warn; tests that expect them keep the output quiet and inspectable. */
export const silenceWarnings = () => {
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => spy?.mockRestore());
};
