import { randomBase64Url } from './ids';
import type { StoredMessage } from './types';

/** Oldest messages are dropped beyond this, so a long local session cannot grow without bound. */
export const MAX_STORED_MESSAGES = 1000;

/** Messages accepted by sendMail, in memory, oldest first. */
export class MailboxStore {
  private messages: StoredMessage[] = [];

  add(input: {
    mailbox: string;
    message: StoredMessage['message'];
    savedToSentItems: boolean;
    receivedAt: Date;
  }): StoredMessage {
    const stored: StoredMessage = {
      // Shaped like an Exchange item id; only needs to be unique and URL-safe.
      id: `AAMkAG${randomBase64Url(33)}`,
      mailbox: input.mailbox,
      receivedAt: input.receivedAt.toISOString(),
      savedToSentItems: input.savedToSentItems,
      message: structuredClone(input.message),
    };
    this.messages.push(stored);
    if (this.messages.length > MAX_STORED_MESSAGES) this.messages = this.messages.slice(-MAX_STORED_MESSAGES);
    return structuredClone(stored);
  }

  /** Copies, so callers cannot change what the store holds. `mailbox` matches the UPN case-insensitively. */
  list(mailbox?: string): StoredMessage[] {
    const key = mailbox?.toLowerCase();
    return this.messages
      .filter((message) => key === undefined || message.mailbox.toLowerCase() === key)
      .map((m) => structuredClone(m));
  }

  get(id: string): StoredMessage | undefined {
    const found = this.messages.find((message) => message.id === id);
    return found === undefined ? undefined : structuredClone(found);
  }
}
