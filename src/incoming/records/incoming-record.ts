import type { IncomingRecordData } from './incoming-record-schema';

/**
 * One message of the incoming log, and its exactly-once mark: a Forge custom entity (`incoming-message`, see
 * manifest.yml) keyed by the digest of the message's Internet Message-ID, so every copy of one message (a
 * notification and a delta run, a redelivered job, a Cc in a second handler's mailbox) meets the same record, and
 * only the run that created or re-claimed it writes to Jira. `version` grows with every write; writes are
 * conditional on it.
 */
export type IncomingRecord = IncomingRecordData;

export type IncomingTarget = NonNullable<IncomingRecord['target']>;

/** The message as the worker first reads it: what the record keeps of it. */
export interface SeenMessage {
  internetMessageId: string;
  handlerId: string;
  mailbox: string;
  graphMessageId: string;
  from: { name?: string; address: string };
  subject: string;
  /** ms since the epoch. */
  receivedAt: number;
  conversationId?: string;
  requestId?: string;
}
