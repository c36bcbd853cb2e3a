import { TokenError } from '../../../src/oauth/errors';
import { createTokenCache, TOKEN_EXPIRY_MARGIN_MS } from '../../../src/oauth/token-cache';
import { requestClientCredentialsToken } from '../../../src/oauth/token-client';
import { tokenFingerprint } from '../../../src/oauth/token-fingerprint';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { createTokenProvider, type TokenCredential } from '../../../src/oauth/token-provider';
import { StorageError } from '../../../src/storage/errors';
import { fakeFetch, jsonResponse } from '../support/fake-fetch';
import { MemoryKvStore } from '../support/memory-kv-store';

const SECRET = 'SECRET-MARKER-abc';
const START = Date.parse('2024-05-06T06:00:00Z');
const credential: TokenCredential = {
  id: 'cred-1',
  clientId: '11111111-2222-3333-4444-555555555555',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  scope: 'https://graph.microsoft.com/.default',
  secretUpdatedAt: '2024-05-01T00:00:00.000Z',
};

/** One Forge storage shared by many "processes"; each process gets its own memo, as a cold start would. */
const world = () => {
  const store = new MemoryKvStore();
  let now = START;
  let issued = 0;
  const { fetch, calls } = fakeFetch(() => {
    issued += 1;
    return jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: `token-${issued}` });
  });
  let secretReads = 0;
  const process = (which: TokenCredential = credential, memo = new TokenMemo()) =>
    createTokenProvider(which, {
      now: () => now,
      cache: createTokenCache(store),
      requestToken: async () => {
        secretReads += 1;
        return requestClientCredentialsToken({ ...which, clientSecret: SECRET }, { fetch, now: () => now });
      },
      memo,
    });
  return {
    store,
    calls,
    process,
    advance: (ms: number) => {
      now += ms;
    },
    secretReads: () => secretReads,
  };
};

describe('createTokenProvider', () => {
  it('asks the token endpoint once on a cold cache and stores the token in secret storage', async () => {
    const w = world();
    await expect(w.process().getAccessToken()).resolves.toBe('token-1');

    expect(w.calls).toHaveLength(1);
    expect(w.store.operations).toEqual([
      { operation: 'getSecret', key: 'token-cache:cred-1' },
      { operation: 'setSecret', key: 'token-cache:cred-1' },
    ]);
    expect(w.store.secrets.get('token-cache:cred-1')).toEqual({
      accessToken: 'token-1',
      expiresAt: START + 3599 * 1000,
      fingerprint: tokenFingerprint(credential),
    });
    expect(w.store.plainText()).not.toContain('token-1');
  });

  it('serves 100 sends in 100 fresh processes with one token request and one storage read each', async () => {
    const w = world();
    for (let i = 0; i < 100; i += 1) {
      await expect(w.process().getAccessToken()).resolves.toBe('token-1');
      w.advance(10_000);
    }
    expect(w.calls).toHaveLength(1);
    expect(w.secretReads()).toBe(1);
    expect(w.store.count('getSecret')).toBe(100);
    expect(w.store.count('setSecret')).toBe(1);
  });

  it('answers from the process memo without touching storage when the process is warm', async () => {
    const w = world();
    const provider = w.process();
    await provider.getAccessToken();
    w.store.resetOperations();

    await expect(provider.getAccessToken()).resolves.toBe('token-1');
    expect(w.store.count()).toBe(0);
    expect(w.calls).toHaveLength(1);
  });

  it('uses a cached token until five minutes before it expires, then gets a new one', async () => {
    const w = world();
    await w.process().getAccessToken();

    w.advance(3599 * 1000 - TOKEN_EXPIRY_MARGIN_MS - 1);
    await expect(w.process().getAccessToken()).resolves.toBe('token-1');

    w.advance(1);
    await expect(w.process().getAccessToken()).resolves.toBe('token-2');
    expect(w.calls).toHaveLength(2);
  });

  it.each([
    ['client ID', { clientId: '99999999-2222-3333-4444-555555555555' }],
    [
      'token endpoint',
      { tokenEndpoint: 'https://login.microsoftonline.com/fabrikam.onmicrosoft.com/oauth2/v2.0/token' },
    ],
    ['scope', { scope: 'https://graph.microsoft.com/.default offline_access' }],
    ['secret', { secretUpdatedAt: '2024-05-06T05:59:00.000Z' }],
    ['client authentication method', { clientAuthMethod: 'certificate' as const }],
  ])('ignores the cached token once the %s changed', async (_what, change) => {
    const w = world();
    await w.process().getAccessToken();

    await expect(w.process({ ...credential, ...change }).getAccessToken()).resolves.toBe('token-2');
    expect(w.calls).toHaveLength(2);
  });

  it('fingerprints without the secret and differently per setting', () => {
    const fingerprint = tokenFingerprint(credential);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenFingerprint({ ...credential })).toBe(fingerprint);
    expect(tokenFingerprint({ ...credential, secretUpdatedAt: undefined })).not.toBe(fingerprint);
  });

  it('fingerprints a client secret credential as before certificates existed, and a certificate by when it was set', () => {
    expect(tokenFingerprint({ ...credential, clientAuthMethod: 'client_secret', certificateUpdatedAt: 'x' })).toBe(
      tokenFingerprint(credential),
    );
    const certificate = {
      ...credential,
      clientAuthMethod: 'certificate' as const,
      certificateUpdatedAt: '2024-05-01T00:00:00.000Z',
    };
    expect(tokenFingerprint(certificate)).not.toBe(
      tokenFingerprint({ ...certificate, certificateUpdatedAt: '2024-05-02T00:00:00.000Z' }),
    );
  });

  it('gets a new token on forceRefresh even with a good cached one, and caches it', async () => {
    const w = world();
    const provider = w.process();
    await provider.getAccessToken();

    await expect(provider.getAccessToken({ forceRefresh: true })).resolves.toBe('token-2');
    await expect(w.process().getAccessToken()).resolves.toBe('token-2');
    expect(w.calls).toHaveLength(2);
  });

  it('treats an unreadable cache entry as a miss', async () => {
    const w = world();
    w.store.secrets.set('token-cache:cred-1', { accessToken: 'old', expiresAt: 'tomorrow' });
    await expect(w.process().getAccessToken()).resolves.toBe('token-1');
  });

  it('still sends when the storage read fails, and logs only the error name and code', async () => {
    const w = world();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      w.store.failNext('getSecret', new StorageError('getSecret', 'token-cache:cred-1', new Error('boom')));
      await expect(w.process().getAccessToken()).resolves.toBe('token-1');
      expect(warn.mock.calls).toEqual([['[issue-mailer] token cache read failed: StorageError STORAGE_FAILED']]);
    } finally {
      warn.mockRestore();
    }
  });

  it('still returns the token when the storage write fails', async () => {
    const w = world();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      w.store.failNext('setSecret', new StorageError('setSecret', 'token-cache:cred-1', new Error('boom')));
      await expect(w.process().getAccessToken()).resolves.toBe('token-1');
      expect(warn.mock.calls).toEqual([['[issue-mailer] token cache write failed: StorageError STORAGE_FAILED']]);
    } finally {
      warn.mockRestore();
    }
  });

  it('passes token errors through and caches nothing', async () => {
    const store = new MemoryKvStore();
    const { fetch } = fakeFetch(() =>
      jsonResponse(401, {
        error: 'invalid_client',
        error_codes: [7000215],
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      }),
    );
    const provider = createTokenProvider(credential, {
      now: () => START,
      cache: createTokenCache(store),
      requestToken: () =>
        requestClientCredentialsToken({ ...credential, clientSecret: SECRET }, { fetch, now: () => START }),
      memo: new TokenMemo(),
    });

    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ code: 'TOKEN_INVALID_CLIENT_SECRET' });
    expect(store.secrets.size).toBe(0);
  });
});

describe('createTokenCache', () => {
  it('clears an entry', async () => {
    const store = new MemoryKvStore();
    const cache = createTokenCache(store);
    const fingerprint = tokenFingerprint(credential);
    await cache.put('cred-1', fingerprint, { accessToken: 't', expiresAt: START + 3_600_000 });
    await expect(cache.get('cred-1', fingerprint, START)).resolves.toEqual({
      accessToken: 't',
      expiresAt: START + 3_600_000,
    });

    await cache.clear('cred-1');
    await expect(cache.get('cred-1', fingerprint, START)).resolves.toBeUndefined();
  });
});
