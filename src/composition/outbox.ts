import { createEmailContentStore, type EmailContentStore } from '../outbox/email-contents';
import type { EmailRecord } from '../outbox/email-record';
import { createEmailRecordStore, type EmailRecordStore } from '../outbox/email-records';
import { enqueueEmail, type NewEmail } from '../outbox/enqueue-email';
import { createMailboxPacer, type MailboxPacer } from '../outbox/mailbox-pacer';
import { createForgeOutboxQueue, type OutboxQueue } from '../outbox/outbox-queue';
import { systemClock } from '../shared/seams';
import { createForgeEntityStore } from '../storage/entity-store';
import { MAILBOX_PACE_ENTITY, OUTBOX_EMAIL_ENTITY } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import { appLog } from './app-log';

/**
 * Where queued emails live: their records (a custom entity), their contents (kvs), the async events queue, and the
 * sender mailboxes' pacing slots (reserved as an email is queued).
 */
export interface OutboxStores {
  records: EmailRecordStore;
  contents: EmailContentStore;
  queue: OutboxQueue;
  pacer: MailboxPacer;
}

export const buildOutboxStores = (kv: KvStore): OutboxStores => ({
  records: createEmailRecordStore(createForgeEntityStore(OUTBOX_EMAIL_ENTITY)),
  contents: createEmailContentStore(kv),
  queue: createForgeOutboxQueue(),
  pacer: createMailboxPacer(createForgeEntityStore(MAILBOX_PACE_ENTITY)),
});

/** Puts an email in the outbox; the worker sends it. */
export const buildEnqueue =
  (stores: OutboxStores) =>
  (email: NewEmail): Promise<EmailRecord> =>
    enqueueEmail(email, { ...stores, now: systemClock, log: appLog });
