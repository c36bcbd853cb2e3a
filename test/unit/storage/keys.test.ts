import {
  ADMIN_WARNINGS_KEY,
  credentialIdFromKey,
  credentialKey,
  credentialNextSecretKey,
  credentialPrivateKeyKey,
  credentialSecretKey,
  InvalidStorageKeyError,
  isValidStorageKey,
  tokenCacheKey,
} from '../../../src/storage/keys';

const ID = '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c';

describe('storage keys', () => {
  it.each([
    ['credentialKey', credentialKey, `credential:${ID}`],
    ['credentialSecretKey', credentialSecretKey, `credential-secret:${ID}`],
    ['credentialNextSecretKey', credentialNextSecretKey, `credential-next-secret:${ID}`],
    ['credentialPrivateKeyKey', credentialPrivateKeyKey, `credential-private-key:${ID}`],
    ['tokenCacheKey', tokenCacheKey, `token-cache:${ID}`],
  ])('%s builds %s', (_name, build, expected) => {
    expect(build(ID)).toBe(expected);
    expect(isValidStorageKey(expected)).toBe(true);
  });

  it.each([['a/b'], ['a?b'], ['ü'], ['x'.repeat(257)], ['']])('refuses an id that makes an invalid key: %j', (id) => {
    expect(() => credentialKey(id)).toThrow(InvalidStorageKeyError);
  });

  it('keeps the warnings under a key no credential query lists', () => {
    expect(ADMIN_WARNINGS_KEY).toBe('admin-warnings');
    expect(isValidStorageKey(ADMIN_WARNINGS_KEY)).toBe(true);
    expect(ADMIN_WARNINGS_KEY.startsWith('credential:')).toBe(false);
  });

  it('accepts exactly 500 characters and no more', () => {
    expect(isValidStorageKey('k'.repeat(500))).toBe(true);
    expect(isValidStorageKey('k'.repeat(501))).toBe(false);
  });

  it('accepts every character Forge allows', () => {
    expect(isValidStorageKey('aZ09:._ -#\t')).toBe(true);
  });

  it('reads the id back from a credential key and nothing else', () => {
    expect(credentialIdFromKey(`credential:${ID}`)).toBe(ID);
    expect(credentialIdFromKey(`credential-secret:${ID}`)).toBeUndefined();
  });
});
