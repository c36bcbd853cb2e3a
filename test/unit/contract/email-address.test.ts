import { parseEmailAddress } from '../../../src/contract/email-address';

describe('parseEmailAddress', () => {
  it.each([
    ['jane@example.com', { address: 'jane@example.com', name: undefined }],
    ['Jane Doe <jane@example.com>', { address: 'jane@example.com', name: 'Jane Doe' }],
    ['"Doe, Jane" <jane.doe+it@sub.example.co.uk>', { address: 'jane.doe+it@sub.example.co.uk', name: 'Doe, Jane' }],
    ['josé@exämple.de', { address: 'josé@exämple.de', name: undefined }],
    ['ops@4chan.example', { address: 'ops@4chan.example', name: undefined }],
  ])('accepts %s', (input, value) => {
    expect(parseEmailAddress(input)).toEqual({ ok: true, value });
  });

  it.each([
    // The parser would hand these back unquoted (a@b@example.com, a b@example.com): Graph refuses them after "queued".
    [
      '"a@b"@example.com',
      '""a@b"@example.com" has a quoted part before the @, which Microsoft 365 does not deliver to. Use the address without quotes.',
    ],
    [
      '"a b"@example.com',
      '""a b"@example.com" has a quoted part before the @, which Microsoft 365 does not deliver to. Use the address without quotes.',
    ],
    [
      'Jane <"j d"@example.com>',
      '"Jane <"j d"@example.com>" has a quoted part before the @, which Microsoft 365 does not deliver to. Use the address without quotes.',
    ],
    // Address literals and dotted numbers name hosts, not mail domains.
    ['a@127.0.0.1', '"a@127.0.0.1" is not a valid email address.'],
    ['a@[127.0.0.1]', '"a@[127.0.0.1]" is not a valid email address.'],
    ['a@10.0.0.300', '"a@10.0.0.300" is not a valid email address.'],
    ['jane@localhost', '"jane@localhost" is not a valid email address.'],
  ])('refuses %s', (input, message) => {
    expect(parseEmailAddress(input)).toEqual({ ok: false, message });
  });
});
