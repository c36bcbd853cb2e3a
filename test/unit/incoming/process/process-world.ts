import type { ThreadRef } from '../../../../src/history/history-store';
import { createConversationIndex } from '../../../../src/incoming/conversation-index';
import type {
  IncomingJiraPort,
  NewIncomingIssue,
  ProcessDeps,
  ProcessHandler,
  ProcessMailbox,
} from '../../../../src/incoming/process/ports';
import { createIncomingRecordStore } from '../../../../src/incoming/records/incoming-records';
import { JiraFieldsRefusedError } from '../../../../src/jira/errors';
import { INCOMING_MARK_KEY } from '../../../../src/jira/incoming-marks';
import type { AdfDocument, EntityProperty } from '../../../../src/jira/incoming-writes';
import {
  ATTACHMENT_TOO_LARGE_CODE,
  IncomingMailboxError,
  ITEM_GONE_CODE,
} from '../../../../src/mail-model/incoming-errors';
import type {
  DownloadLimits,
  IncomingAttachment,
  IncomingMessage,
  IncomingReceipt,
} from '../../../../src/mail-model/incoming-message';
import { asIncomingFailure } from '../../../../src/providers/microsoft/incoming/incoming-failure';
import { INCOMING_MESSAGE_INDEXES, MemoryEntityStore } from '../../support/memory-entity-store';
import { MemoryKvStore } from '../../support/memory-kv-store';

export const NOW = Date.parse('2026-12-06T10:00:00Z');
export const LEASE_MS = 120_000;
export const DEFAULT_REPORTER = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ann Agent' };

export interface StoredAttachment {
  info: IncomingAttachment;
  bytes: Uint8Array;
}

export const bytesOf = (text: string, repeat = 1): Uint8Array => new TextEncoder().encode(text.repeat(repeat));

export const attachment = (
  id: string,
  name: string,
  bytes: Uint8Array,
  overrides: Partial<IncomingAttachment> = {},
): StoredAttachment => ({
  info: {
    id,
    kind: 'file',
    name,
    contentType: 'application/pdf',
    size: bytes.length,
    isInline: false,
    contentId: undefined,
    ...overrides,
  },
  bytes,
});

export const inboundMessage = (overrides: Partial<IncomingMessage> = {}): IncomingMessage => ({
  id: 'AAMk-1',
  internetMessageId: '<new-1@customer.example>',
  conversationId: 'conv-1',
  subject: 'Printer on floor 3 is jammed',
  from: { name: 'Casey Customer', address: 'casey@customer.example' },
  sender: undefined,
  toRecipients: [{ name: undefined, address: 'support@contoso.com' }],
  ccRecipients: [],
  replyTo: [],
  receivedDateTime: '2026-12-06T09:59:00Z',
  internetMessageHeaders: [],
  body: { contentType: 'text', content: 'The printer jams on every page.' },
  uniqueBody: undefined,
  hasAttachments: false,
  isRead: false,
  ...overrides,
});

const receipt = (requestId?: string): IncomingReceipt => ({ requestId });

type Method =
  'readMessage' | 'listAttachments' | 'openAttachment' | 'markRead' | 'moveMessage' | 'ensureProcessedFolder';

export class FakeMailbox implements ProcessMailbox {
  readonly messages = new Map<string, { message: IncomingMessage; attachments: StoredAttachment[] }>();
  readonly calls: Array<{ method: Method; args: unknown[] }> = [];
  readonly failures = new Map<Method, Error>();

  constructor(readonly mailbox: string) {}

  put(message: IncomingMessage, attachments: StoredAttachment[] = []): this {
    this.messages.set(message.id, { message, attachments });
    return this;
  }

  called(method: Method): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  private step(method: Method, args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      // As the Microsoft provider hands them on: a test sets Graph's own errors.
      throw asIncomingFailure(failure);
    }
  }

  private stored(id: string) {
    const found = this.messages.get(id);
    if (found === undefined)
      throw new IncomingMailboxError(ITEM_GONE_CODE, 'gone', 'GET message answered 404.', { item: 'message' });
    return found;
  }

  readMessage: ProcessMailbox['readMessage'] = async (id) => {
    this.step('readMessage', [id]);
    return { message: this.stored(id).message, receipt: receipt(`req-${id}`) };
  };

  listAttachments: ProcessMailbox['listAttachments'] = async (id) => {
    this.step('listAttachments', [id]);
    return {
      attachments: this.stored(id).attachments.map((one) => one.info),
    };
  };

  openAttachment: ProcessMailbox['openAttachment'] = async (id, attachmentId, limits: DownloadLimits) => {
    this.step('openAttachment', [id, attachmentId]);
    const found = this.stored(id).attachments.find((one) => one.info.id === attachmentId);
    if (found === undefined) throw new IncomingMailboxError(ITEM_GONE_CODE, 'gone', 'gone', { item: 'attachment' });
    if (found.bytes.length > limits.maxBytes)
      throw new IncomingMailboxError(ATTACHMENT_TOO_LARGE_CODE, 'too-large', 'too large');
    const half = Math.ceil(found.bytes.length / 2);
    const pieces = [found.bytes.slice(0, half), found.bytes.slice(half)];
    return {
      contentType: found.info.contentType,
      size: found.bytes.length,
      pieces: (async function* () {
        yield* pieces;
      })(),
    };
  };

  markRead: ProcessMailbox['markRead'] = async (id) => {
    this.step('markRead', [id]);
    return receipt();
  };

  moveMessage: ProcessMailbox['moveMessage'] = async (id, folderId) => {
    this.step('moveMessage', [id, folderId]);
    return { id };
  };

  ensureProcessedFolder: ProcessMailbox['ensureProcessedFolder'] = async (name) => {
    this.step('ensureProcessedFolder', [name]);
    return { id: 'folder-processed' };
  };
}

export interface FakeIssue {
  key: string;
  projectKey: string;
  summary: string;
  description: AdfDocument;
  reporterAccountId: string | undefined;
  property: EntityProperty | undefined;
  comments: Array<{ id: string; body: AdfDocument; property: EntityProperty }>;
  attachments: Array<{ id: string; name: string; contentType: string; bytes: Uint8Array }>;
}

const readAll = async (pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array> => {
  const parts: number[] = [];
  for await (const piece of pieces) parts.push(...piece);
  return Uint8Array.from(parts);
};

type JiraMethod = 'createIssue' | 'addComment' | 'uploadAttachment';

/** Jira as the app sees it: issues with their comments, attachments and marks; writes counted. */
export class FakeJira implements IncomingJiraPort {
  readonly issues = new Map<string, FakeIssue>();
  readonly users = new Map<string, string>();
  refuseReporter = false;
  writes = 0;
  createRequests: NewIncomingIssue[] = [];
  /** Fails the next call of the method before it writes. */
  readonly failBefore = new Map<JiraMethod, Error>();
  /** Fails the next call of the method after it wrote (the answer is lost). */
  readonly failAfter = new Map<JiraMethod, Error>();
  private next = 100;

  issue(key: string): FakeIssue {
    const found = this.issues.get(key);
    if (found === undefined) throw new Error(`no issue ${key}`);
    return found;
  }

  seed(key: string): this {
    this.issues.set(key, {
      key,
      projectKey: key.split('-')[0]!,
      summary: 'seeded',
      description: { type: 'doc', version: 1, content: [] },
      reporterAccountId: undefined,
      property: undefined,
      comments: [],
      attachments: [],
    });
    return this;
  }

  private guard(method: JiraMethod, when: Map<JiraMethod, Error>): void {
    const error = when.get(method);
    if (error === undefined) return;
    when.delete(method);
    throw error;
  }

  createIssue: IncomingJiraPort['createIssue'] = async (issue) => {
    this.createRequests.push(issue);
    this.guard('createIssue', this.failBefore);
    if (this.refuseReporter && issue.reporterAccountId !== undefined)
      throw new JiraFieldsRefusedError('POST /rest/api/3/issue', ['reporter']);
    const number = [...this.issues.values()].filter((one) => one.projectKey === issue.projectKey).length + 1;
    const key = `${issue.projectKey}-${number}`;
    this.issues.set(key, {
      key,
      projectKey: issue.projectKey,
      summary: issue.summary,
      description: issue.description,
      reporterAccountId: issue.reporterAccountId,
      property: issue.property,
      comments: [],
      attachments: [],
    });
    this.writes += 1;
    this.guard('createIssue', this.failAfter);
    return { id: String(this.next++), key };
  };

  addComment: IncomingJiraPort['addComment'] = async (issueKey, body, property) => {
    this.guard('addComment', this.failBefore);
    const id = String(this.next++);
    this.issue(issueKey).comments.push({ id, body, property });
    this.writes += 1;
    this.guard('addComment', this.failAfter);
    return { id };
  };

  findUserByEmail: IncomingJiraPort['findUserByEmail'] = async (address) => this.users.get(address.toLowerCase());

  uploadAttachment: IncomingJiraPort['uploadAttachment'] = async (issueKey, name, contentType, bytes) => {
    this.guard('uploadAttachment', this.failBefore);
    const id = String(this.next++);
    this.issue(issueKey).attachments.push({ id, name, contentType, bytes: await readAll(bytes) });
    return { id, mediaId: `media-${id}` };
  };

  canComment: IncomingJiraPort['canComment'] = async (issueKey) => this.issues.has(issueKey);

  findMarkedComment: IncomingJiraPort['findMarkedComment'] = async (issueKey, messageKey) => {
    const comment = this.issues
      .get(issueKey)
      ?.comments.find(
        (one) => one.property.key === INCOMING_MARK_KEY && one.property.value['messageKey'] === messageKey,
      );
    return comment === undefined ? undefined : { commentId: comment.id };
  };

  findMarkedIssue: IncomingJiraPort['findMarkedIssue'] = async (projectKey, messageKey) => {
    const issue = [...this.issues.values()].find(
      (one) => one.projectKey === projectKey && one.property?.value['messageKey'] === messageKey,
    );
    return issue === undefined ? undefined : { issueKey: issue.key };
  };

  updateDescription: NonNullable<IncomingJiraPort['updateDescription']> = async (issueKey, description) => {
    this.issue(issueKey).description = description;
  };
}

export const handler = (overrides: Partial<ProcessHandler> = {}): ProcessHandler => ({
  id: 'h-support',
  mode: 'issues-and-comments',
  projectKey: 'DEMO',
  issueTypeId: '10001',
  senders: 'anyone',
  allowedDomains: [],
  defaultReporter: DEFAULT_REPORTER,
  afterProcessing: 'move',
  folder: 'Inbox',
  processedFolder: 'Processed by Issue Mailer',
  subjectKeyPattern: '\\[?\\b([A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9})\\b\\]?',
  senderHourlyLimit: 20,
  ...overrides,
});

/** One site: the incoming log, Jira, the history's threads, the conversation index, a clock; mailboxes per handler. */
export const processWorld = () => {
  const entities = new MemoryEntityStore(INCOMING_MESSAGE_INDEXES);
  const records = createIncomingRecordStore(entities);
  const jira = new FakeJira();
  const threads = new Map<string, ThreadRef>();
  const kv = new MemoryKvStore();
  const conversations = createConversationIndex(kv);
  const warnings: string[] = [];
  const clock = { now: NOW };
  const depsFor = (
    mailbox: FakeMailbox,
    handlerOverrides: Partial<ProcessHandler> = {},
    more: Partial<ProcessDeps> = {},
  ): ProcessDeps => ({
    handler: handler(handlerOverrides),
    mailbox,
    records,
    now: () => clock.now,
    leaseMs: LEASE_MS,
    ownMailboxes: async () => ['jira@contoso.com', 'support@contoso.com'],
    projectKeys: async () => ['DEMO', 'HELP'],
    findThread: async (id) => threads.get(id),
    conversations,
    jira,
    log: { warn: (message) => warnings.push(message) },
    ...more,
  });
  return { entities, records, jira, threads, kv, conversations, warnings, clock, depsFor };
};
