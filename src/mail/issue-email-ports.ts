import type { AttachmentOption, EmailHistoryEntry, PersonOption, SendPermission } from '../contract/issue-email';
import type { MailSettings } from '../contract/mail-settings';
import type { TemplateView } from '../contract/templates';
import type { CredentialService } from '../credentials/credential-service';
import type { StoredCredential } from '../credentials/stored-credential';
import type { HistoryRecord } from '../history/history-store';
import type { IssueSnapshot } from '../jira/issue';
import type { IssuePerson } from '../jira/issue-people';
import type { EmailLogService } from '../outbox/email-log-service';
import type { EmailRecord } from '../outbox/email-record';
import type { NewEmail } from '../outbox/enqueue-email';
import type { EmailCommentNote } from '../outbox/outbox-deps';
import type { Clock } from '../shared/seams';
import type { EmailTemplateSource, RenderedEmail } from '../templates/render-email';
import type { TemplateIssueData } from '../templates/template-data';

export interface IssueComment {
  id: string;
  author: string;
  created: string;
  bodyHtml: string;
}

/** Jira as the invoking user sees it (`asUser`), plus the app's own comment. */
export interface IssueEmailJira {
  /** The invoking user's display name, for the template and the history. */
  readSenderName: () => Promise<string>;
  readIssue: (issueKey: string) => Promise<IssueSnapshot>;
  readPeople: (issueKey: string) => Promise<PersonOption[]>;
  /** Reporter, assignee and watchers, each once, with the address Jira shows the reader (null where hidden). */
  readParticipants: (issueKey: string) => Promise<IssuePerson[]>;
  /**
   * Always as the app: Jira's Email API, which ignores profile visibility. What it answers goes into messages
   * only, never onto a screen or into a record.
   */
  readUserEmails: (accountIds: readonly string[]) => Promise<Map<string, string>>;
  listAttachments: (issueKey: string) => Promise<AttachmentOption[]>;
  downloadAttachment: (attachmentId: string, expectedSize: number) => Promise<Uint8Array>;
  readComments: (issueKey: string, limit: number | 'all') => Promise<{ comments: IssueComment[]; total: number }>;
  searchUsers: (query: string) => Promise<PersonOption[]>;
  /** As the app, so the comment is not mistaken for the sender's own words. */
  addEmailComment: (issueKey: string, note: EmailCommentNote) => Promise<void>;
}

export interface IssueEmailTemplates {
  list: () => Promise<TemplateView[]>;
  /** Throws TemplateNotFoundError for an unknown id. */
  get: (id: string) => Promise<TemplateView>;
  /** The email a template makes for the issue (TemplateService.render: within the render deadline). */
  render: (template: EmailTemplateSource, data: TemplateIssueData) => Promise<RenderedEmail>;
}

export interface IssueEmailHistory {
  record: (issueId: string, record: HistoryRecord) => Promise<void>;
  /** Newest first, without the internal identifiers. */
  list: (issueId: string) => Promise<EmailHistoryEntry[]>;
}

/** The credentials and mail settings "Send" decides with, as of one read. */
export interface SendingSetup {
  credentials: Pick<CredentialService, 'getDefault' | 'get'>;
  settings: MailSettings;
}

/** Everything the issue email use cases need; src/composition/ wires the real ones (issue-action-resolver-root.ts). */
export interface IssueEmailDeps {
  credentials: Pick<CredentialService, 'findDefault' | 'getDefault' | 'get' | 'list'>;
  jira: IssueEmailJira;
  templates: IssueEmailTemplates;
  readSettings: () => Promise<MailSettings>;
  /**
   * The credentials and the settings in one kvs operation (storage/send-setup.ts), for the Send path that reads both
   * on every email; without it, `credentials` and `readSettings` are read apart.
   */
  readSendingSetup?: () => Promise<SendingSetup>;
  checkPermission: (
    settings: MailSettings,
    projectKey: string | undefined,
    accountId: string,
  ) => Promise<SendPermission>;
  /** Whether the invoking user holds Jira's "Browse users and groups" (jira/browse-users-check.ts). */
  mayBrowseUsers: () => Promise<boolean>;
  /** Puts an email in the outbox (outbox/enqueue-email.ts); the worker sends it. */
  enqueue: (email: NewEmail) => Promise<EmailRecord>;
  emailLog: Pick<EmailLogService, 'deliveryOf'>;
  searchDirectory: (
    credential: StoredCredential,
    query: string,
  ) => Promise<{ name: string; address: string; detail?: string }[]>;
  history: IssueEmailHistory;
  /** The fixed, safe message for an error, as the dialog would show it. */
  describeFailure: (error: unknown) => string;
  now: Clock;
  newId: () => string;
}

/** Who is sending, from the invocation context. */
export interface Caller {
  accountId: string;
  siteUrl?: unknown;
  timeZone?: string;
}
