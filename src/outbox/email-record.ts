import type { DeliveryError, DeliveryEvent } from '../contract/email-log';
import type { DeliveryStatus } from '../contract/email-log-values';

/**
 * An attempt in progress: a worker has claimed the email and may be talking to Microsoft 365. Written before the
 * first mail service call, so that whoever finds it later knows an attempt began and must find out how it ended.
 */
export interface AttemptLease {
  /** 1 for the first attempt of the email. */
  number: number;
  /** The queue ticket of the job that claimed it (see outbox-queue.ts). */
  ticket: string;
  startedAt: number;
  /** After this the claiming invocation has certainly ended (the worker's time limit has passed). */
  deadlineAt: number;
  /** The pacing slot the attempt sends in (mailbox-pacer.ts): given back when Microsoft refuses the email. */
  slotAt?: number;
}

/**
 * Work that follows a final status: the issue's history entry and the comment on the issue when asked for.
 * 'content' (forgetting a sent email's content) is what earlier versions wrote; it now stays until retention.
 */
export type FollowUp = 'history' | 'comment' | 'content';

/**
 * One email of the outbox and the email log: a Forge custom entity (`outbox-email`, see manifest.yml) so the log
 * can be listed by status, issue and date. `version` grows with every write; writes are conditional on it.
 */
/** A failure as the log keeps it: the admin's wording (`message`), and the sender's when it differs. */
export interface StoredError extends DeliveryError {
  /** What the person who pressed "Send" reads (dialog, issue history): points them at their admin. */
  senderMessage?: string;
  /** A failure a later attempt could have got past (an outage, throttling) when the attempts ran out. */
  transient?: boolean;
}

/** Records stored before `kind` existed are all issue emails. */
export const EMAIL_KINDS = ['issue', 'connection-test'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export interface EmailRecord {
  emailId: string;
  version: number;
  status: DeliveryStatus;
  /** ms since the epoch; the indexes' range. */
  createdAt: number;
  updatedAt: number;
  /** What the email was: an issue's email (queued through the outbox), or a Test connection's test email. */
  kind: EmailKind;
  /** Absent only for a connection test, which is about no issue (see email-record-schema.ts). */
  issueId?: string;
  issueKey?: string;
  credentialId: string;
  senderMailbox: string;
  /** Set for a Google Workspace credential's email; absent for Microsoft 365 (mail-provider.ts). */
  provider?: 'google-workspace';
  /** The Message-ID the email carries on every attempt, so a copy that went out can be found again. */
  internetMessageId: string;
  subject: string;
  /** As shown: addresses, and names of people whose address Jira hides (the content has the addresses). */
  to: string[];
  cc: string[];
  bccCount: number;
  attachmentCount: number;
  requestedBy: { accountId: string; name: string };
  /** The admin who last resent it from the email log. */
  resentBy?: { accountId: string; name: string };
  attempts: number;
  /** Attempts since the email was queued or last resent: the retry limit counts these. */
  roundAttempts: number;
  lastError?: StoredError;
  requestId?: string;
  sentAt?: number;
  /** When the final status was reached (sent or failed). */
  finishedAt?: number;
  nextAttemptAt?: number;
  /** A pacing slot this email holds (mailbox-pacer.ts): it is sent at that time, not before. */
  slotAt?: number;
  attempt?: AttemptLease;
  /**
   * Set when an attempt may have gone out without the app hearing so (no answer in time, or the worker stopped
   * mid-attempt): before sending again, the mailbox is searched for the Message-ID. `since` is when that attempt
   * started.
   */
  unsure?: { since: number };
  events: DeliveryEvent[];
  followUps: FollowUp[];
  commentAfterSend: boolean;
  /** How many chunks the email's content takes in storage (email-contents.ts). */
  contentChunks: number;
}

/** Older events beyond this many are dropped, the first (queued) one kept. */
export const MAX_EVENTS = 60;

/** Appends an event, keeping the first and the newest ones within MAX_EVENTS. */
export const withEvent = (events: readonly DeliveryEvent[], event: DeliveryEvent): DeliveryEvent[] => {
  const all = [...events, event];
  if (all.length <= MAX_EVENTS) return all;
  const [first] = all;
  return first === undefined ? all.slice(-MAX_EVENTS) : [first, ...all.slice(-(MAX_EVENTS - 1))];
};

export const isFinal = (status: DeliveryStatus): boolean => status === 'sent' || status === 'failed';
