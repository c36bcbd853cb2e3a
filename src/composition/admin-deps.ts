import type * as z from 'zod/mini';

import type { IssueTypeRef, JiraUserRef } from '../contract/mail-handlers';
import type { GroupRef, MailSettings, ProjectRef, RoleRef } from '../contract/mail-settings';
import type { JiraFieldRef, RuleTrial, StatusRef } from '../contract/notification-rules';
import type { SavedTemplate, templateInputSchema, TemplatePreview, TemplateView } from '../contract/templates';
import type { AuthorizationStart } from '../credentials/authorization/begin-authorization';
import type { CredentialService } from '../credentials/credential-service';
import type { TestConnectionDeps } from '../credentials/test-connection';
import type { TrafficHealth } from '../credentials/traffic-health';
import type { IncomingLogService } from '../incoming/log/incoming-log-service';
import type { RequestJira } from '../jira/jira-client';
import type { MailHandlerService } from '../mail-handlers/mail-handler-service';
import type { RuleService } from '../notifications/rule-service';
import type { EmailLogService } from '../outbox/email-log-service';
import type { LogSettingsStore } from '../outbox/log-settings-store';
import type { WarningService } from '../warnings/warning-service';

/** The admin page's email templates, mail settings and the Jira lists its pickers need. */
export interface AdminMailDeps {
  templates: {
    list: () => Promise<TemplateView[]>;
    save: (input: z.output<typeof templateInputSchema>) => Promise<SavedTemplate>;
    /** Refused while a project's default or a notification rule uses it (templates/delete-unused-template.ts). */
    delete: (id: string) => Promise<void>;
    preview: (template: { subject: string; body: string }, issueKey: string | undefined) => Promise<TemplatePreview>;
  };
  settings: {
    read: () => Promise<MailSettings>;
    save: (settings: MailSettings) => Promise<MailSettings>;
  };
  searchGroups: (query: string) => Promise<GroupRef[]>;
  listProjectRoles: () => Promise<RoleRef[]>;
  listProjects: () => Promise<ProjectRef[]>;
}

/** The email log: what happened to every email, resend, and how long it is kept. */
export interface AdminLogDeps {
  emails: Pick<EmailLogService, 'list' | 'get' | 'resend' | 'content'>;
  settings: LogSettingsStore;
}

/** Notification rules, and Jira's statuses for their "transitioned to". */
export interface AdminRuleDeps {
  rules: RuleService;
  listStatuses: () => Promise<StatusRef[]>;
  /** Jira's fields (as the admin), for "a chosen field changed". */
  listFields: () => Promise<JiraFieldRef[]>;
  /** What a rule would send for an issue (read as the admin), without sending. */
  tryRule: (id: string, issueKey: string) => Promise<RuleTrial>;
}

/** Mail handlers (incoming mail), and the Jira lists their form picks from. */
export interface AdminMailHandlerDeps {
  handlers: MailHandlerService;
  /** The projects the app's own Jira account can see: handlers create issues as the app. */
  listProjects: () => Promise<ProjectRef[]>;
  listIssueTypes: (projectKey: string) => Promise<IssueTypeRef[]>;
  /** Jira users by name, as the admin sees them, for the default reporter. */
  searchReporters: (query: string) => Promise<JiraUserRef[]>;
}

export interface AdminDeps extends Omit<TestConnectionDeps, 'credentials' | 'requestJira'> {
  mail: AdminMailDeps;
  log: AdminLogDeps;
  notifications: AdminRuleDeps;
  mailHandlers: AdminMailHandlerDeps;
  /** The incoming log: every message read from a handler's mailbox, and "Process again". */
  incomingLog: IncomingLogService;
  credentials: CredentialService;
  /** Authorize on an authorization code credential: the web trigger Microsoft sends the browser back to, and the states. */
  authorization: AuthorizationStart;
  warnings: Pick<WarningService, 'list'>;
  /** Each credential's last accepted and refused send, shown with its health in the list. */
  traffic?: Pick<TrafficHealth, 'read'>;
  /** Jira as the invoking user: the admin check, and the admin's email address for a test email. */
  requestJira: RequestJira;
}
