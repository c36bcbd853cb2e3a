import type { CredentialStore } from '../credentials/credential-store';
import { createEmailLogService, type EmailLogService } from '../outbox/email-log-service';
import { systemClock } from '../shared/seams';
import type { OutboxStores } from './outbox';

/** The email log: what happened to each queued email, read from the outbox's records. */
export const buildEmailLog = (stores: OutboxStores, credentialStore: CredentialStore): EmailLogService =>
  createEmailLogService({
    records: stores.records,
    queue: stores.queue,
    now: systemClock,
    credentialUpdatedAt: async (id) => (await credentialStore.get(id))?.updatedAt,
    contents: stores.contents,
  });
