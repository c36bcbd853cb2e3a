import { createTokenCache, TOKEN_EXPIRY_MARGIN_MS } from '../../../../src/oauth/token-cache';
import { TokenMemo } from '../../../../src/oauth/token-memo';
import {
  createGoogleTokenProvider,
  type GoogleTokenCredential,
} from '../../../../src/providers/google/google-token-provider';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../../src/providers/google/scopes';
import { MemoryKvStore } from '../../support/memory-kv-store';

const START = Date.parse('2026-12-07T01:00:00Z');
const credential: GoogleTokenCredential = {
  id: 'google-1',
  clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
  privateKeyId: '0123456789abcdef0123456789abcdef01234567',
  keyUpdatedAt: '2026-12-01T00:00:00.000Z',
  subject: 'support@example.com',
  scopes: [GMAIL_SEND_SCOPE],
};

/** One Forge storage shared by "processes", each with its own memo; a token endpoint that counts its calls. */
const world = () => {
  const store = new MemoryKvStore();
  let now = START;
  let issued = 0;
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const process = (which: GoogleTokenCredential = credential) =>
    createGoogleTokenProvider(which, {
      now: () => now,
      cache: createTokenCache(store),
      memo: new TokenMemo(),
      requestToken: async () => {
        issued += 1;
        const token = `token-${issued}`;
        if (gate !== undefined) await gate;
        return { accessToken: token, expiresAt: now + 3599 * 1000 };
      },
    });
  return {
    store,
    process,
    issued: () => issued,
    advance: (ms: number) => {
      now += ms;
    },
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
};

describe('createGoogleTokenProvider', () => {
  it('reuses a stored token in later processes until five minutes before it expires', async () => {
    const w = world();
    await expect(w.process().getAccessToken()).resolves.toBe('token-1');
    w.advance(3599 * 1000 - TOKEN_EXPIRY_MARGIN_MS - 1);
    await expect(w.process().getAccessToken()).resolves.toBe('token-1');
    w.advance(1);
    await expect(w.process().getAccessToken()).resolves.toBe('token-2');
    expect(w.issued()).toBe(2);
    expect(w.store.plainText()).not.toContain('token-');
  });

  it.each<[string, Partial<GoogleTokenCredential>]>([
    ['another mailbox', { subject: 'helpdesk@example.com' }],
    ['another key id', { privateKeyId: 'fedcba9876543210fedcba9876543210fedcba98' }],
    ['the same key uploaded again', { keyUpdatedAt: '2026-12-06T00:00:00.000Z' }],
    ['another scope set', { scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] }],
    ['another service account', { clientEmail: 'other@issue-mailer-test.iam.gserviceaccount.com' }],
  ])('does not reuse a token after a change of %s', async (_name, change) => {
    const w = world();
    await w.process().getAccessToken();
    await expect(w.process({ ...credential, ...change }).getAccessToken()).resolves.toBe('token-2');
  });

  it('reuses the token whatever the order of the scopes', async () => {
    const w = world();
    await w.process({ ...credential, scopes: [GMAIL_SEND_SCOPE, GMAIL_MODIFY_SCOPE] }).getAccessToken();
    await expect(
      w.process({ ...credential, scopes: [GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE] }).getAccessToken(),
    ).resolves.toBe('token-1');
  });

  it('makes one token request for concurrent callers in a process, and a new one when forced', async () => {
    const w = world();
    const provider = w.process();
    const release = w.hold();
    const both = Promise.all([provider.getAccessToken(), provider.getAccessToken()]);
    release();
    await expect(both).resolves.toEqual(['token-1', 'token-1']);
    expect(w.issued()).toBe(1);
    await expect(provider.getAccessToken({ forceRefresh: true })).resolves.toBe('token-2');
  });
});
