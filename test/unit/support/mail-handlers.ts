import type { MailHandlerInput, MailHandlerView } from '../../../src/contract/mail-handlers';
import type { HandlerMailbox, MailboxAnswer } from '../../../src/mail-handlers/handler-mailbox';
import type { HandlerCredential } from '../../../src/mail-handlers/mail-handler-rules';
import { createMailHandlerService, type MailHandlerService } from '../../../src/mail-handlers/mail-handler-service';
import { createMailHandlerStore } from '../../../src/mail-handlers/mail-handler-store';
import type { KvStore } from '../../../src/storage/kv-store';
import { sequentialIds } from './credentials';

export const HANDLER_PROJECTS = [
  { key: 'DEMO', name: 'Demo' },
  { key: 'HELP', name: 'Help desk' },
];
export const HANDLER_ISSUE_TYPES: Record<string, Array<{ id: string; name: string }>> = {
  DEMO: [
    { id: '10001', name: 'Task' },
    { id: '10002', name: 'Bug' },
  ],
  HELP: [{ id: '10010', name: 'Request' }],
};
export const REPORTER = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ann Agent' };

/** A handler that creates issues in DEMO from the first credential's sender mailbox. */
export const handlerInput = (overrides: Partial<MailHandlerInput> = {}): MailHandlerInput => ({
  name: 'Support inbox',
  enabled: true,
  credentialId: 'cred-1',
  mode: 'issues-and-comments',
  projectKey: 'DEMO',
  issueTypeId: '10001',
  senders: 'anyone',
  defaultReporter: REPORTER,
  afterProcessing: 'move',
  ...overrides,
});

/** Microsoft Graph as a test wants it: every answer set by the test, every call recorded. */
export class FakeHandlerMailbox implements HandlerMailbox {
  readonly calls: Array<{ method: keyof HandlerMailbox; args: unknown[] }> = [];
  folder: MailboxAnswer<{ displayName: string; unreadCount: number; totalCount: number }> = {
    ok: true,
    data: { displayName: 'Inbox', unreadCount: 3, totalCount: 40 },
  };
  ensured: MailboxAnswer<{ created: boolean }> = { ok: true, data: { created: true } };
  subscription: MailboxAnswer<
    { status: 'active'; expiresAt: string } | { status: 'none' } | { status: 'expired'; expiredAt: string }
  > = { ok: true, data: { status: 'none' } };

  folderCounts: HandlerMailbox['folderCounts'] = async (...args) => {
    this.calls.push({ method: 'folderCounts', args });
    return this.folder;
  };
  ensureFolder: HandlerMailbox['ensureFolder'] = async (...args) => {
    this.calls.push({ method: 'ensureFolder', args });
    return this.ensured;
  };
  subscriptionState: HandlerMailbox['subscriptionState'] = async (...args) => {
    this.calls.push({ method: 'subscriptionState', args });
    return this.subscription;
  };
}

export interface HandlerWorldOptions {
  kv: KvStore;
  credentials: () => Promise<HandlerCredential[]>;
  mailbox?: HandlerMailbox;
  now?: () => number;
  saved?: (handler: MailHandlerView) => Promise<void>;
}

/** The service over the given storage and credentials, with the fake Jira lists above. */
export const handlerService = (options: HandlerWorldOptions): MailHandlerService =>
  createMailHandlerService({
    store: createMailHandlerStore(options.kv),
    credentials: options.credentials,
    appProjects: async () => HANDLER_PROJECTS,
    issueTypes: async (projectKey) => HANDLER_ISSUE_TYPES[projectKey] ?? [],
    mailbox: options.mailbox ?? new FakeHandlerMailbox(),
    now: options.now ?? (() => Date.parse('2024-05-06T06:00:00Z')),
    newId: sequentialIds('handler'),
    ...(options.saved === undefined ? {} : { saved: options.saved }),
  });
