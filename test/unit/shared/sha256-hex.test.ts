import { createHash } from 'node:crypto';

import { sha256Hex } from '../../../src/shared/sha256-hex';

// Storage keys were made with node:crypto before sha256-hex.ts existed: the digest must not change.
describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %j to the published SHA-256 test vector', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it.each([
    'sender@contoso.example',
    'Ünïcödé ✉️ 送信者@例え.jp',
    '["client","https://login.microsoftonline.com/t/oauth2/v2.0/token","https://graph.microsoft.com/.default",""]',
    'x'.repeat(1000),
  ])('matches node:crypto for %j', (text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
