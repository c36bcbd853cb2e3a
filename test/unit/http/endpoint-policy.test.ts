import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { MICROSOFT_CLOUDS, type MicrosoftCloud, tokenEndpointOf } from '../../../src/contract/microsoft-clouds';
import { describeUrl } from '../../../src/http/describe-url';
import { ALLOW_LOOPBACK_HTTP_ENV, ALLOWED_EGRESS_ORIGINS, uploadOriginsOf } from '../../../src/http/egress';
import { checkEndpoint, isEndpointAllowed } from '../../../src/http/endpoint-policy';
import { EndpointNotAllowedError } from '../../../src/http/errors';

const LOOPBACK_ON = { [ALLOW_LOOPBACK_HTTP_ENV]: '1' };
const LOOPBACK_OFF = {};
const GRAPH_ONLY =
  "only Microsoft Graph's hosts are allowed (https://graph.microsoft.com, https://graph.microsoft.us, https://dod-graph.microsoft.us, https://microsoftgraph.chinacloudapi.cn).";

describe('endpoint policy', () => {
  it("allows exactly the origins manifest.yml's egress permissions name", () => {
    const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as {
      permissions: { external: { fetch: { backend: Array<{ address: string }> } } };
    };
    const addresses = manifest.permissions.external.fetch.backend.map((entry) => entry.address);
    expect([...ALLOWED_EGRESS_ORIGINS].sort()).toEqual([...addresses].sort());
  });

  it("allows the sign-in, Graph and Outlook upload hosts of every Microsoft cloud and Google's token and Gmail hosts, and nothing else", () => {
    expect(ALLOWED_EGRESS_ORIGINS).toEqual([
      'https://login.microsoftonline.com',
      'https://login.microsoftonline.us',
      'https://login.chinacloudapi.cn',
      'https://graph.microsoft.com',
      'https://graph.microsoft.us',
      'https://dod-graph.microsoft.us',
      'https://microsoftgraph.chinacloudapi.cn',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://outlook.office365.us',
      'https://outlook-dod.office365.us',
      'https://partner.outlook.cn',
      'https://oauth2.googleapis.com',
      'https://gmail.googleapis.com',
      'https://www.googleapis.com',
    ]);
  });

  it.each([
    ['https://graph.microsoft.com', ['https://outlook.office.com', 'https://outlook.office365.com']],
    ['https://graph.microsoft.us', ['https://outlook.office365.us']],
    ['https://dod-graph.microsoft.us', ['https://outlook-dod.office365.us']],
    ['https://microsoftgraph.chinacloudapi.cn', ['https://partner.outlook.cn']],
    ['http://127.0.0.1:4012', []],
  ])('takes uploads for the Graph at %s only on %j', (graphOrigin, origins) => {
    expect(uploadOriginsOf(graphOrigin)).toEqual(origins);
  });

  it.each([
    ["https://outlook.office.com/api/v2.0/Users('x')/AttachmentSessions('y')?authtoken=abc", LOOPBACK_OFF, undefined],
    [
      'https://partner.outlook.cn/api/v2.0/x',
      LOOPBACK_OFF,
      "only Outlook's upload hosts are allowed (https://outlook.office.com, https://outlook.office365.com).",
    ],
    ['http://127.0.0.1:4012/attachment-uploads/secret-token', LOOPBACK_ON, undefined],
    ['http://127.0.0.1:4012/attachment-uploads/secret-token', LOOPBACK_OFF, 'it must use https:.'],
  ])('checks the upload URL %s (env %j) against the global cloud', (url, env, reason) => {
    const check = () => checkEndpoint('upload URL', url, env, uploadOriginsOf('https://graph.microsoft.com'));
    if (reason === undefined) {
      expect(check().href).toBe(new URL(url).href);
      return;
    }
    // Only the origin is named: the rest of an upload URL may be its credential.
    expect(check).toThrow(`The upload URL ${JSON.stringify(new URL(url).origin)} is not allowed: ${reason}`);
  });

  it.each(Object.entries(MICROSOFT_CLOUDS))('allows the %s token endpoint and Graph address', (key, cloud) => {
    expect(
      isEndpointAllowed(
        'token endpoint',
        tokenEndpointOf(key as MicrosoftCloud, 'contoso.onmicrosoft.com'),
        LOOPBACK_OFF,
      ),
    ).toBe(true);
    expect(isEndpointAllowed('Graph base URL', cloud.graphBaseUrl, LOOPBACK_OFF)).toBe(true);
  });

  it('sends tokens requests only to sign-in hosts and Graph calls only to Graph hosts', () => {
    expect(() =>
      checkEndpoint('token endpoint', 'https://graph.microsoft.com/t/oauth2/v2.0/token', LOOPBACK_OFF),
    ).toThrow(
      "only Microsoft's sign-in hosts are allowed (https://login.microsoftonline.com, https://login.microsoftonline.us, https://login.chinacloudapi.cn).",
    );
    expect(isEndpointAllowed('Graph base URL', 'https://login.microsoftonline.us/v1.0', LOOPBACK_OFF)).toBe(false);
  });

  it('names the environment variable the local host sets', () => {
    expect(ALLOW_LOOPBACK_HTTP_ENV).toBe('ISSUE_MAILER_ALLOW_LOOPBACK_HTTP');
  });

  it.each([
    ['token endpoint', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token', LOOPBACK_OFF],
    ['Graph base URL', 'https://graph.microsoft.com/v1.0', LOOPBACK_OFF],
    ['Graph base URL', 'https://graph.microsoft.com:443/beta', LOOPBACK_OFF],
    ['token endpoint', 'http://127.0.0.1:4010/tenant/oauth2/v2.0/token', LOOPBACK_ON],
    ['token endpoint', 'http://localhost:4010/tenant/oauth2/v2.0/token', LOOPBACK_ON],
    ['Graph base URL', 'http://[::1]:4010/v1.0', LOOPBACK_ON],
    ['Graph base URL', 'https://127.0.0.1:4010/v1.0', LOOPBACK_ON],
  ] as const)('allows the %s %s', (purpose, url, env) => {
    expect(checkEndpoint(purpose, url, env).href).toBe(new URL(url).href);
  });

  it.each([
    ['http://graph.microsoft.com/v1.0', LOOPBACK_OFF, 'it must use https:.'],
    ['http://graph.microsoft.com/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['https://graph.microsoft.com.evil.example/v1.0', LOOPBACK_OFF, GRAPH_ONLY],
    ['https://graph.microsoft.com:8443/v1.0', LOOPBACK_OFF, GRAPH_ONLY],
    ['https://example.com/v1.0', LOOPBACK_ON, GRAPH_ONLY],
    ['http://127.0.0.1:4010/v1.0', LOOPBACK_OFF, 'it must use https:.'],
    ['http://127.0.0.1:4010/v1.0', { [ALLOW_LOOPBACK_HTTP_ENV]: 'true' }, 'it must use https:.'],
    ['http://10.0.0.5/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['http://127.0.0.2/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['https://user:pw@graph.microsoft.com/v1.0', LOOPBACK_OFF, 'it must not carry a user name or password.'],
    ['ftp://graph.microsoft.com/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['graph.microsoft.com/v1.0', LOOPBACK_OFF, 'it is not an absolute URL.'],
    ['https://login.microsoftonline.com/v1.0', LOOPBACK_OFF, GRAPH_ONLY],
  ])('refuses %s (env %j)', (url, env, reason) => {
    const shown = url.includes('@')
      ? '"https://graph.microsoft.com/v1.0"'
      : url.includes('://')
        ? JSON.stringify(url)
        : '(not a URL)';
    let error: unknown;
    try {
      checkEndpoint('Graph base URL', url, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EndpointNotAllowedError);
    expect(error).toMatchObject({
      code: 'ENDPOINT_NOT_ALLOWED',
      purpose: 'Graph base URL',
      message: `The Graph base URL ${shown} is not allowed: ${reason}`,
    });
    expect(isEndpointAllowed('Graph base URL', url, env)).toBe(false);
  });

  it('reads process.env when no environment is passed', () => {
    const before = process.env[ALLOW_LOOPBACK_HTTP_ENV];
    try {
      delete process.env[ALLOW_LOOPBACK_HTTP_ENV];
      expect(isEndpointAllowed('token endpoint', 'http://127.0.0.1:1/t')).toBe(false);
      process.env[ALLOW_LOOPBACK_HTTP_ENV] = '1';
      expect(isEndpointAllowed('token endpoint', 'http://127.0.0.1:1/t')).toBe(true);
    } finally {
      if (before === undefined) delete process.env[ALLOW_LOOPBACK_HTTP_ENV];
      else process.env[ALLOW_LOOPBACK_HTTP_ENV] = before;
    }
  });
});

describe('describeUrl', () => {
  it.each([
    [
      'https://login.microsoftonline.com/t/oauth2/v2.0/token?client_secret=x',
      'login.microsoftonline.com/t/oauth2/v2.0/token',
    ],
    ['https://user:pw@graph.microsoft.com/v1.0', 'graph.microsoft.com/v1.0'],
    ['not a url', '(invalid URL)'],
  ])('%s -> %s', (url, expected) => {
    expect(describeUrl(url)).toBe(expected);
  });
});
