import type { AdminView, LoadAdminViewInput } from './admin-view';
import type { AutomationActionOptions } from './automation-action';
import type { TestConnectionPayload } from './connection-test';
import type { AdminWarnings, ConnectionTestResult } from './credential-health';
import type { AuthorizationSetup, BegunAuthorizationView, CredentialInput, CredentialView } from './credentials';
import type {
  EmailDeliveryView,
  EmailIdInput,
  EmailLogEntry,
  EmailLogPage,
  EmailLogSettings,
  ListEmailLogInput,
} from './email-log';
import type { EmailContentView, ResendEmailInput } from './email-log';
import type { GoogleCredentialInput } from './google-workspace';
import type { IncomingLogEntry, IncomingLogPage, IncomingMessageKeyInput, ListIncomingLogInput } from './incoming-log';
import type {
  EmailHistoryEntry,
  IssueEmailDraft,
  IssueEmailPreview,
  PersonOption,
  PreviewIssueEmailInput,
  SendIssueEmailInput,
  SentIssueEmail,
} from './issue-email';
import type {
  IssueTypeRef,
  JiraUserRef,
  MailHandlerInput,
  MailHandlerTestResult,
  MailHandlerView,
} from './mail-handlers';
import type { GroupRef, MailSettings, ProjectRef, RoleRef } from './mail-settings';
import type {
  JiraFieldRef,
  NotificationRuleInput,
  NotificationRuleView,
  RuleRun,
  RuleTrial,
  StatusRef,
} from './notification-rules';
import type { SavedTemplate, TemplateInput, TemplatePreview, TemplateView } from './templates';

/**
 * Every resolver function a Custom UI may invoke: its payload and the data of a successful answer.
 * The backend defines them with these keys; each UI calls them through its own typed invokes module.
 */
export interface AdminFunctions {
  /**
   * The page's reads in one call: as it opens, the warnings and what the first tab shows; then each tab's data when
   * it is first shown. Each part is answered on its own (AdminView); the admin check refuses the whole call.
   */
  loadAdminView: { payload: LoadAdminViewInput; data: AdminView };
  listCredentials: { payload: Record<string, never>; data: CredentialView[] };
  saveCredential: { payload: CredentialInput; data: CredentialView };
  /**
   * Creates (no `id`) or updates a Google Workspace credential from its service account's JSON key file (write-only:
   * its private key goes to secret storage, the view shows `serviceAccount`). Refused with VALIDATION_FAILED
   * (fieldErrors.serviceAccountKey) for a key file that is not a usable service account key, and on `provider` for an
   * id that is a Microsoft credential.
   */
  saveGoogleCredential: { payload: GoogleCredentialInput; data: CredentialView };
  deleteCredential: { payload: { id: string }; data: { id: string } };
  /**
   * `sendTestEmail` also mails the calling admin (their Jira email address) through the credential. With `values`
   * the edit form's unsaved values are tested (never stored); without, the saved credential.
   */
  testConnection: { payload: TestConnectionPayload; data: ConnectionTestResult };
  setDefaultCredential: { payload: { id: string }; data: CredentialView };
  /** The Redirect URI to register in Entra, and the delegated scopes an authorization code credential asks for. */
  getAuthorizationSetup: { payload: Record<string, never>; data: AuthorizationSetup };
  /**
   * Starts the sign-in of a saved authorization code credential: a one-time state bound to the calling admin, PKCE.
   * The `oauth-callback` web trigger finishes it; the credential then shows `authorization`.
   */
  beginAuthorization: { payload: { id: string }; data: BegunAuthorizationView };
  listWarnings: { payload: Record<string, never>; data: AdminWarnings };
  /** The built-in template first, then the admins' templates by name. */
  listTemplates: { payload: Record<string, never>; data: TemplateView[] };
  /**
   * Refused with TEMPLATE_INVALID (fieldErrors.subject/body name the line) when the Liquid does not parse, and
   * with TEMPLATE_LIMIT_EXCEEDED (fieldErrors name the limit) when rendering it for the sample issue breaks a limit.
   */
  saveTemplate: { payload: TemplateInput; data: SavedTemplate };
  deleteTemplate: { payload: { id: string }; data: { id: string } };
  previewTemplate: { payload: { subject: string; body: string; issueKey?: string }; data: TemplatePreview };
  getMailSettings: { payload: Record<string, never>; data: MailSettings };
  saveMailSettings: { payload: MailSettings; data: MailSettings };
  searchGroups: { payload: { query: string }; data: GroupRef[] };
  listProjectRoles: { payload: Record<string, never>; data: RoleRef[] };
  listProjects: { payload: Record<string, never>; data: ProjectRef[] };
  /** Newest first, 25 a page by default. */
  listEmailLog: { payload: ListEmailLogInput; data: EmailLogPage };
  getEmailLogEntry: { payload: EmailIdInput; data: EmailLogEntry };
  /** Queues a failed email again (same id, so a copy Microsoft 365 did accept is found, not sent twice). */
  resendEmail: { payload: ResendEmailInput; data: EmailLogEntry };
  getEmailContent: { payload: EmailIdInput; data: EmailContentView };
  getEmailLogSettings: { payload: Record<string, never>; data: EmailLogSettings };
  saveEmailLogSettings: { payload: EmailLogSettings; data: EmailLogSettings };
  /** Oldest first. */
  listNotificationRules: { payload: Record<string, never>; data: NotificationRuleView[] };
  /** Refused with VALIDATION_FAILED (fieldErrors by field) for an unknown template or credential, or a bad JQL. */
  saveNotificationRule: { payload: NotificationRuleInput; data: NotificationRuleView };
  deleteNotificationRule: { payload: { id: string }; data: { id: string } };
  /** Jira's statuses, for "transitioned to". */
  listStatuses: { payload: Record<string, never>; data: StatusRef[] };
  /** Jira's fields, for "a chosen field changed". */
  listJiraFields: { payload: Record<string, never>; data: JiraFieldRef[] };
  /** The rule's last runs, newest first: fired, or skipped and why. */
  getNotificationRuleHistory: { payload: { id: string }; data: RuleRun[] };
  /** What the rule would send for the issue (read as the admin), or why it would skip; nothing is sent. */
  tryNotificationRule: { payload: { id: string; issueKey: string }; data: RuleTrial };
  /** Mail handlers (incoming mail), by name. */
  listMailHandlers: { payload: Record<string, never>; data: MailHandlerView[] };
  /**
   * Refused with VALIDATION_FAILED (fieldErrors by field) for an unknown credential, a project or issue type the app
   * cannot use, a name another handler has, or a folder another handler reads.
   */
  saveMailHandler: { payload: MailHandlerInput; data: MailHandlerView };
  deleteMailHandler: { payload: { id: string }; data: { id: string } };
  /** The folder with its unread count, the processed folder (created if missing) and the subscription's state. */
  testMailHandler: { payload: { id: string }; data: MailHandlerTestResult };
  /** The projects the app's own Jira account can see: handlers create issues as the app. */
  listHandlerProjects: { payload: Record<string, never>; data: ProjectRef[] };
  /** A project's issue types, sub-tasks left out. */
  listHandlerIssueTypes: { payload: { projectKey: string }; data: IssueTypeRef[] };
  /** Jira users by name, for the default reporter. */
  searchHandlerReporters: { payload: { query: string }; data: JiraUserRef[] };
  /** Newest first, 25 a page by default, with every handler by name for the filter. */
  listIncomingLog: { payload: ListIncomingLogInput; data: IncomingLogPage };
  getIncomingLogEntry: { payload: IncomingMessageKeyInput; data: IncomingLogEntry };
  /** Held and failed messages only (INCOMING_NOT_REPROCESSABLE otherwise): queued for the worker again. */
  processIncomingAgain: { payload: IncomingMessageKeyInput; data: IncomingLogEntry };
}

/** The Automation action's configuration form (its resolver). */
export interface AutomationConfigFunctions {
  getActionOptions: { payload: Record<string, never>; data: AutomationActionOptions };
}

export interface IssueActionFunctions {
  getEmailDraft: { payload: Record<string, never>; data: IssueEmailDraft };
  /** Microsoft 365 directory and Jira users by name; Jira users whose email is hidden are left out. */
  searchPeople: { payload: { query: string }; data: PersonOption[] };
  previewIssueEmail: { payload: PreviewIssueEmailInput; data: IssueEmailPreview };
  /** Queues the email; the dialog then reads getEmailStatus, ever less often, until it is sent or failed. */
  sendIssueEmail: { payload: SendIssueEmailInput; data: SentIssueEmail };
  /** Only for emails of the issue the dialog is open on. */
  getEmailStatus: { payload: EmailIdInput; data: EmailDeliveryView };
  /** Newest first. */
  listEmailHistory: { payload: Record<string, never>; data: EmailHistoryEntry[] };
}
