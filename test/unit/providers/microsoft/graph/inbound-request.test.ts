import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import {
  followableLink,
  odataQuery,
  odataString,
  preferHeaders,
} from '../../../../../src/providers/microsoft/graph/inbound-request';

describe('OData literals and queries', () => {
  it.each([
    ['plain', 'Inbox', "'Inbox'"],
    ['a quote', "Bob's", "'Bob''s'"],
    ['only quotes', "''", "''''''"],
    ['empty', '', "''"],
  ])('quotes %s', (_name, value, literal) => {
    expect(odataString(value)).toBe(literal);
  });

  it.each([
    ['nothing', {}, ''],
    ['a select', { $select: 'id,name' }, '?$select=id,name'],
    [
      'a type cast',
      { $select: 'id,microsoft.graph.fileAttachment/contentId' },
      '?$select=id,microsoft.graph.fileAttachment/contentId',
    ],
    [
      'a date',
      { $filter: 'receivedDateTime ge 2030-01-01T00:00:00Z' },
      '?$filter=receivedDateTime%20ge%202030-01-01T00:00:00Z',
    ],
    [
      'a folder name with a slash and a hash',
      { $filter: "displayName eq 'a/b#c'" },
      "?$filter=displayName%20eq%20'a/b%23c'",
    ],
    ['a filter with spaces and quotes', { $filter: "displayName eq 'a&b'" }, "?$filter=displayName%20eq%20'a%26b'"],
    ['an option left out', { $select: 'id', $top: undefined }, '?$select=id'],
  ])('writes %s', (_name, options, query) => {
    expect(odataQuery(options)).toBe(query);
  });

  it.each([
    [[], 'IdType="ImmutableId"'],
    [['odata.maxpagesize=5'], 'IdType="ImmutableId", odata.maxpagesize=5'],
  ])('prefers immutable ids first, then %j', (more, prefer) => {
    expect(preferHeaders(...more)).toEqual({ Prefer: prefer });
  });
});

describe('links Graph hands out', () => {
  const deps = (graphBaseUrl: string) => ({ graphBaseUrl, env: {} });

  it.each([
    ['under the base', 'https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/v1.0/me/x?$skiptoken=a'],
    ['under a base with a trailing slash', 'https://graph.microsoft.com/v1.0/', 'https://graph.microsoft.com/v1.0/x'],
    [
      'of a national cloud',
      'https://graph.microsoft.us/v1.0',
      "https://graph.microsoft.us/v1.0/users/a/mailFolders('i')/messages/delta?$deltatoken=b",
    ],
  ])('follows one %s verbatim', (_name, base, link) => {
    expect(followableLink(link, deps(base))).toBe(link);
  });

  it.each([
    ['on another host', 'https://graph.microsoft.com.evil.example/v1.0/x'],
    ['on another port', 'https://graph.microsoft.com:8443/v1.0/x'],
    ['beside the base path', 'https://graph.microsoft.com/v1.0evil/x'],
    ['above the base path', 'https://graph.microsoft.com/beta/x'],
    ['that is relative', '/v1.0/x'],
  ])('refuses one %s', (_name, link) => {
    expect(() => followableLink(link, deps('https://graph.microsoft.com/v1.0'))).toThrow(GraphError);
  });
});
