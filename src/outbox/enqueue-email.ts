import { safeErrorLabel } from '../shared/error-names';
import type { Clock } from '../shared/seams';
import type { KvEntry } from '../storage/kv-store';
import { type EmailContent, type EmailContentStore, isInlineAttachment } from './email-contents';
import type { EmailRecord } from './email-record';
import type { EmailRecordStore } from './email-records';
import { OutboxError, OutboxErrorCode } from './errors';
import { recordProviderOf } from './mail-provider';
import type { MailboxPacer } from './mailbox-pacer';
import { delaySecondsToSlot, type OutboxQueue } from './outbox-queue';

export interface EnqueueDeps {
  records: EmailRecordStore;
  contents: EmailContentStore;
  queue: OutboxQueue;
  now: Clock;
  log: (line: string) => void;
  /** Reserves the email's sending slot as it is queued, so its job is delayed to it and runs once. */
  pacer?: MailboxPacer;
}

export interface NewEmail {
  emailId: string;
  issue: { id: string; key: string };
  /** `provider`: the credential's (src/contract/credential-kinds.ts); absent for Microsoft 365. */
  credential: { id: string; senderMailbox: string; provider?: string };
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
 * The email's first sending slot, reserved now: its job is delayed to it (the worker runs once for it, rather than
 * once to be paced and once to send). Without one (a line too long, or pacing trouble) the worker reserves it.
 */
const firstSlot = async (
  email: NewEmail,
  now: number,
  deps: EnqueueDeps,
  alongside: readonly KvEntry[],
): Promise<{ slotAt?: number; tookAlong: boolean }> => {
  if (deps.pacer === undefined) return { tookAlong: false };
  try {
    const request = { emailId: email.emailId, now, ...recordProviderOf(email.credential) };
    const { decision, tookAlong } = await deps.pacer.reserveTakingAlong(
      email.credential.senderMailbox,
      request,
      alongside,
    );
    return 'slotAt' in decision ? { slotAt: decision.slotAt, tookAlong } : { tookAlong };
  } catch (error) {
    deps.log(`email ${email.emailId}: no pacing slot when queued (${safeErrorLabel(error)}); the worker reserves it`);
    return { tookAlong: false };
  }
};

/**
 * The content's kvs entries when they can go in the pacing slot's transaction (one kvs write for both): a single
 * chunk, well inside a transaction's payload (4 MB, held to 1 MB for now: FRGE-1916,
 * https://developer.atlassian.com/platform/forge/storage-reference/transactions/).
 */
const contentToTakeAlong = (email: NewEmail, deps: EnqueueDeps): KvEntry[] => {
  if (deps.pacer === undefined || deps.contents.entriesOf === undefined) return [];
  const entries = deps.contents.entriesOf(email.emailId, email.content);
  return entries.length === 1 ? entries : [];
};

/**
 * Puts an email in the outbox: its content first (in its pacing slot's transaction when it fits: one kvs write for
 * both), then its record (status queued), then the job. Each step only follows a stored one, so a failure leaves
 * nothing a later step needs: content without a record is dead weight the retention job never sees (harmless), a
 * slot without a record is a slot nobody sends in, and a record whose job was never pushed is found by the upkeep
 * job (outbox-upkeep.ts), which pushes it. The person who pressed "Send" sees "queued" either way.
 */
export const enqueueEmail = async (email: NewEmail, deps: EnqueueDeps): Promise<EmailRecord> => {
  const now = deps.now();
  const alongside = contentToTakeAlong(email, deps);
  const early = alongside.length === 0 ? await deps.contents.write(email.emailId, email.content) : undefined;
  const { slotAt, tookAlong } = await firstSlot(email, now, deps, alongside);
  const contentChunks =
    early ?? (tookAlong ? alongside.length : await deps.contents.write(email.emailId, email.content));
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
    ...recordProviderOf(email.credential),
    internetMessageId: email.internetMessageId,
    subject: email.content.subject,
    to: email.listed.to,
    cc: email.listed.cc,
    bccCount: email.content.bcc.length,
    attachmentCount: email.content.attachments.filter((attachment) => !isInlineAttachment(attachment)).length,
    requestedBy: email.requestedBy,
    attempts: 0,
    roundAttempts: 0,
    nextAttemptAt: slotAt ?? now,
    ...(slotAt === undefined ? {} : { slotAt }),
    events: [{ at: new Date(now).toISOString(), status: 'queued', note: `Queued by ${email.requestedBy.name}.` }],
    followUps: [],
    commentAfterSend: email.commentAfterSend,
    contentChunks,
  };
  if (!(await deps.records.create(record))) {
    throw new OutboxError(OutboxErrorCode.WriteConflict, `Email ${email.emailId} is in the outbox already.`);
  }
  try {
    await deps.queue.push(record.emailId, {
      mailbox: record.senderMailbox,
      // From the time of the push: the slot's and the record's writes took some of the wait (outbox-queue.ts).
      delaySeconds: slotAt === undefined ? 0 : delaySecondsToSlot(slotAt, deps.now()),
    });
  } catch (error) {
    deps.log(
      `email ${record.emailId}: queued, but pushing its job failed (${safeErrorLabel(error)}); the upkeep job will push it`,
    );
  }
  return record;
};
