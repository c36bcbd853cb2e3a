import type { EmailDeliveryView, EmailLogEntry, EmailLogPage, ListEmailLogQuery } from '../contract/email-log';
import type { Clock } from '../shared/seams';
import type { EmailRecord } from './email-record';
import type { EmailRecordStore } from './email-records';
import { StorageError } from '../storage/errors';
import { EmailLogCursorInvalidError, EmailNotFoundError, NotResendableError, OutboxErrorCode } from './errors';
import { toDeliveryView, toEntry, toSummary } from './email-log-views';
import type { OutboxQueue } from './outbox-queue';
import { withStatus } from './record-changes';
import { updateRecord } from './update-record';

export interface EmailLogDeps {
  records: EmailRecordStore;
  queue: OutboxQueue;
  now: Clock;
}

export interface EmailLogService {
  list(query: ListEmailLogQuery): Promise<EmailLogPage>;
  get(emailId: string): Promise<EmailLogEntry>;
  /** Queues a failed email again under the same id and Message-ID. */
  resend(emailId: string, admin: { accountId: string; name: string }): Promise<EmailLogEntry>;
  /** The status of an email of this issue; another issue's email is "not found", as a missing one. */
  deliveryOf(emailId: string, issueId: string): Promise<EmailDeliveryView>;
}

const requireRecord = async (records: EmailRecordStore, emailId: string): Promise<EmailRecord> => {
  const record = await records.get(emailId);
  if (record === undefined) throw new EmailNotFoundError(emailId);
  return record;
};

export const createEmailLogService = (deps: EmailLogDeps): EmailLogService => ({
  async list(query) {
    const page = await deps.records
      .query({
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.issueKey === undefined ? {} : { issueKey: query.issueKey }),
      ...(query.from === undefined ? {} : { fromMs: Date.parse(query.from) }),
      ...(query.to === undefined ? {} : { toMs: Date.parse(query.to) }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      order: 'newest',
      limit: query.limit,
      })
      .catch((error: unknown) => {
        // A cursor storage does not take is the caller's stale page, not storage being down.
        if (query.cursor !== undefined && error instanceof StorageError && error.platformCode === 'INVALID_CURSOR') {
          throw new EmailLogCursorInvalidError(error);
        }
        throw error;
      });
    return { items: page.records.map(toSummary), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  },

  async get(emailId) {
    return toEntry(await requireRecord(deps.records, emailId));
  },

  async resend(emailId, admin) {
    const record = await requireRecord(deps.records, emailId);
    if (record.status !== 'failed') throw new NotResendableError(emailId, record.status);
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

  async deliveryOf(emailId, issueId) {
    const record = await requireRecord(deps.records, emailId);
    if (record.issueId !== issueId) throw new EmailNotFoundError(emailId);
    return toDeliveryView(record);
  },
});
