import { sha256Hex } from '../shared/sha256-hex';
import { incomingConversationKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/**
 * The issue each conversation's (the mail service's thread's) last processed message went to: the third way of
 * finding a message's issue (after its References and its subject), for a reply whose client dropped both. Plain kvs, one entry per
 * conversation, keyed by the SHA-256 of the conversationId; written after each message is processed.
 */
export interface ConversationIndex {
  find: (conversationId: string) => Promise<string | undefined>;
  remember: (conversationId: string, issueKey: string) => Promise<void>;
}

interface StoredConversation {
  issueKey: string;
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/;

const read = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const issueKey = (value as Partial<StoredConversation>).issueKey;
  return typeof issueKey === 'string' && ISSUE_KEY.test(issueKey) ? issueKey : undefined;
};

const keyOf = (conversationId: string): string => incomingConversationKey(sha256Hex(conversationId));

export const createConversationIndex = (store: Pick<KvStore, 'get' | 'set'>): ConversationIndex => ({
  find: async (conversationId) => (conversationId === '' ? undefined : read(await store.get(keyOf(conversationId)))),
  remember: async (conversationId, issueKey) => {
    if (conversationId === '') return;
    const value: StoredConversation = { issueKey };
    await store.set(keyOf(conversationId), value);
  },
});
