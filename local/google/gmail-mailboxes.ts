import PostalMime, { type Email } from 'postal-mime';

import { MailboxHistory } from './gmail-history';
import { MailboxLabels } from './gmail-labels';

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
  labels: MailboxLabels;
  history: MailboxHistory;
}

export type ModifyOutcome =
  | { ok: true; message: StoredGmailMessage }
  | { ok: false; problem: 'notFound' }
  | { ok: false; problem: 'invalidLabel'; labelId: string };

const SUBJECT_PREFIX = /^\s*((re|fwd?|aw|wg)\s*:\s*)+/i;
const normalSubject = (subject: string | undefined): string => (subject ?? '').replace(SUBJECT_PREFIX, '').trim();
const MESSAGE_ID = /<[^<>\s]+>/g;

const quotedIds = (parsed: Email): Set<string> =>
  new Set(
    [...(parsed.inReplyTo ?? '').matchAll(MESSAGE_ID), ...(parsed.references ?? '').matchAll(MESSAGE_ID)].map(
      (m) => m[0],
    ),
  );

/**
 * The users' mailboxes. Ids are hex like Gmail's; each change raises the mailbox's historyId by a gap, since Gmail's
 * "History IDs increase chronologically but are not contiguous with random gaps in between valid IDs"
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.history/list), and is a history record.
 */
export class GmailMailboxes {
  private readonly boxes = new Map<string, Mailbox>();
  private nextId = 0x18c4a2b3c0000000n;

  private box(address: string): Mailbox {
    const key = address.toLowerCase();
    let box = this.boxes.get(key);
    if (box === undefined) {
      const historyId = 1000 + this.boxes.size * 100;
      box = { messages: [], historyId, labels: new MailboxLabels(), history: new MailboxHistory(historyId) };
      this.boxes.set(key, box);
    }
    return box;
  }

  private bump(box: Mailbox): number {
    box.historyId += 3 + (box.history.after(0).length % 4);
    return box.historyId;
  }

  private async store(
    address: string,
    raw: Buffer,
    labelIds: string[],
    thread: (box: Mailbox, parsed: Email) => string | undefined,
    nowMs: number,
  ): Promise<StoredGmailMessage> {
    const parsed = await PostalMime.parse(raw);
    const box = this.box(address);
    const id = (this.nextId += BigInt(1 + (box.messages.length % 5))).toString(16);
    const historyId = this.bump(box);
    const message: StoredGmailMessage = {
      id,
      threadId: thread(box, parsed) ?? id,
      labelIds,
      historyId: String(historyId),
      internalDate: nowMs,
      raw,
      parsed,
    };
    box.messages.push(message);
    box.history.add({ id: historyId, type: 'messageAdded', message: this.summary(message) });
    return message;
  }

  private summary(message: StoredGmailMessage): { id: string; threadId: string; labelIds: string[] } {
    return { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] };
  }

  /**
   * Files a sent message with label SENT. It joins `threadId` only as users.messages.send's Message.threadId says:
   * the thread exists, References or In-Reply-To name one of its messages, and the Subject matches
   * (https://developers.google.com/workspace/gmail/api/guides/threads); otherwise it starts its own thread.
   */
  storeSent(address: string, raw: Buffer, threadId: string | undefined, nowMs: number): Promise<StoredGmailMessage> {
    return this.store(
      address,
      raw,
      ['SENT'],
      (box, parsed) =>
        threadId === undefined
          ? undefined
          : this.joinedThread(
              box.messages.filter((message) => message.threadId === threadId),
              parsed,
            ),
      nowMs,
    );
  }

  /**
   * Mail arriving from outside: into INBOX, UNREAD. It joins the thread of a message of the mailbox it answers
   * (References or In-Reply-To, same Subject), as Gmail threads incoming replies.
   */
  deliver(address: string, raw: Buffer, nowMs: number): Promise<StoredGmailMessage> {
    return this.store(
      address,
      raw,
      ['INBOX', 'UNREAD'],
      (box, parsed) => this.joinedThread(box.messages, parsed),
      nowMs,
    );
  }

  private joinedThread(candidates: readonly StoredGmailMessage[], parsed: Email): string | undefined {
    const quoted = quotedIds(parsed);
    const subject = normalSubject(parsed.subject);
    return candidates.find(
      (message) =>
        message.parsed.messageId !== undefined &&
        quoted.has(message.parsed.messageId) &&
        normalSubject(message.parsed.subject) === subject,
    )?.threadId;
  }

  /** users.messages.modify: labels added then removed; one history record per kind of change that happened. */
  modify(address: string, id: string, add: readonly string[], remove: readonly string[]): ModifyOutcome {
    const box = this.box(address);
    const message = box.messages.find((candidate) => candidate.id === id);
    if (message === undefined) return { ok: false, problem: 'notFound' };
    const unknown = [...add, ...remove].find((labelId) => !box.labels.has(labelId));
    if (unknown !== undefined) return { ok: false, problem: 'invalidLabel', labelId: unknown };
    const added = [...new Set(add)].filter((labelId) => !message.labelIds.includes(labelId));
    message.labelIds = [...message.labelIds, ...added];
    const removed = [...new Set(remove)].filter((labelId) => message.labelIds.includes(labelId));
    message.labelIds = message.labelIds.filter((labelId) => !removed.includes(labelId));
    for (const [type, labelIds] of [
      ['labelAdded', added],
      ['labelRemoved', removed],
    ] as const) {
      if (labelIds.length === 0) continue;
      const historyId = this.bump(box);
      message.historyId = String(historyId);
      box.history.add({ id: historyId, type, message: this.summary(message), labelIds: [...labelIds] });
    }
    return { ok: true, message };
  }

  messages(address: string): readonly StoredGmailMessage[] {
    return this.boxes.get(address.toLowerCase())?.messages ?? [];
  }

  find(address: string, id: string): StoredGmailMessage | undefined {
    return this.messages(address).find((message) => message.id === id);
  }

  /** A message of any mailbox, and whose it is (replies written on the mailbox page name a sent message by id). */
  findAnywhere(id: string): { address: string; message: StoredGmailMessage } | undefined {
    for (const [address, box] of this.boxes) {
      const message = box.messages.find((candidate) => candidate.id === id);
      if (message !== undefined) return { address, message };
    }
    return undefined;
  }

  historyId(address: string): string {
    return String(this.box(address).historyId);
  }

  labels(address: string): MailboxLabels {
    return this.box(address).labels;
  }

  history(address: string): MailboxHistory {
    return this.box(address).history;
  }

  /**
   * Every history id handed out so far is out of date (history.list answers 404 for it); the mailbox moves on to a
   * new one, which getProfile then gives for a fresh start, as after Google's full sync.
   */
  expireHistory(address: string): void {
    const box = this.box(address);
    box.historyId += 10;
    box.history.expire(box.historyId);
  }
}
