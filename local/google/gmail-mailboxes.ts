import PostalMime, { type Email } from 'postal-mime';

/** A message in a user's mailbox, as Gmail keeps it. */
export interface StoredGmailMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  historyId: string;
  /** Milliseconds since the epoch, by the emulator's clock. */
  internalDate: number;
  raw: Buffer;
  parsed: Email;
}

interface Mailbox {
  messages: StoredGmailMessage[];
  historyId: number;
}

const SUBJECT_PREFIX = /^\s*((re|fwd?|aw|wg)\s*:\s*)+/i;
const normalSubject = (subject: string | undefined): string => (subject ?? '').replace(SUBJECT_PREFIX, '').trim();
const MESSAGE_ID = /<[^<>\s]+>/g;

/**
 * The users' mailboxes. Ids are hex like Gmail's; each change raises the mailbox's historyId by a gap, since Gmail's
 * "History IDs increase chronologically but are not contiguous with random gaps in between valid IDs"
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.history/list).
 */
export class GmailMailboxes {
  private readonly boxes = new Map<string, Mailbox>();
  private nextId = 0x18c4a2b3c0000000n;

  private box(address: string): Mailbox {
    const key = address.toLowerCase();
    let box = this.boxes.get(key);
    if (box === undefined) {
      box = { messages: [], historyId: 1000 + this.boxes.size * 100 };
      this.boxes.set(key, box);
    }
    return box;
  }

  /**
   * Files a sent message with label SENT. It joins `threadId` only as users.messages.send's Message.threadId says:
   * the thread exists, References or In-Reply-To name one of its messages, and the Subject matches
   * (https://developers.google.com/workspace/gmail/api/guides/threads); otherwise it starts its own thread.
   */
  async storeSent(
    address: string,
    raw: Buffer,
    threadId: string | undefined,
    nowMs: number,
  ): Promise<StoredGmailMessage> {
    const parsed = await PostalMime.parse(raw);
    const box = this.box(address);
    const id = (this.nextId += BigInt(1 + (box.messages.length % 5))).toString(16);
    box.historyId += 3 + (box.messages.length % 4);
    const message: StoredGmailMessage = {
      id,
      threadId: this.threadFor(box, parsed, threadId) ?? id,
      labelIds: ['SENT'],
      historyId: String(box.historyId),
      internalDate: nowMs,
      raw,
      parsed,
    };
    box.messages.push(message);
    return message;
  }

  private threadFor(box: Mailbox, parsed: Email, threadId: string | undefined): string | undefined {
    if (threadId === undefined) return undefined;
    const thread = box.messages.filter((message) => message.threadId === threadId);
    if (thread.length === 0) return undefined;
    const quoted = new Set(
      [...(parsed.inReplyTo ?? '').matchAll(MESSAGE_ID), ...(parsed.references ?? '').matchAll(MESSAGE_ID)].map(
        (m) => m[0],
      ),
    );
    const subject = normalSubject(parsed.subject);
    const joins = thread.some(
      (message) =>
        message.parsed.messageId !== undefined &&
        quoted.has(message.parsed.messageId) &&
        normalSubject(message.parsed.subject) === subject,
    );
    return joins ? threadId : undefined;
  }

  messages(address: string): readonly StoredGmailMessage[] {
    return this.boxes.get(address.toLowerCase())?.messages ?? [];
  }

  find(address: string, id: string): StoredGmailMessage | undefined {
    return this.messages(address).find((message) => message.id === id);
  }

  historyId(address: string): string {
    return String(this.box(address).historyId);
  }
}
