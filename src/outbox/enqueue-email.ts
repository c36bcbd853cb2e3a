import { safeErrorLabel } from '../shared/error-names';
import type { Clock } from '../shared/seams';
import { type EmailContent, type EmailContentStore, isInlineAttachment } from './email-contents';
import type { EmailRecord } from './email-record';
import type { EmailRecordStore } from './email-records';
import { OutboxError, OutboxErrorCode } from './errors';
import type { OutboxQueue } from './outbox-queue';

export interface EnqueueDeps {
  records: EmailRecordStore;
  contents: EmailContentStore;
  queue: OutboxQueue;
  now: Clock;
  log: (line: string) => void;
}

export interface NewEmail {
  emailId: string;
  issue: { id: string; key: string };
  credential: { id: string; senderMailbox: string };
  internetMessageId: string;
  requestedBy: { accountId: string; name: string };
  /**
   * The recipients as the email log, the issue's history and the "Emailed to" comment show them: addresses, and
   * the names of people whose address Jira hides. `content` holds the addresses themselves, for sending only.
   */
  listed: { to: string[]; cc: string[] };
  content: EmailContent;
  commentAfterSend: boolean;
}

/**
 * Puts an email in the outbox: its content first, then its record (status queued), then the job. Each step
 * only follows a stored one, so a failure leaves nothing a later step needs: content without a record is dead
 * weight the retention job never sees (harmless), and a record whose job was never pushed is found by the upkeep
 * job (outbox-upkeep.ts), which pushes it. The person who pressed "Send" sees "queued" either way.
 */
export const enqueueEmail = async (email: NewEmail, deps: EnqueueDeps): Promise<EmailRecord> => {
  const now = deps.now();
  const contentChunks = await deps.contents.write(email.emailId, email.content);
  const record: EmailRecord = {
    emailId: email.emailId,
    version: 1,
    status: 'queued',
    createdAt: now,
    updatedAt: now,
    kind: 'issue',
    issueId: email.issue.id,
    issueKey: email.issue.key,
    credentialId: email.credential.id,
    senderMailbox: email.credential.senderMailbox,
    internetMessageId: email.internetMessageId,
    subject: email.content.subject,
    to: email.listed.to,
    cc: email.listed.cc,
    bccCount: email.content.bcc.length,
    attachmentCount: email.content.attachments.filter((attachment) => !isInlineAttachment(attachment)).length,
    requestedBy: email.requestedBy,
    attempts: 0,
    roundAttempts: 0,
    nextAttemptAt: now,
    events: [{ at: new Date(now).toISOString(), status: 'queued', note: `Queued by ${email.requestedBy.name}.` }],
    followUps: [],
    commentAfterSend: email.commentAfterSend,
    contentChunks,
  };
  if (!(await deps.records.create(record))) {
    throw new OutboxError(OutboxErrorCode.WriteConflict, `Email ${email.emailId} is in the outbox already.`);
  }
  try {
    await deps.queue.push(record.emailId, { mailbox: record.senderMailbox, delaySeconds: 0 });
  } catch (error) {
    deps.log(
      `email ${record.emailId}: queued, but pushing its job failed (${safeErrorLabel(error)}); the upkeep job will push it`,
    );
  }
  return record;
};
