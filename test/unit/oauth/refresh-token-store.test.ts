import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { StorageError } from '../../../src/storage/errors';
import { MemoryKvStore } from '../support/memory-kv-store';

const T0 = Date.parse('2026-12-07T01:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const world = () => {
  const store = new MemoryKvStore();
  return { store, tokens: createRefreshTokenStore(store) };
};

describe('refresh token store', () => {
  it('saves a sign-in: the token in secret storage, only times in plain storage', async () => {
    const { store, tokens } = world();
    await tokens.save('cred-1', 'REFRESH-MARKER-1', T0);

    expect(store.operations).toEqual([
      { operation: 'setSecret', key: 'refresh-token:cred-1' },
      { operation: 'set', key: 'refresh-token-use:cred-1' },
    ]);
    expect(store.secrets.get('refresh-token:cred-1')).toEqual({ refreshToken: 'REFRESH-MARKER-1', storedAt: T0 });
    expect(store.plain.get('refresh-token-use:cred-1')).toEqual({ authorizedAt: T0, lastUsedAt: T0 });
    expect(store.plainText()).not.toContain('REFRESH-MARKER');
    await expect(tokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-1');
    await expect(tokens.readUse('cred-1')).resolves.toEqual({ authorizedAt: T0, lastUsedAt: T0 });
  });

  it('stores the successor when the credential still holds the token that was redeemed', async () => {
    const { store, tokens } = world();
    await tokens.save('cred-1', 'REFRESH-MARKER-1', T0);

    await expect(tokens.rotate('cred-1', 'REFRESH-MARKER-1', 'REFRESH-MARKER-2', T0 + DAY)).resolves.toBe('rotated');
    expect(store.secrets.get('refresh-token:cred-1')).toEqual({ refreshToken: 'REFRESH-MARKER-2', storedAt: T0 + DAY });
    await expect(tokens.readUse('cred-1')).resolves.toEqual({ authorizedAt: T0, lastUsedAt: T0 + DAY });
  });

  it('keeps the old token and marks it used when Microsoft sent no successor', async () => {
    const { store, tokens } = world();
    await tokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    store.resetOperations();

    await expect(tokens.rotate('cred-1', 'REFRESH-MARKER-1', undefined, T0 + DAY)).resolves.toBe('kept');
    expect(store.count('setSecret')).toBe(0);
    await expect(tokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-1');
    await expect(tokens.readUse('cred-1')).resolves.toEqual({ authorizedAt: T0, lastUsedAt: T0 + DAY });
  });

  it('leaves a newer token alone: another process rotated first, or a new sign-in replaced the grant', async () => {
    const { store, tokens } = world();
    await tokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    await tokens.rotate('cred-1', 'REFRESH-MARKER-1', 'REFRESH-MARKER-2', T0 + 1000);
    store.resetOperations();

    await expect(tokens.rotate('cred-1', 'REFRESH-MARKER-1', 'REFRESH-MARKER-3', T0 + 2000)).resolves.toBe(
      'superseded',
    );
    expect(store.operations).toEqual([{ operation: 'getSecret', key: 'refresh-token:cred-1' }]);
    await expect(tokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-2');
  });

  it('counts a rotation of a removed grant as superseded and stores nothing', async () => {
    const { store, tokens } = world();
    await expect(tokens.rotate('cred-1', 'REFRESH-MARKER-1', 'REFRESH-MARKER-2', T0)).resolves.toBe('superseded');
    expect(store.secrets.size).toBe(0);
  });

  it('still rotates when the use record cannot be written', async () => {
    const { store, tokens } = world();
    await tokens.save('cred-1', 'REFRESH-MARKER-1', T0);
    store.failNext('set', new StorageError('set', 'refresh-token-use:cred-1', new Error('429')));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(tokens.rotate('cred-1', 'REFRESH-MARKER-1', 'REFRESH-MARKER-2', T0 + DAY)).resolves.toBe('rotated');
    await expect(tokens.read('cred-1')).resolves.toBe('REFRESH-MARKER-2');
    expect(warn.mock.calls).toEqual([
      ['[issue-mailer] refresh token use record write failed: StorageError STORAGE_FAILED'],
    ]);
    warn.mockRestore();
  });

  it('reads nothing from records it cannot understand, and removes both entries', async () => {
    const { store, tokens } = world();
    store.secrets.set('refresh-token:cred-1', { refreshToken: '', storedAt: T0 });
    store.plain.set('refresh-token-use:cred-1', { lastUsedAt: 'yesterday' });
    await expect(tokens.read('cred-1')).resolves.toBeUndefined();
    await expect(tokens.readUse('cred-1')).resolves.toBeUndefined();

    await tokens.remove('cred-1');
    expect(store.secrets.size).toBe(0);
    expect(store.plain.size).toBe(0);
  });
});
