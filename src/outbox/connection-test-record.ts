import type { TestEmailLogged } from '../credentials/diagnosis/test-email-step';
import type { Clock } from '../shared/seams';
import type { EmailRecord } from './email-record';
import type { EmailRecordStore } from './email-records';
import { recordProviderOf, serviceName } from './mail-provider';

export interface ConnectionTestLogDeps {
  records: Pick<EmailRecordStore, 'create'>;
  newId: () => string;
  now: Clock;
}

/**
 * A Test connection's test email as an email log entry. It went straight to the mail service, never through the outbox, so
 * it is written once with its final status: no queue job, no content, no follow-ups, and no issue. Only the safe
 * guidance the test step showed the admin is kept, never a token.
 */
export const connectionTestRecord = (email: TestEmailLogged, emailId: string, now: number): EmailRecord => {
  const { outcome } = email;
  const at = new Date(now).toISOString();
  const note =
    outcome.status === 'sent'
      ? `Test email accepted by ${serviceName(email.provider)} (Test connection).`
      : 'Test email refused (Test connection).';
  return {
    emailId,
    version: 1,
    status: outcome.status,
    createdAt: now,
    updatedAt: now,
    kind: 'connection-test',
    credentialId: email.credentialId,
    ...recordProviderOf(email),
    senderMailbox: email.senderMailbox,
    // The test email is sent without a Message-ID of the app's own; Exchange gives it one.
    internetMessageId: '',
    subject: email.subject,
    to: [email.to],
    cc: [],
    bccCount: 0,
    attachmentCount: 0,
    requestedBy: email.requestedBy,
    attempts: 1,
    roundAttempts: 1,
    ...(outcome.status === 'failed' ? { lastError: outcome.error } : { sentAt: now }),
    ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
    finishedAt: now,
    events: [
      {
        at,
        from: email.senderMailbox,
        status: outcome.status,
        note,
        attempt: 1,
        ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
        ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
      },
    ],
    followUps: [],
    commentAfterSend: false,
    contentChunks: 0,
  };
};

/** One entity write per test email. */
export const createConnectionTestLog =
  (deps: ConnectionTestLogDeps) =>
  async (email: TestEmailLogged): Promise<void> => {
    await deps.records.create(connectionTestRecord(email, deps.newId(), deps.now()));
  };
