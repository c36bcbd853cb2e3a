import type { CredentialStore } from '../credentials/credential-store';
import { createEmailLogService, type EmailLogService } from '../outbox/email-log-service';
import { senderRemedies } from '../outbox/sender-remedy';
import { MAIL_SERVICE_CODES_NEEDING_ADMIN } from '../providers/failure';
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
    remedyOf: senderRemedies(MAIL_SERVICE_CODES_NEEDING_ADMIN),
  });
