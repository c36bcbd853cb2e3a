import { createConversationIndex } from '../../../src/incoming/conversation-index';
import { sha256Hex } from '../../../src/shared/sha256-hex';
import { incomingConversationKey } from '../../../src/storage/keys';
import { MemoryKvStore } from '../support/memory-kv-store';

const CONVERSATION = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ/Nd+8ApkZBkn9cGmMc5x0=';

describe('the conversation index', () => {
  it('remembers the issue of a conversation under the digest of its id, and finds it again', async () => {
    const kv = new MemoryKvStore();
    const index = createConversationIndex(kv);
    expect(await index.find(CONVERSATION)).toBeUndefined();
    await index.remember(CONVERSATION, 'DEMO-12');
    await index.remember(CONVERSATION, 'DEMO-13');
    expect(await index.find(CONVERSATION)).toBe('DEMO-13');
    expect([...kv.plain.keys()]).toEqual([`incoming-conversation:${sha256Hex(CONVERSATION)}`]);
  });

  it.each([
    ['a value that is no issue key', { issueKey: 'not a key' }],
    ['a value of another shape', 'DEMO-1'],
    ['nothing', undefined],
  ])('reads %s as no issue', async (_name, value) => {
    const kv = new MemoryKvStore();
    kv.plain.set(incomingConversationKey(sha256Hex(CONVERSATION)), value);
    expect(await createConversationIndex(kv).find(CONVERSATION)).toBeUndefined();
  });

  it('neither reads nor writes an empty conversation id', async () => {
    const kv = new MemoryKvStore();
    const index = createConversationIndex(kv);
    await index.remember('', 'DEMO-1');
    expect(await index.find('')).toBeUndefined();
    expect(kv.count()).toBe(0);
  });

  it('refuses a key that is not a digest', () => {
    expect(() => incomingConversationKey('conv-1')).toThrow(/an incoming conversation/);
  });
});
