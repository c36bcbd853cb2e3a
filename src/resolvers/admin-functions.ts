import * as z from 'zod/mini';

import type { AdminDeps } from '../composition/admin-deps';
import { loadAdminViewSchema } from '../contract/admin-view';
import { testConnectionSchema } from '../contract/connection-test';
import { credentialIdSchema, credentialInputSchema } from '../contract/credentials';
import { emailIdSchema, emailLogSettingsSchema, listEmailLogSchema } from '../contract/email-log';
import { resendEmailSchema } from '../contract/email-log';
import type { AdminFunctions } from '../contract/functions';
import { mailSettingsSchema } from '../contract/mail-settings';
import { notificationRuleInputSchema, ruleIdSchema, tryRuleSchema } from '../contract/notification-rules';
import { templateIdSchema, templateInputSchema, templatePreviewSchema } from '../contract/templates';
import { testConnection } from '../credentials/test-connection';
import { assertJiraAdmin } from '../jira/admin-check';
import { readMyself } from '../jira/myself';
import { readAdminView } from '../settings/admin-view';
import { adminViewAnswer, adminViewReaders } from './admin-view-readers';
import { type ResolverFunction, resolverFunction } from './resolver-kit';

export type AdminHandlers = { [K in keyof AdminFunctions]: ResolverFunction<AdminFunctions[K]['data']> };

const noPayload = z.strictObject({});

const templateRefSchema = z.strictObject({ id: templateIdSchema });
const groupQuerySchema = z.strictObject({
  query: z.string().check(z.trim(), z.maxLength(100, 'Type at most 100 characters.')),
});

/** The admin page's functions: thin wrappers over the services. Each one first checks that the caller is a Jira administrator. */
export const createAdminFunctions = (deps: AdminDeps): AdminHandlers => {
  const guard = () => assertJiraAdmin(deps.requestJira);
  const admin = { audience: 'admin', guard } as const;
  const readers = adminViewReaders(deps);
  return {
    loadAdminView: resolverFunction({
      ...admin,
      name: 'loadAdminView',
      schema: loadAdminViewSchema,
      run: async ({ parts }) => adminViewAnswer(await readAdminView(parts, readers)),
    }),
    listCredentials: resolverFunction({
      ...admin,
      name: 'listCredentials',
      schema: noPayload,
      run: () => readers.credentials(),
    }),
    saveCredential: resolverFunction({
      ...admin,
      name: 'saveCredential',
      schema: credentialInputSchema,
      run: (input) => deps.credentials.save(input),
    }),
    deleteCredential: resolverFunction({
      ...admin,
      name: 'deleteCredential',
      schema: credentialIdSchema,
      run: ({ id }) => deps.credentials.remove(id),
    }),
    testConnection: resolverFunction({
      ...admin,
      name: 'testConnection',
      schema: testConnectionSchema,
      run: ({ id, sendTestEmail, values }) =>
        testConnection(id, deps, { sendTestEmail: sendTestEmail === true, values }),
    }),
    setDefaultCredential: resolverFunction({
      ...admin,
      name: 'setDefaultCredential',
      schema: credentialIdSchema,
      run: ({ id }) => deps.credentials.setDefault(id),
    }),
    listWarnings: resolverFunction({
      ...admin,
      name: 'listWarnings',
      schema: noPayload,
      run: () => readers.warnings(),
    }),
    listTemplates: resolverFunction({
      ...admin,
      name: 'listTemplates',
      schema: noPayload,
      run: () => readers.templates(),
    }),
    saveTemplate: resolverFunction({
      ...admin,
      name: 'saveTemplate',
      schema: templateInputSchema,
      run: (input) => deps.mail.templates.save(input),
    }),
    deleteTemplate: resolverFunction({
      ...admin,
      name: 'deleteTemplate',
      schema: templateRefSchema,
      run: async ({ id }) => {
        await deps.mail.templates.delete(id);
        return { id };
      },
    }),
    previewTemplate: resolverFunction({
      ...admin,
      name: 'previewTemplate',
      schema: templatePreviewSchema,
      run: ({ subject, body, issueKey }) => deps.mail.templates.preview({ subject, body }, issueKey),
    }),
    getMailSettings: resolverFunction({
      ...admin,
      name: 'getMailSettings',
      schema: noPayload,
      run: () => readers.mailSettings(),
    }),
    saveMailSettings: resolverFunction({
      ...admin,
      name: 'saveMailSettings',
      schema: mailSettingsSchema,
      run: (settings) => deps.mail.settings.save(settings),
    }),
    searchGroups: resolverFunction({
      ...admin,
      name: 'searchGroups',
      schema: groupQuerySchema,
      run: ({ query }) => deps.mail.searchGroups(query),
    }),
    listProjectRoles: resolverFunction({
      ...admin,
      name: 'listProjectRoles',
      schema: noPayload,
      run: () => readers.projectRoles(),
    }),
    listProjects: resolverFunction({
      ...admin,
      name: 'listProjects',
      schema: noPayload,
      run: () => readers.projects(),
    }),
    listEmailLog: resolverFunction({
      ...admin,
      name: 'listEmailLog',
      schema: listEmailLogSchema,
      run: (query) => deps.log.emails.list(query),
    }),
    getEmailLogEntry: resolverFunction({
      ...admin,
      name: 'getEmailLogEntry',
      schema: emailIdSchema,
      run: ({ emailId }) => deps.log.emails.get(emailId),
    }),
    resendEmail: resolverFunction({
      ...admin,
      name: 'resendEmail',
      schema: resendEmailSchema,
      run: async ({ emailId, anyway }) => {
        const me = await readMyself(deps.requestJira);
        return deps.log.emails.resend(
          emailId,
          { accountId: me.accountId, name: me.displayName ?? 'A Jira admin' },
          { anyway: anyway === true },
        );
      },
    }),
    getEmailContent: resolverFunction({
      ...admin,
      name: 'getEmailContent',
      schema: emailIdSchema,
      run: ({ emailId }) => deps.log.emails.content(emailId),
    }),
    getEmailLogSettings: resolverFunction({
      ...admin,
      name: 'getEmailLogSettings',
      schema: noPayload,
      run: () => readers.emailLogSettings(),
    }),
    saveEmailLogSettings: resolverFunction({
      ...admin,
      name: 'saveEmailLogSettings',
      schema: emailLogSettingsSchema,
      run: (settings) => deps.log.settings.save(settings),
    }),
    listNotificationRules: resolverFunction({
      ...admin,
      name: 'listNotificationRules',
      schema: noPayload,
      run: () => readers.rules(),
    }),
    saveNotificationRule: resolverFunction({
      ...admin,
      name: 'saveNotificationRule',
      schema: notificationRuleInputSchema,
      run: (rule) => deps.notifications.rules.save(rule),
    }),
    deleteNotificationRule: resolverFunction({
      ...admin,
      name: 'deleteNotificationRule',
      schema: ruleIdSchema,
      run: ({ id }) => deps.notifications.rules.delete(id),
    }),
    listStatuses: resolverFunction({
      ...admin,
      name: 'listStatuses',
      schema: noPayload,
      run: () => readers.statuses(),
    }),
    getNotificationRuleHistory: resolverFunction({
      ...admin,
      name: 'getNotificationRuleHistory',
      schema: ruleIdSchema,
      run: ({ id }) => deps.notifications.rules.history(id),
    }),
    tryNotificationRule: resolverFunction({
      ...admin,
      name: 'tryNotificationRule',
      schema: tryRuleSchema,
      run: ({ id, issueKey }) => deps.notifications.tryRule(id, issueKey),
    }),
    listJiraFields: resolverFunction({
      ...admin,
      name: 'listJiraFields',
      schema: noPayload,
      run: () => readers.jiraFields(),
    }),
  };
};
