import type {
  EmailContentView,
  EmailDeliveryView,
  EmailLogEntry,
  EmailLogPage,
  ListEmailLogQuery,
} from '../contract/email-log';
import type { Clock } from '../shared/seams';
import { newestPage, staleCursorAs } from '../storage/log-page';
import { contentView } from './email-content-view';
import type { EmailContentStore } from './email-contents';
import { toDeliveryView, toEntry, toSummary } from './email-log-views';
import type { EmailRecord } from './email-record';
import type { EmailRecordStore } from './email-records';
import {
  ConnectionTestNotResendableError,
  EmailLogCursorInvalidError,
  EmailNotFoundError,
  NotResendableError,
  OutboxErrorCode,
  ResendUnchangedError,
} from './errors';
import type { OutboxQueue } from './outbox-queue';
import { withStatus } from './record-changes';
import type { SenderRemedyOf } from './sender-remedy';
import { updateRecord } from './update-record';

export interface EmailLogDeps {
  records: EmailRecordStore;
  queue: OutboxQueue;
  now: Clock;
  /** When the credential was last saved (ISO), or undefined once it is deleted. */
  credentialUpdatedAt: (credentialId: string) => Promise<string | undefined>;
  /** The content the email was queued with, while it is kept (email-contents.ts). */
  contents: Pick<EmailContentStore, 'read'>;
  /** What the sender may do about a failure's code (sender-remedy.ts, with the mail services' codes). */
  remedyOf: SenderRemedyOf;
}

export interface EmailLogService {
  list: (query: ListEmailLogQuery) => Promise<EmailLogPage>;
  get: (emailId: string) => Promise<EmailLogEntry>;
  /**
   * Queues a failed email again under the same id and Message-ID. Unless `anyway`, an email that failed for good
   * with a credential nobody has saved since is refused with ResendUnchangedError: it would fail the same way.
   */
  resend: (
    emailId: string,
    admin: { accountId: string; name: string },
    options?: { anyway?: boolean },
  ) => Promise<EmailLogEntry>;
  /** The message as it was sent, while the log keeps its content. */
  content: (emailId: string) => Promise<EmailContentView>;
  /** The status of an email of this issue; another issue's email is "not found", as a missing one. */
  deliveryOf: (emailId: string, issueId: string) => Promise<EmailDeliveryView>;
}

const requireRecord = async (records: EmailRecordStore, emailId: string): Promise<EmailRecord> => {
  const record = await records.get(emailId);
  if (record === undefined) throw new EmailNotFoundError(emailId);
  return record;
};

/**
 * Nothing the backend can see has changed since the email failed for good: its credential (secret, mailbox, any
 * setting) was not saved after the failure. Recipients and content cannot change on a resend. A failure a later
 * attempt could get past (an outage, throttling) is not judged: time itself may have fixed it.
 */
const unchangedSinceFailure = async (record: EmailRecord, deps: EmailLogDeps): Promise<boolean> => {
  const error = record.lastError;
  // Whether an uncertain email went out is its own question, with its own message (messages/app-words.ts).
  if (error === undefined || error.transient === true || error.code === OutboxErrorCode.DeliveryUncertain) return false;
  if (record.finishedAt === undefined) return false;
  const updatedAt = await deps.credentialUpdatedAt(record.credentialId);
  if (updatedAt === undefined) return false;
  const saved = Date.parse(updatedAt);
  return Number.isFinite(saved) && saved <= record.finishedAt;
};

export const createEmailLogService = (deps: EmailLogDeps): EmailLogService => ({
  list: async (query) => {
    const page = await deps.records
      .query({
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.issueKey === undefined ? {} : { issueKey: query.issueKey }),
        ...newestPage(query),
      })
      .catch(staleCursorAs(query.cursor, (error) => new EmailLogCursorInvalidError(error)));
    return { items: page.records.map(toSummary), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  },

  get: async (emailId) => toEntry(await requireRecord(deps.records, emailId)),

  resend: async (emailId, admin, options = {}) => {
    const record = await requireRecord(deps.records, emailId);
    // A connection test was never in the outbox: there is nothing to send again (Test connection sends a new one).
    if (record.kind === 'connection-test') throw new ConnectionTestNotResendableError(emailId);
    if (record.status !== 'failed') throw new NotResendableError(emailId, record.status);
    if (options.anyway !== true && (await unchangedSinceFailure(record, deps))) throw new ResendUnchangedError(emailId);
    const now = deps.now();
    // When it is unknown whether the last attempt went out, the worker searches the mailbox before sending.
    const uncertain = record.lastError?.code === OutboxErrorCode.DeliveryUncertain;
    const written = await updateRecord(deps.records, record, (current) => {
      if (current.status !== 'failed') throw new NotResendableError(emailId, current.status);
      const { finishedAt: _finishedAt, ...rest } = current;
      return {
        ...withStatus(rest, now, { status: 'queued', note: `Resent by ${admin.name}.` }),
        roundAttempts: 0,
        nextAttemptAt: now,
        followUps: [],
        resentBy: { accountId: admin.accountId, name: admin.name },
        ...(uncertain ? { unsure: { since: 0 } } : {}),
      };
    });
    if (written === undefined) throw new EmailNotFoundError(emailId);
    await deps.queue.push(emailId, { mailbox: written.senderMailbox, delaySeconds: 0 });
    return toEntry(written);
  },

  content: async (emailId) => contentView(await requireRecord(deps.records, emailId), deps.contents),

  deliveryOf: async (emailId, issueId) => {
    const record = await requireRecord(deps.records, emailId);
    if (record.issueId !== issueId) throw new EmailNotFoundError(emailId);
    return toDeliveryView(record, deps.remedyOf);
  },
});
