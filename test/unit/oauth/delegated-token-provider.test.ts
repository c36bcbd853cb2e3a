import {
  createDelegatedTokenProvider,
  type DelegatedCredential,
  SingleFlight,
} from '../../../src/oauth/delegated-token-provider';
import { AuthorizationError } from '../../../src/oauth/errors';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { fakeFetch, jsonResponse } from '../support/fake-fetch';
import { MemoryKvStore } from '../support/memory-kv-store';

const SECRET = 'SECRET-MARKER-abc';
const T0 = Date.parse('2026-12-07T01:00:00Z');
const HOUR = 60 * 60 * 1000;
const credential: DelegatedCredential = {
  id: 'cred-1',
  clientId: '11111111-2222-3333-4444-555555555555',
  tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  secretUpdatedAt: '2026-12-01T00:00:00.000Z',
  authorizedAt: '2026-12-07T00:00:00.000Z',
};

/** One Forge storage shared by "processes"; Microsoft rotates the refresh token on each refresh unless told not to. */
const world = (options: { rotate?: boolean; answer?: () => Response } = {}) => {
  const store = new MemoryKvStore();
  const refreshTokens = createRefreshTokenStore(store);
  let now = T0;
  let issued = 0;
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const { fetch, calls } = fakeFetch(async () => {
    issued += 1;
    if (gate !== undefined) await gate;
    if (options.answer !== undefined) return options.answer();
    return jsonResponse(200, {
      token_type: 'Bearer',
      expires_in: 3599,
      access_token: `ACCESS-${issued}`,
      ...(options.rotate === false ? {} : { refresh_token: `REFRESH-MARKER-${issued + 1}` }),
    });
  });
  const flights = new SingleFlight();
  const process = (which: DelegatedCredential = credential, memo = new TokenMemo()) =>
    createDelegatedTokenProvider(which, {
      now: () => now,
      fetch,
      cache: createTokenCache(store),
      refreshTokens,
      clientProof: async () => ({ clientSecret: SECRET }),
      memo,
      flights,
    });
  return {
    store,
    refreshTokens,
    calls,
    process,
    advance: (ms: number) => {
      now += ms;
    },
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release?.(),
  };
};

const form = (body: string | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(body));

describe('createDelegatedTokenProvider', () => {
  it('refreshes with the stored refresh token, stores the successor before handing out the token, then caches it', async () => {
    const w = world();
    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-1', T0 - HOUR);
    w.store.resetOperations();

    await expect(w.process().getAccessToken()).resolves.toBe('ACCESS-1');
    expect(form(w.calls[0]?.body)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'REFRESH-MARKER-1' });
    expect(w.store.operations).toEqual([
      { operation: 'getSecret', key: 'token-cache:cred-1' },
      { operation: 'getSecret', key: 'refresh-token:cred-1' },
      { operation: 'getSecret', key: 'refresh-token:cred-1' },
      { operation: 'get', key: 'refresh-token-use:cred-1' },
      { operation: 'setSecret', key: 'refresh-token:cred-1' },
      { operation: 'set', key: 'refresh-token-use:cred-1' },
      { operation: 'setSecret', key: 'token-cache:cred-1' },
    ]);
    await expect(w.refreshTokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-2');
    await expect(w.refreshTokens.readUse('cred-1')).resolves.toEqual({ authorizedAt: T0 - HOUR, lastUsedAt: T0 });
    expect(w.store.plainText()).not.toMatch(/REFRESH-MARKER|ACCESS-|SECRET-MARKER/);
  });

  it('serves the cached token to the next process and refreshes again with the successor once it nears expiry', async () => {
    const w = world();
    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    await w.process().getAccessToken();

    w.advance(30 * 60 * 1000);
    await expect(w.process().getAccessToken()).resolves.toBe('ACCESS-1');
    expect(w.calls).toHaveLength(1);

    w.advance(30 * 60 * 1000);
    await expect(w.process().getAccessToken()).resolves.toBe('ACCESS-2');
    expect(form(w.calls[1]?.body)).toMatchObject({ refresh_token: 'REFRESH-MARKER-2' });
    await expect(w.refreshTokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-3');
  });

  it('keeps the stored refresh token when Microsoft sends no successor', async () => {
    const w = world({ rotate: false });
    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-1', T0);

    await expect(w.process().getAccessToken({ forceRefresh: true })).resolves.toBe('ACCESS-1');
    await expect(w.refreshTokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-1');
  });

  it('refreshes once for callers that ask at the same time', async () => {
    const w = world();
    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    w.hold();
    const memo = new TokenMemo();
    const one = w.process(credential, memo).getAccessToken();
    const two = w.process(credential, memo).getAccessToken({ forceRefresh: true });
    await new Promise((resolve) => setImmediate(resolve));
    w.release();

    await expect(Promise.all([one, two])).resolves.toEqual(['ACCESS-1', 'ACCESS-1']);
    expect(w.calls).toHaveLength(1);
  });

  it("never serves a token cached for an earlier sign-in's mailbox", async () => {
    const w = world();
    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    const memo = new TokenMemo();
    await w.process(credential, memo).getAccessToken();

    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-other-mailbox', T0 + 1000);
    const again = { ...credential, authorizedAt: '2026-12-07T01:00:01.000Z' };
    await expect(w.process(again, memo).getAccessToken()).resolves.toBe('ACCESS-2');
    expect(form(w.calls[1]?.body)).toMatchObject({ refresh_token: 'REFRESH-MARKER-other-mailbox' });
  });

  it('says no mailbox is authorized when there is no refresh token, without calling Microsoft', async () => {
    const w = world();
    const error = await w
      .process()
      .getAccessToken()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AuthorizationError);
    expect(error).toMatchObject({
      code: 'OAUTH_NOT_AUTHORIZED',
      message: 'Credential cred-1 has no refresh token: no mailbox is authorized.',
    });
    expect(w.calls).toHaveLength(0);
  });

  it('passes a revoked grant on as OAUTH_GRANT_REVOKED and stores nothing', async () => {
    const w = world({
      answer: () =>
        jsonResponse(400, {
          error: 'invalid_grant',
          error_description: 'AADSTS50173: REFRESH-MARKER-1',
          error_codes: [50173],
        }),
    });
    await w.refreshTokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    w.store.resetOperations();

    const error = await w
      .process()
      .getAccessToken()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: 'OAUTH_GRANT_REVOKED', aadstsCode: 50173 });
    expect((error as Error).message).not.toMatch(/REFRESH-MARKER|SECRET-MARKER/);
    expect(w.store.count('setSecret')).toBe(0);
    expect(w.store.count('set')).toBe(0);
  });
});
