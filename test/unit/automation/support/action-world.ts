import { createRuleSendCap } from '../../../../src/automation/rule-send-cap';
import type { SendEmailActionDeps } from '../../../../src/automation/send-email-action';
import type { SendPermission } from '../../../../src/contract/issue-email';
import { readIssue } from '../../../../src/jira/issue-reader';
import type { IssueEmailJira } from '../../../../src/mail/issue-email-ports';
import { enqueueEmail, type NewEmail } from '../../../../src/outbox/enqueue-email';
import { noRoles } from '../../notifications/notification-fixtures';
import { credentialInput } from '../../support/credentials';
import { adminRequest, configuredWorld, emailIdOf, resolverWorld } from '../../support/resolvers';
import { ttlKvs } from '../../support/ttl-kvs';

export const ACTOR = 'user-5';

/** runSendEmailAction over the resolver world (two credentials, a template "Short"), Jira's people faked here. */
export const actionWorld = async (options: { credentials?: boolean } = {}) => {
  const world = options.credentials === false ? resolverWorld() : await configuredWorld();
  if (options.credentials !== false) {
    await world.admin.saveCredential(
      adminRequest(credentialInput({ name: 'Alerts', senderMailbox: 'alerts@contoso.com' })),
    );
  }
  await world.templates.save({
    name: 'Short',
    subject: '{{ issue.key }}: {{ issue.summary }} (short)',
    body: '<p>{{ message }}</p>',
  });
  const state = {
    roles: noRoles(),
    rolesRead: [] as string[],
    templatesGot: [] as string[],
    enqueued: [] as NewEmail[],
    /** What Jira's Email API answers the app, by account id. */
    userEmails: new Map<string, string>(),
    /** What "who may send" answers for the rule's actor, and who was asked about. */
    permission: { allowed: true } as SendPermission,
    permissionAsked: [] as Array<{ projectKey: string | undefined; accountId: string }>,
  };
  const capKvs = ttlKvs(() => world.clock.now);
  let emails = 0;
  const jira: IssueEmailJira = {
    readSenderName: async () => 'Ursula User',
    readIssue: (key) => readIssue(key, world.jira.requestJira),
    readPeople: async () => [],
    readParticipants: async () => [],
    readUserEmails: async () => new Map(),
    listAttachments: async () => [],
    downloadAttachment: async () => new Uint8Array(),
    readComments: async () => ({ comments: [], total: 0 }),
    searchUsers: async () => [],
    addEmailComment: async () => undefined,
  };
  const deps: SendEmailActionDeps = {
    jira,
    templates: {
      list: () => world.templates.list(),
      get: (id) => {
        state.templatesGot.push(id);
        return world.templates.get(id);
      },
      render: (template, data) => world.templates.render(template, data),
    },
    enqueue: (email) => {
      state.enqueued.push(email);
      return enqueueEmail(email, {
        records: world.records,
        contents: world.outbox.contents,
        queue: world.queue,
        now: () => world.clock.now,
        log: () => undefined,
      });
    },
    newId: () => emailIdOf(++emails),
    listTemplates: () => world.templates.list(),
    listCredentials: () => world.credentials.list(),
    credential: (id) => world.credentials.get(id),
    readSettings: () => world.settings.read(),
    checkPermission: async (_settings, projectKey, accountId) => {
      state.permissionAsked.push({ projectKey, accountId });
      return state.permission;
    },
    sendCap: createRuleSendCap(capKvs),
    readIssue: (key) => readIssue(key, world.jira.requestJira),
    readRoles: async (key) => {
      state.rolesRead.push(key);
      return state.roles;
    },
    readUserEmails: async (accountIds) =>
      new Map([...state.userEmails].filter(([accountId]) => accountIds.includes(accountId))),
  };
  const issueReads = () => world.jira.calls.filter((call) => call.path.startsWith('/rest/api/3/issue/')).length;
  return { world, deps, state, issueReads, capKvs };
};

export const failureOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
