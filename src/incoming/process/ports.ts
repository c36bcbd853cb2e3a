import type { MailHandlerView } from '../../contract/mail-handlers';
import type { ThreadRef } from '../../history/history-store';
import type { AdfDocument, EntityProperty, NewIssue } from '../../jira/incoming-writes';
import type {
  AttachmentContent,
  DownloadLimits,
  IncomingAttachment,
  IncomingMessage,
  IncomingReceipt,
} from '../../mail-model/incoming-message';
import type { IncomingRecordStore } from '../records/incoming-records';
import type { AttachmentFilters } from './attachment-filters';

/** One queued message: which handler's mailbox it is in, and the mail service's (immutable) id of it there. */
export interface ProcessJob {
  handlerId: string;
  messageId: string;
  /**
   * "Process again" of a held or failed message: the record is re-claimed (reclaimMessage) instead of claimed, and
   * the sender's hourly limit is not applied again (an admin asked for this one).
   */
  processAgain?: boolean;
  /**
   * The last run the worker gives a passing failure (a throttled or unavailable mail service or Jira): it is recorded as
   * failed, for the admin's Process again, instead of being thrown for yet another run.
   */
  finalAttempt?: boolean;
  /** Process again's record: finished as failed when the message is no longer in the mailbox (`gone`). */
  messageKey?: string;
}

/** The handler's settings the use case reads. */
export type ProcessHandler = Pick<
  MailHandlerView,
  | 'id'
  | 'mode'
  | 'projectKey'
  | 'issueTypeId'
  | 'senders'
  | 'allowedDomains'
  | 'defaultReporter'
  | 'afterProcessing'
  | 'folder'
  | 'processedFolder'
  | 'subjectKeyPattern'
  | 'senderHourlyLimit'
>;

/**
 * The handler's mailbox as this use case reads it, whichever service holds it (the composition root fills it from
 * src/providers/). A failure the processing tells apart (gone, too large, passing) is an IncomingMailboxError
 * (src/mail-model/incoming-errors.ts); ids are the service's own.
 */
export interface ProcessMailbox {
  readonly mailbox: string;
  readMessage: (messageId: string) => Promise<{ message: IncomingMessage; receipt: IncomingReceipt }>;
  /** The attachments without their bytes, inline images among them. */
  listAttachments: (messageId: string) => Promise<{ attachments: IncomingAttachment[] }>;
  openAttachment: (messageId: string, attachmentId: string, limits: DownloadLimits) => Promise<AttachmentContent>;
  markRead: (messageId: string) => Promise<unknown>;
  /** The folder processed messages go to, found or made where the handler's Test makes it. */
  ensureProcessedFolder: (displayName: string) => Promise<{ id: string }>;
  moveMessage: (messageId: string, destinationFolderId: string) => Promise<unknown>;
}

/** Where a message's conversation (the mail service's thread) was last written to: conversation-index.ts. */
export interface ConversationIndexPort {
  find: (conversationId: string) => Promise<string | undefined>;
  remember: (conversationId: string, issueKey: string) => Promise<void>;
}

/** A new issue as the app writes it; the mark is in the same request. */
export type NewIncomingIssue = NewIssue;

/**
 * Jira as the app. createIssue and addComment are src/jira/incoming-writes.ts bound to a requestJira; a refused
 * reporter is a JiraFieldsRefusedError naming `reporter`. Failures are JiraError.
 */
export interface IncomingJiraPort {
  createIssue: (issue: NewIncomingIssue) => Promise<{ id: string; key: string }>;
  addComment: (issueKey: string, body: AdfDocument, property: EntityProperty) => Promise<{ id: string }>;
  /** The account id of the Jira user with exactly this address, undefined when none (or none visible to the app). */
  findUserByEmail: (address: string) => Promise<string | undefined>;
  /** `mediaId` is the attachment's Media Services file id (inline images need it; resolveInlineImages). */
  uploadAttachment: (
    issueKey: string,
    name: string,
    contentType: string,
    bytes: AsyncIterable<Uint8Array>,
  ) => Promise<{ id: string; mediaId?: string }>;
  /**
   * Optional: the Media Services file id of an uploaded attachment, for an inline image whose upload answer had
   * none (Jira's "Add attachment" answer does not carry it). Without it such an image shows by its alt text.
   */
  mediaIdOf?: (attachmentId: string) => Promise<string | undefined>;
  /** The issue exists and the app may comment on it. */
  canComment: (issueKey: string) => Promise<boolean>;
  /** The comment on `issueKey` carrying the mark of `messageKey` (src/jira/incoming-marks.ts), if one does. */
  findMarkedComment: (issueKey: string, messageKey: string) => Promise<{ commentId: string } | undefined>;
  /** The issue in `projectKey` carrying the mark of `messageKey`, if one does. */
  findMarkedIssue: (projectKey: string, messageKey: string) => Promise<{ issueKey: string } | undefined>;
  /**
   * Optional: replaces a new issue's description once its inline images are uploaded (they can only be uploaded to
   * an issue that exists). Without it a new issue shows inline images by their alt text, attached below.
   */
  updateDescription?: (issueKey: string, description: AdfDocument) => Promise<void>;
}

export interface ProcessLog {
  /** Safe text only: codes and ids, never message content or an error's message. */
  warn: (message: string) => void;
}

export interface ProcessDeps {
  handler: ProcessHandler;
  mailbox: ProcessMailbox;
  records: IncomingRecordStore;
  now: () => number;
  /** How long one run may take at most (its invocation's limit and a margin): the claim's lease. */
  leaseMs: number;
  /** Every credential's sender mailbox: mail from them is the app's own. */
  ownMailboxes: () => Promise<readonly string[]>;
  /** The projects whose issue keys a subject may name for this handler (its own project among them). */
  projectKeys: () => Promise<readonly string[]>;
  /** A sent email's Message-ID -> its issue (src/history/history-store.ts). */
  findThread: (internetMessageId: string) => Promise<ThreadRef | undefined>;
  conversations: ConversationIndexPort;
  jira: IncomingJiraPort;
  /** Overrides of the attachment filters' defaults (attachment-filters.ts); the handler has no such settings yet. */
  attachmentFilters?: Partial<AttachmentFilters>;
  /** The time zone of the "wrote on" line; UTC when absent. */
  timeZone?: string;
  log: ProcessLog;
}
