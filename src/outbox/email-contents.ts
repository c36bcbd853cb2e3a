import { validateContent } from '../generated/email-content';
import { AppError } from '../shared/app-error';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { emailContentKey } from '../storage/keys';
import type { KvEntry, KvStore } from '../storage/kv-store';
import { ContentMissingError, OutboxRecordInvalidError } from './errors';

export interface StoredAttachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  /** The body shows it as `cid:{contentId}`. */
  contentId?: string;
  /**
   * Only shown in the body, not listed as a file. Absent in emails queued before a chosen file could also be
   * shown in the body: there a content id meant inline.
   */
  inline?: boolean;
}

/** Whether the mail service is told the file is inline (shown in the body, not in the attachment list). */
export const isInlineAttachment = (attachment: Pick<StoredAttachment, 'contentId' | 'inline'>): boolean =>
  attachment.inline ?? attachment.contentId !== undefined;

/** What the worker needs to send an email: the rendered message and what to attach, decided when it was queued. */
export interface EmailContent {
  subject: string;
  html: string;
  to: string[];
  cc: string[];
  bcc: string[];
  /** The message's Reply-To: where replies go instead of the sender mailbox. Absent: the sender mailbox. */
  replyTo?: string[];
  /** The app's own headers (x-issue-mailer-*) that tie replies to the issue. */
  headers: Array<{ name: string; value: string }>;
  /** Jira attachments of the issue, downloaded when the email is sent; `contentId` for images in the body. */
  attachments: StoredAttachment[];
  /**
   * Whose Jira rights read the attachments when the email is sent: the person who chose them (the dialog's sender,
   * an Automation rule's actor); absent, the app's own account (notification rules, whose content the app read).
   */
  readAs?: string;
}

const readContent = standaloneValidator<EmailContent>(validateContent as StandaloneValidate);

/**
 * Forge values are at most 240 KiB: the content's JSON goes as base64 in chunks of this many characters (about
 * 110 KB of JSON each), whatever characters the body holds.
 */
export const CHUNK_CHARS = 150_000;
/** Graph takes at most 4 MB in one request, the body included: no sendable email needs more. */
export const MAX_CHUNKS = 40;

export class ContentTooLargeError extends AppError<'EMAIL_CONTENT_TOO_LARGE'> {
  constructor(bytes: number) {
    super(
      'ContentTooLargeError',
      'EMAIL_CONTENT_TOO_LARGE',
      `The email's content is ${bytes} bytes; Microsoft Graph takes at most 4 MB in one request.`,
    );
  }
}

export interface EmailContentStore {
  /** Answers how many chunks it wrote. */
  write: (emailId: string, content: EmailContent) => Promise<number>;
  /** The kvs entries `write` would set, for a caller that sets them in a transaction of its own. */
  entriesOf?: (emailId: string, content: EmailContent) => KvEntry[];
  read: (emailId: string, chunks: number) => Promise<EmailContent>;
  delete: (emailId: string, chunks: number) => Promise<void>;
}

const entriesOf = (emailId: string, content: EmailContent): KvEntry[] => {
  const json = Buffer.from(JSON.stringify(content), 'utf8');
  const encoded = json.toString('base64');
  const count = Math.max(1, Math.ceil(encoded.length / CHUNK_CHARS));
  if (count > MAX_CHUNKS) throw new ContentTooLargeError(json.length);
  return Array.from({ length: count }, (_, index) => ({
    key: emailContentKey(emailId, index),
    value: encoded.slice(index * CHUNK_CHARS, (index + 1) * CHUNK_CHARS),
  }));
};

export const createEmailContentStore = (store: KvStore): EmailContentStore => ({
  write: async (emailId, content) => {
    const entries = entriesOf(emailId, content);
    for (const { key, value } of entries) await store.set(key, value);
    return entries.length;
  },

  entriesOf,

  read: async (emailId, chunks) => {
    const parts = await Promise.all(
      Array.from({ length: chunks }, (_, index) => store.get(emailContentKey(emailId, index))),
    );
    if (parts.some((part) => part === undefined)) throw new ContentMissingError(emailId);
    if (!parts.every((part): part is string => typeof part === 'string')) {
      throw new OutboxRecordInvalidError('email content', 'a chunk is not text');
    }
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(parts.join(''), 'base64').toString('utf8'));
    } catch (error) {
      throw new OutboxRecordInvalidError(
        'email content',
        `not JSON (${error instanceof Error ? error.name : 'error'})`,
      );
    }
    const parsed = readContent(json);
    if (!parsed.ok) throw new OutboxRecordInvalidError('email content', parsed.problem);
    return parsed.value;
  },

  delete: async (emailId, chunks) => {
    for (let index = 0; index < chunks; index += 1) await store.delete(emailContentKey(emailId, index));
  },
});
