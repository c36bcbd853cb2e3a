import * as z from 'zod/mini';

import type { AdminWarnings } from './credential-health';
import type { CredentialView } from './credentials';
import type { EmailLogPage, EmailLogSettings } from './email-log';
import type { IncomingLogPage } from './incoming-log';
import type { MailHandlerView } from './mail-handlers';
import type { MailSettings, ProjectRef, RoleRef } from './mail-settings';
import type { JiraFieldRef, NotificationRuleView, StatusRef } from './notification-rules';
import type { ResolverResult } from './result';
import type { TemplateView } from './templates';

/**
 * What the admin page reads, part by part. Each part is what one read function answers alone (named beside it), so
 * `loadAdminView` can answer any set of them in one resolver call: on Forge each call is an invocation, possibly a
 * cold start.
 */
export interface AdminParts {
  /** listWarnings: the banner above every tab. */
  warnings: AdminWarnings;
  /** listCredentials. */
  credentials: CredentialView[];
  /** listTemplates. */
  templates: TemplateView[];
  /** getMailSettings. */
  mailSettings: MailSettings;
  /** listProjectRoles. */
  projectRoles: RoleRef[];
  /** listProjects. */
  projects: ProjectRef[];
  /** listNotificationRules. */
  rules: NotificationRuleView[];
  /** listStatuses. */
  statuses: StatusRef[];
  /** listJiraFields. */
  jiraFields: JiraFieldRef[];
  /** getEmailLogSettings. */
  emailLogSettings: EmailLogSettings;
  /** listEmailLog without filters: the log's first page as the section opens. */
  emailLog: EmailLogPage;
  /** listMailHandlers. */
  mailHandlers: MailHandlerView[];
  /** listHandlerProjects: the projects the app's own account can see. */
  handlerProjects: ProjectRef[];
  /** listIncomingLog without filters: the incoming log's first page as the section opens. */
  incomingLog: IncomingLogPage;
}

export type AdminPart = keyof AdminParts;

export const ADMIN_PARTS = [
  'warnings',
  'credentials',
  'templates',
  'mailSettings',
  'projectRoles',
  'projects',
  'rules',
  'statuses',
  'jiraFields',
  'emailLogSettings',
  'emailLog',
  'mailHandlers',
  'handlerProjects',
  'incomingLog',
] as const satisfies readonly AdminPart[];

/** Each part asked for, answered on its own: one that fails (Jira's projects, say) leaves the others shown. */
export type AdminView = { [K in AdminPart]?: ResolverResult<AdminParts[K]> };

export const loadAdminViewSchema = z.strictObject({
  parts: z
    .array(z.enum(ADMIN_PARTS, 'Not a part of the admin page.'))
    .check(z.minLength(1, 'Ask for at least one part.'), z.maxLength(ADMIN_PARTS.length, 'Ask for each part once.')),
});
export type LoadAdminViewInput = z.input<typeof loadAdminViewSchema>;
