import type { EmailHistoryEntry } from '../contract/issue-email';
import { validateHistoryRecord, validateThreadRef } from '../generated/history-record';
import { AppError } from '../shared/app-error';
import { nodeCrypto } from '../shared/node-crypto';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { emailHistoryKey, emailHistoryPrefix, threadKey } from '../storage/keys';
import type { KvEntry, KvStore } from '../storage/kv-store';
import type { StoredHistoryRecord, StoredThreadRef } from './history-record-schema';

/** What the history keeps of one email: what the dialog shows, and the identifiers replies will be matched by. */
export type HistoryRecord = EmailHistoryEntry & {
  internetMessageId?: string;
  messageId?: string;
  conversationId?: string;
};

/** The issue and email a sent message (by its internetMessageId) belongs to. */
export interface ThreadRef {
  issueId: string;
  issueKey: string;
  emailId: string;
}

/** Older emails of an issue are dropped beyond this many. */
export const MAX_HISTORY_PER_ISSUE = 200;
/**
 * Listing an issue's history is a kvs query, so an ordinary write does not list it: the cap is enforced by one
 * email in this many (chosen by its id, so a redelivered write decides the same), which keeps an issue at about
 * MAX_HISTORY_PER_ISSUE plus this many entries (the dialog shows at most DEFAULT_HISTORY_LIMIT of them). Saves a
 * kvs operation on nearly every email (issue 14's kvs budget).
 */
export const PRUNE_ONE_IN = 16;
export const DEFAULT_HISTORY_LIMIT = 100;

const readHistoryRecord = standaloneValidator<StoredHistoryRecord>(validateHistoryRecord as StandaloneValidate);
const readThreadRef = standaloneValidator<StoredThreadRef>(validateThreadRef as StandaloneValidate);

export class HistoryRecordInvalidError extends AppError<'HISTORY_RECORD_INVALID'> {
  constructor(problem: string) {
    super('HistoryRecordInvalidError', 'HISTORY_RECORD_INVALID', `The email history entry does not fit: ${problem}`);
  }
}

/** An entry ready to be written (with its thread index), and what to do once it is: drop what it replaces or the cap. */
export interface StagedHistory {
  entries: KvEntry[];
  tidy: () => Promise<void>;
}

export interface HistoryStore {
  record: (issueId: string, entry: HistoryRecord) => Promise<void>;
  /** The entry's writes, checked, for a caller that writes them in its own transaction; then it calls `tidy`. */
  stage: (issueId: string, entry: HistoryRecord) => StagedHistory;
  /** Newest first, at most `limit`, exactly as the contract's EmailHistoryEntry (no internal ids). */
  list: (issueId: string, limit?: number) => Promise<EmailHistoryEntry[]>;
  findThread: (internetMessageId: string) => Promise<ThreadRef | undefined>;
}

/** `2025-03-08T10:00:00.000Z` as the sortable `20250308T100000000Z` history keys carry. */
export const sortableInstant = (iso: string): string => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new HistoryRecordInvalidError('at: not a date and time');
  return new Date(time).toISOString().replace(/[-:.]/g, '');
};

/** Message-IDs are compared as RFC 5322 writes them, in angle brackets, whatever way a header quoted them. */
const normalMessageId = (internetMessageId: string): string => {
  const bare = internetMessageId.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
};

export const threadDigest = (internetMessageId: string): string =>
  nodeCrypto().createHash('sha256').update(normalMessageId(internetMessageId), 'utf8').digest('hex');

const toEntry = (record: StoredHistoryRecord): EmailHistoryEntry => ({
  id: record.id,
  issueKey: record.issueKey,
  at: record.at,
  sender: { accountId: record.sender.accountId, name: record.sender.name },
  from: record.from,
  to: [...record.to],
  cc: [...record.cc],
  bccCount: record.bccCount,
  subject: record.subject,
  status: record.status,
  ...(record.error === undefined ? {} : { error: record.error }),
  attachmentCount: record.attachmentCount,
  ...(record.resentBy === undefined
    ? {}
    : { resentBy: { accountId: record.resentBy.accountId, name: record.resentBy.name } }),
});

/**
 * Each issue's sent and failed emails under `email-history:{issueId}:{at}:{emailId}`, so a prefix query answers
 * them in time order, plus a thread index from each message's internetMessageId to its issue for matching replies.
 * One entry an email: a resent email's new outcome replaces its earlier one, at its new time.
 */
/** Whether this email's write enforces the cap: about one in `oneIn`, the same for every write of the email. */
const prunesOnWrite = (emailId: string, oneIn: number): boolean =>
  oneIn <= 1 || nodeCrypto().createHash('sha256').update(emailId, 'utf8').digest().readUInt32BE(0) % oneIn === 0;

export const createHistoryStore = (
  store: KvStore,
  maxPerIssue = MAX_HISTORY_PER_ISSUE,
  pruneOneIn = PRUNE_ONE_IN,
): HistoryStore => {
  const readAll = async (issueId: string) => {
    const entries = await store.listByPrefix(emailHistoryPrefix(issueId));
    return entries
      .flatMap(({ key, value }) => {
        const parsed = readHistoryRecord(value);
        if (parsed.ok) return [{ key, record: parsed.value }];
        // One entry this release cannot read must not hide the rest of the history.
        console.warn(`[issue-mailer] ignoring unreadable record ${key}: ${parsed.problem}`);
        return [];
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };

  const stage = (issueId: string, entry: HistoryRecord): StagedHistory => {
    const parsed = readHistoryRecord(entry);
    if (!parsed.ok) throw new HistoryRecordInvalidError(parsed.problem);
    const record = parsed.value;
    const key = emailHistoryKey(issueId, sortableInstant(record.at), record.id);
    const entries: KvEntry[] = [{ key, value: record }];
    if (record.internetMessageId !== undefined) {
      const thread: ThreadRef = { issueId, issueKey: record.issueKey, emailId: record.id };
      entries.push({ key: threadKey(threadDigest(record.internetMessageId)), value: thread });
    }
    const tidy = async () => {
      // Only a resent email can have an earlier entry under another key (its earlier outcome, at its earlier time):
      // a redelivered write of the same outcome has the same time, so the same key.
      if (record.resentBy === undefined && !prunesOnWrite(record.id, pruneOneIn)) return;
      const all = await readAll(issueId);
      for (const earlier of all.filter((item) => item.record.id === record.id && item.key !== key))
        await store.delete(earlier.key);
      const kept = all.filter((item) => item.record.id !== record.id || item.key === key);
      for (const old of kept.slice(0, Math.max(0, kept.length - maxPerIssue))) {
        await store.delete(old.key);
        if (old.record.internetMessageId !== undefined)
          await store.delete(threadKey(threadDigest(old.record.internetMessageId)));
      }
    };
    return { entries, tidy };
  };

  return {
    record: async (issueId, entry) => {
      const staged = stage(issueId, entry);
      // The entry and its thread index in one transaction: one kvs write, not two (issue 14's kvs budget).
      const [only, ...more] = staged.entries;
      if (only !== undefined && more.length === 0) await store.set(only.key, only.value);
      else await store.setAll(staged.entries);
      await staged.tidy();
    },
    stage,
    list: async (issueId, limit = DEFAULT_HISTORY_LIMIT) => {
      const all = await readAll(issueId);
      return all
        .reverse()
        .slice(0, Math.max(0, limit))
        .map(({ record }) => toEntry(record));
    },
    findThread: async (internetMessageId) => {
      if (internetMessageId.trim() === '') return undefined;
      const value = await store.get(threadKey(threadDigest(internetMessageId)));
      if (value === undefined || value === null) return undefined;
      const parsed = readThreadRef(value);
      return parsed.ok
        ? { issueId: parsed.value.issueId, issueKey: parsed.value.issueKey, emailId: parsed.value.emailId }
        : undefined;
    },
  };
};
