import type { EmailDeliveryView, EmailLogEntry, EmailLogSummary } from '../contract/email-log';
import type { EmailRecord } from './email-record';
import type { SenderRemedyOf } from './sender-remedy';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A row of the admin's email log. Bcc addresses are not part of the record at all, only their number. */
export const toSummary = (record: EmailRecord): EmailLogSummary => {
  const sentAt = iso(record.sentAt);
  const nextAttemptAt =
    record.status === 'queued' || record.status === 'retrying' ? iso(record.nextAttemptAt) : undefined;
  return {
    emailId: record.emailId,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    kind: record.kind,
    ...(record.issueKey === undefined ? {} : { issueKey: record.issueKey }),
    senderMailbox: record.senderMailbox,
    to: record.to,
    cc: record.cc,
    bccCount: record.bccCount,
    subject: record.subject,
    status: record.status,
    attempts: record.attempts,
    ...(record.lastError === undefined || record.status === 'sent'
      ? {}
      : { lastError: { code: record.lastError.code, message: record.lastError.message } }),
    ...(record.requestId === undefined ? {} : { requestId: record.requestId }),
    ...(sentAt === undefined ? {} : { sentAt }),
    ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
    requestedBy: record.requestedBy,
    canResend: record.status === 'failed' && record.kind === 'issue',
  };
};

export const toEntry = (record: EmailRecord): EmailLogEntry => ({
  ...toSummary(record),
  events: record.events,
  attachmentCount: record.attachmentCount,
});

/** What the sender's dialog shows while it follows the email: a failure in the sender's words. */
export const toDeliveryView = (record: EmailRecord, senderRemedyOf: SenderRemedyOf): EmailDeliveryView => {
  const summary = toSummary(record);
  const lastError =
    summary.lastError === undefined
      ? undefined
      : {
          code: summary.lastError.code,
          message: record.lastError?.senderMessage ?? summary.lastError.message,
          remedy: senderRemedyOf(summary.lastError.code),
        };
  const finishedAt = record.status === 'failed' ? iso(record.finishedAt) : undefined;
  return {
    emailId: record.emailId,
    status: record.status,
    attempts: record.attempts,
    ...(lastError === undefined ? {} : { lastError }),
    ...(summary.sentAt === undefined ? {} : { sentAt: summary.sentAt }),
    ...(summary.nextAttemptAt === undefined ? {} : { nextAttemptAt: summary.nextAttemptAt }),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    recipientCount: record.to.length + record.cc.length + record.bccCount,
  };
};
