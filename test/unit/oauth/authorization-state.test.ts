import { createHash } from 'node:crypto';

import {
  assertStartedBy,
  createAuthorizationStateStore,
  STATE_LIFETIME_MS,
} from '../../../src/oauth/authorization-state';
import { AuthorizationError } from '../../../src/oauth/errors';
import { codeChallengeS256 } from '../../../src/oauth/pkce';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2026-12-07T01:00:00Z');
const REDIRECT = 'https://4f1c.hello.atlassian-dev.net/x1/XUBR5WnG2Hk2V52APDdGaRSDm';
const begin = { credentialId: 'cred-1', accountId: 'admin-account-1', redirectUri: REDIRECT };

/** Each call gives 32 bytes of one value: first the state (1s), then the verifier (2s), then (3s), ... */
const countingRandom = () => {
  let call = 0;
  return (length: number): Uint8Array => {
    call += 1;
    return new Uint8Array(length).fill(call);
  };
};

const STATE_1 = Buffer.alloc(32, 1).toString('base64url');
const VERIFIER_1 = Buffer.alloc(32, 2).toString('base64url');
const KEY_1 = `authorization-state:${createHash('sha256').update(STATE_1).digest('hex')}`;

const world = () => {
  const store = new MemoryKvStore();
  return { store, states: createAuthorizationStateStore(store, countingRandom()) };
};

const refusal = async (promise: Promise<unknown>): Promise<AuthorizationError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthorizationError)) throw new Error(`expected an AuthorizationError, got ${String(error)}`);
  expect(error.message).not.toContain(STATE_1);
  expect(error.message).not.toContain(VERIFIER_1);
  return error;
};

describe('authorization state', () => {
  it('begins with a 256-bit state and the S256 challenge of a fresh verifier, kept in secret storage under its hash', async () => {
    const { store, states } = world();
    await expect(states.begin(begin, NOW)).resolves.toEqual({
      state: STATE_1,
      codeChallenge: codeChallengeS256(VERIFIER_1),
      expiresAt: NOW + 10 * 60 * 1000,
    });
    expect(store.operations).toEqual([{ operation: 'setSecret', key: KEY_1 }]);
    expect(store.secrets.get(KEY_1)).toEqual({
      credentialId: 'cred-1',
      accountId: 'admin-account-1',
      codeVerifier: VERIFIER_1,
      redirectUri: REDIRECT,
      createdAt: NOW,
      expiresAt: NOW + STATE_LIFETIME_MS,
    });
    expect(store.plainText()).toBe('[]');
    expect([...store.secrets.keys()].join(' ')).not.toContain(STATE_1);
  });

  it('takes the pending sign-in once, deleting it before returning it', async () => {
    const { store, states } = world();
    const { state } = await states.begin(begin, NOW);
    store.resetOperations();

    await expect(states.take(state, NOW + STATE_LIFETIME_MS - 1)).resolves.toEqual({
      credentialId: 'cred-1',
      accountId: 'admin-account-1',
      codeVerifier: VERIFIER_1,
      redirectUri: REDIRECT,
      createdAt: NOW,
      expiresAt: NOW + STATE_LIFETIME_MS,
    });
    expect(store.operations).toEqual([
      { operation: 'getSecret', key: KEY_1 },
      { operation: 'deleteSecret', key: KEY_1 },
    ]);
    expect(store.secrets.size).toBe(0);
  });

  it('refuses a replay of the same state as unknown', async () => {
    const { states } = world();
    const { state } = await states.begin(begin, NOW);
    await states.take(state, NOW + 1000);

    const error = await refusal(states.take(state, NOW + 2000));
    expect(error.code).toBe('OAUTH_STATE_UNKNOWN');
    expect(error.message).toBe(
      'The sign-in answer names no pending sign-in: it was never started here, or it was used already.',
    );
  });

  it('refuses a wrong state: well-formed but never issued, and malformed without reading storage', async () => {
    const { store, states } = world();
    await states.begin(begin, NOW);
    store.resetOperations();

    const wrong = Buffer.alloc(32, 9).toString('base64url');
    expect((await refusal(states.take(wrong, NOW))).code).toBe('OAUTH_STATE_UNKNOWN');
    expect(store.operations).toHaveLength(1);
    expect((await refusal(states.take(`${STATE_1}x`, NOW))).code).toBe('OAUTH_STATE_UNKNOWN');
    expect((await refusal(states.take('', NOW))).code).toBe('OAUTH_STATE_UNKNOWN');
    expect(store.operations).toHaveLength(1);
    expect(store.secrets.size).toBe(1);
  });

  it('refuses an expired sign-in and deletes it all the same', async () => {
    const { store, states } = world();
    const { state } = await states.begin(begin, NOW);

    const error = await refusal(states.take(state, NOW + STATE_LIFETIME_MS));
    expect(error.code).toBe('OAUTH_STATE_EXPIRED');
    expect(error.message).toBe('The sign-in was started at 2026-12-07T01:00:00.000Z and expired after 10 minutes.');
    expect(store.secrets.size).toBe(0);
    expect((await refusal(states.take(state, NOW))).code).toBe('OAUTH_STATE_UNKNOWN');
  });

  it('treats a stored record it cannot read as unknown, and removes it', async () => {
    const { store, states } = world();
    store.secrets.set(KEY_1, { credentialId: 'cred-1', codeVerifier: 'short' });

    expect((await refusal(states.take(STATE_1, NOW))).code).toBe('OAUTH_STATE_UNKNOWN');
    expect(store.secrets.size).toBe(0);
  });

  it('keeps two sign-ins apart', async () => {
    const { states } = world();
    const first = await states.begin(begin, NOW);
    const second = await states.begin({ ...begin, credentialId: 'cred-2', accountId: 'admin-account-2' }, NOW);

    expect(second.state).not.toBe(first.state);
    expect((await states.take(second.state, NOW)).accountId).toBe('admin-account-2');
    expect((await states.take(first.state, NOW)).accountId).toBe('admin-account-1');
  });
});

describe('assertStartedBy', () => {
  const pending = {
    credentialId: 'cred-1',
    accountId: 'admin-account-1',
    codeVerifier: VERIFIER_1,
    redirectUri: REDIRECT,
    createdAt: NOW,
    expiresAt: NOW + STATE_LIFETIME_MS,
  };

  it('lets the admin who started the sign-in through', () => {
    expect(() => assertStartedBy(pending, 'admin-account-1')).not.toThrow();
  });

  it('refuses another admin with OAUTH_STATE_OTHER_ADMIN', () => {
    expect(() => assertStartedBy(pending, 'admin-account-2')).toThrow(
      expect.objectContaining({
        code: 'OAUTH_STATE_OTHER_ADMIN',
        message: 'The sign-in for credential cred-1 was started by another admin.',
      }),
    );
  });
});
