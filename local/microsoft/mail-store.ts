import { randomBase64Url } from './ids';

/** `{ emailAddress: { name, address } }`, as Graph writes a recipient. */
export interface MailAddress {
  emailAddress: { address: string; name?: string };
}

export interface MailBody {
  contentType: 'html' | 'text';
  content: string;
}

/** A file attachment of a received message (Graph `fileAttachment`); `isInline` ones carry the body's `cid:`. */
export interface ReceivedAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  contentBytes: string;
  isInline: boolean;
  /** Without `<>`, as the body's `cid:` names it. */
  contentId?: string;
  lastModifiedDateTime: string;
}

/** What a delivery gives; the store adds ids, folder and read state. */
export interface IncomingMail {
  receivedDateTime: string;
  sentDateTime?: string;
  internetMessageId: string;
  conversationId: string;
  conversationIndex: string;
  subject: string;
  from: MailAddress;
  sender?: MailAddress;
  toRecipients: MailAddress[];
  ccRecipients?: MailAddress[];
  replyTo?: MailAddress[];
  body: MailBody;
  uniqueBody: MailBody;
  internetMessageHeaders: { name: string; value: string }[];
  attachments: Omit<ReceivedAttachment, 'id' | 'lastModifiedDateTime'>[];
  isRead?: boolean;
}

/** A message in a folder of an emulated mailbox (Inbox and the folders mail is moved to). */
export interface FolderMessage extends Omit<IncomingMail, 'attachments' | 'isRead'> {
  /** Stays the same for the message's life in the mailbox (Graph's immutable id, outlook-immutable-id). */
  immutableId: string;
  /** The default (REST) id: a new one after each move, as message-move says. */
  id: string;
  folderId: string;
  isRead: boolean;
  attachments: ReceivedAttachment[];
  /** Bumped on each change; the changeKey and etag derive from it. */
  version: number;
  lastModifiedDateTime: string;
}

/** A folder created with POST …/childFolders (mailfolder-post-childfolders). */
export interface CreatedFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  isHidden: boolean;
}

export type ChangeKind = 'created' | 'updated' | 'deleted';

/** One change of a folder's content, in order: what messages/delta reads from. */
export interface JournalEntry {
  seq: number;
  folderId: string;
  immutableId: string;
  /** The message's REST id when it happened (a move's `deleted` keeps the id the source folder knew). */
  restId: string;
  kind: ChangeKind;
}

/** Messages per mailbox beyond which the oldest are dropped; far above the 1,000 old messages a test seeds. */
export const MAX_MAILBOX_MESSAGES = 20_000;
/** Journal entries kept per mailbox; a delta token older than the kept part is expired (410 syncStateNotFound). */
export const MAX_JOURNAL_ENTRIES = 100_000;

interface MailboxData {
  folders: CreatedFolder[];
  /** By immutable id, in delivery order. */
  messages: Map<string, FolderMessage>;
  journal: JournalEntry[];
  seq: number;
}

export type ChangeListener = (mailbox: string, entry: JournalEntry, message: FolderMessage) => void;

const newItemId = () => `AAMkAG${randomBase64Url(33)}`;

/**
 * The mail emulated mailboxes received, per mailbox (lower-case UPN), in memory: folders made by clients, the
 * messages of every folder, and a change journal for delta queries and change notifications. Sent Items and
 * Drafts stay in their own stores.
 */
export class MailStore {
  private readonly mailboxes = new Map<string, MailboxData>();
  private readonly listeners: ChangeListener[] = [];

  /** Called after each journal entry (subscriptions listen here). */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  private data(mailbox: string): MailboxData {
    const key = mailbox.toLowerCase();
    let data = this.mailboxes.get(key);
    if (data === undefined) {
      data = { folders: [], messages: new Map(), journal: [], seq: 0 };
      this.mailboxes.set(key, data);
    }
    return data;
  }

  private record(mailbox: string, kind: ChangeKind, message: FolderMessage, folderId = message.folderId): void {
    const data = this.data(mailbox);
    data.seq += 1;
    const entry: JournalEntry = { seq: data.seq, folderId, immutableId: message.immutableId, restId: message.id, kind };
    data.journal.push(entry);
    if (data.journal.length > MAX_JOURNAL_ENTRIES) data.journal.splice(0, data.journal.length - MAX_JOURNAL_ENTRIES);
    for (const listener of this.listeners) listener(mailbox.toLowerCase(), entry, structuredClone(message));
  }

  deliver(mailbox: string, folderId: string, mail: IncomingMail): FolderMessage {
    const data = this.data(mailbox);
    const id = newItemId();
    const { isRead, attachments, ...rest } = mail;
    const message: FolderMessage = {
      ...structuredClone(rest),
      // Immutable ids look unlike REST ids (outlook-immutable-id), so an old REST id never finds a moved message.
      immutableId: `AAkALg${randomBase64Url(33)}`,
      id,
      folderId,
      isRead: isRead === true,
      attachments: attachments.map((attachment) => ({
        ...attachment,
        id: `AAMkAG${randomBase64Url(24)}=`,
        lastModifiedDateTime: mail.receivedDateTime,
      })),
      version: 1,
      lastModifiedDateTime: mail.receivedDateTime,
    };
    data.messages.set(message.immutableId, message);
    this.record(mailbox, 'created', message);
    if (data.messages.size > MAX_MAILBOX_MESSAGES) {
      const oldest = data.messages.values().next().value;
      if (oldest !== undefined) {
        data.messages.delete(oldest.immutableId);
        this.record(mailbox, 'deleted', oldest);
      }
    }
    return structuredClone(message);
  }

  /** A message by its current id or its immutable id; a REST id from before a move finds nothing. */
  find(mailbox: string, id: string): FolderMessage | undefined {
    const data = this.data(mailbox);
    const found = data.messages.get(id) ?? [...data.messages.values()].find((message) => message.id === id);
    return found === undefined ? undefined : structuredClone(found);
  }

  /** The messages of a folder (or of the mailbox), in delivery order. */
  list(mailbox: string, folderId?: string): FolderMessage[] {
    return [...this.data(mailbox).messages.values()]
      .filter((message) => folderId === undefined || message.folderId === folderId)
      .map((message) => structuredClone(message));
  }

  update(mailbox: string, immutableId: string, changes: { isRead?: boolean }, at: Date): FolderMessage | undefined {
    const message = this.data(mailbox).messages.get(immutableId);
    if (message === undefined) return undefined;
    if (changes.isRead !== undefined) message.isRead = changes.isRead;
    message.version += 1;
    message.lastModifiedDateTime = at.toISOString();
    this.record(mailbox, 'updated', message);
    return structuredClone(message);
  }

  /** Moves a message: `deleted` in the source folder, `created` in the destination, and a new REST id. */
  move(mailbox: string, immutableId: string, destinationId: string, at: Date): FolderMessage | undefined {
    const data = this.data(mailbox);
    const message = data.messages.get(immutableId);
    if (message === undefined) return undefined;
    const source = message.folderId;
    if (source !== destinationId) {
      this.record(mailbox, 'deleted', message, source);
      message.folderId = destinationId;
      message.id = newItemId();
      message.version += 1;
      message.lastModifiedDateTime = at.toISOString();
      this.record(mailbox, 'created', message);
    }
    return structuredClone(message);
  }

  folders(mailbox: string): CreatedFolder[] {
    return this.data(mailbox).folders.map((folder) => ({ ...folder }));
  }

  /** Creates a child folder; undefined when the parent already has one of that name (case-insensitive, as Exchange). */
  createFolder(
    mailbox: string,
    parentFolderId: string,
    displayName: string,
    isHidden: boolean,
  ): CreatedFolder | undefined {
    const data = this.data(mailbox);
    const taken = data.folders.some(
      (folder) =>
        folder.parentFolderId === parentFolderId && folder.displayName.toLowerCase() === displayName.toLowerCase(),
    );
    if (taken) return undefined;
    const folder: CreatedFolder = { id: `AAMkAG${randomBase64Url(30)}AAA=`, displayName, parentFolderId, isHidden };
    data.folders.push(folder);
    return { ...folder };
  }

  /** The journal's last sequence number, and the first one still kept (older delta positions are expired). */
  position(mailbox: string): { seq: number; oldestKept: number } {
    const data = this.data(mailbox);
    return { seq: data.seq, oldestKept: data.journal[0]?.seq ?? data.seq + 1 };
  }

  /** Journal entries of a folder after `seq`, oldest first. */
  changesSince(mailbox: string, folderId: string, seq: number): JournalEntry[] {
    return this.data(mailbox).journal.filter((entry) => entry.seq > seq && entry.folderId === folderId);
  }
}
