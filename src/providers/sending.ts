import type { StoredCredential } from '../credentials/stored-credential';
import type { DeliveryResult, MessageTrace, OutgoingMessage } from '../mail-model/outgoing-message';

/*
 * What every provider does for sending, whichever mail service carries the email: microsoft/ and google/ implement
 * it, mail-sender.ts picks one for a credential.
 */

/** How a send is bounded: the latest time a single request may leave, for a send paced to a slot. */
export interface SendOptions {
  sendBy?: number;
}

/** Sends a message from a credential's sender mailbox. */
export type SendAs = (
  credential: StoredCredential,
  message: OutgoingMessage,
  options?: SendOptions,
) => Promise<DeliveryResult>;

/** A person of the credential's directory. */
export interface DirectoryPerson {
  name: string;
  address: string;
  /** Job title and department, to tell people of the same name apart. */
  detail?: string;
}

/** Finds people of the credential's directory by name or address. */
export type DirectorySearch = (credential: StoredCredential, query: string) => Promise<DirectoryPerson[]>;

/** The sender's mailbox as the outbox searches it for an earlier attempt. */
export interface MailboxTrace {
  find: (credential: StoredCredential, internetMessageId: string) => Promise<MessageTrace>;
  deleteDraft: (credential: StoredCredential, messageId: string) => Promise<void>;
}
