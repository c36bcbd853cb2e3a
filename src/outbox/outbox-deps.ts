import type { StoredCredential } from '../credentials/stored-credential';
import type { TrafficHealth } from '../credentials/traffic-health';
import type { HistoryRecord, StagedHistory } from '../history/history-store';
import type { DeliveryResult, MessageTrace, OutgoingMessage } from '../mail-model/outgoing-message';
import type { Clock, Sleep } from '../shared/seams';
import type { EmailContentStore } from './email-contents';
import type { StoredError } from './email-record';
import type { EmailRecordStore } from './email-records';
import type { MailboxPacer } from './mailbox-pacer';
import type { OutboxQueue } from './outbox-queue';

/** What the app's comment on the issue says about a sent email (jira/issue-comment-writer.ts writes it). */
export interface EmailCommentNote {
  senderAccountId: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
}

/** Everything the outbox worker uses; composition/email-worker-root.ts wires the real ones, tests pass fakes. */
export interface OutboxDeps {
  records: EmailRecordStore;
  contents: EmailContentStore;
  queue: OutboxQueue;
  pacer: MailboxPacer;
  /** The credential the email was queued with; throws CredentialNotFoundError once it is deleted. */
  credential: (id: string) => Promise<StoredCredential>;
  /**
   * One attempt through the credential's provider, without retrying inside: throttling and outages come back as
   * errors. `sendBy`: a single request does not leave after it (a MailServiceError whose failure is slot-missed),
   * token or not.
   */
  send: (
    credential: StoredCredential,
    message: OutgoingMessage,
    options?: { sendBy?: number },
  ) => Promise<DeliveryResult>;
  findMessage: (credential: StoredCredential, internetMessageId: string) => Promise<MessageTrace>;
  deleteDraft: (credential: StoredCredential, messageId: string) => Promise<void>;
  /**
   * An attachment's bytes as Jira sends them, checked against `expectedSize`, read only as they are asked for. As
   * the app: the worker runs with no user; the sender's right to the attachment was checked when queued.
   */
  /** Opens a Jira attachment as `readAs` (an account id, impersonated), or as the app when it is absent. */
  openAttachment: (
    attachmentId: string,
    expectedSize: number,
    readAs: string | undefined,
  ) => Promise<AsyncIterable<Uint8Array>>;
  recordHistory: (issueId: string, record: HistoryRecord) => Promise<void>;
  /**
   * The history entry's writes, for the sent status to take along in its own transaction (one kvs write for both);
   * without it, the entry is written on its own through recordHistory.
   */
  stageHistory?: (issueId: string, record: HistoryRecord) => StagedHistory;
  addComment: (issueKey: string, note: EmailCommentNote) => Promise<void>;
  /** Where each accepted or refused send is noted for the credential's health on the admin page. */
  traffic?: Pick<TrafficHealth, 'recordAccepted' | 'recordRefused'>;
  /** The log's note for an email the provider accepted, in its terms (the ids it gave, if any). */
  acceptedNote: (result: DeliveryResult) => string;
  /** The fixed, safe code and message for an error, as an admin reads it in the log, and as the sender does. */
  describe: (error: unknown) => StoredError;
  now: Clock;
  /** Waits in the run: a job that comes less than IN_RUN_WAIT_MS before its time waits for it rather than re-queue. */
  sleep: Sleep;
  random: () => number;
  /** How long one worker invocation may run (the function's timeoutSeconds): an attempt older is over. */
  attemptTimeLimitMs: number;
  log: (line: string) => void;
}
