import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkEndpoint, isEndpointAllowed } from '../../../src/http/endpoint-policy';
import { ALLOW_LOOPBACK_HTTP_ENV, ALLOWED_EGRESS_ORIGINS } from '../../../src/http/egress';
import { EndpointNotAllowedError } from '../../../src/http/errors';
import { describeUrl } from '../../../src/http/describe-url';

const LOOPBACK_ON = { [ALLOW_LOOPBACK_HTTP_ENV]: '1' };
const LOOPBACK_OFF = {};

describe('endpoint policy', () => {
  it("allows exactly the origins manifest.yml's egress permissions name", () => {
    const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as {
      permissions: { external: { fetch: { backend: Array<{ address: string }> } } };
    };
    const addresses = manifest.permissions.external.fetch.backend.map((entry) => entry.address);
    expect([...ALLOWED_EGRESS_ORIGINS].sort()).toEqual([...addresses].sort());
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
    ['https://graph.microsoft.com.evil.example/v1.0', LOOPBACK_OFF, 'only https://login.microsoftonline.com and https://graph.microsoft.com are allowed.'],
    ['https://graph.microsoft.com:8443/v1.0', LOOPBACK_OFF, 'only https://login.microsoftonline.com and https://graph.microsoft.com are allowed.'],
    ['https://example.com/v1.0', LOOPBACK_ON, 'only https://login.microsoftonline.com and https://graph.microsoft.com are allowed.'],
    ['http://127.0.0.1:4010/v1.0', LOOPBACK_OFF, 'it must use https:.'],
    ['http://127.0.0.1:4010/v1.0', { [ALLOW_LOOPBACK_HTTP_ENV]: 'true' }, 'it must use https:.'],
    ['http://10.0.0.5/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['http://127.0.0.2/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['https://user:pw@graph.microsoft.com/v1.0', LOOPBACK_OFF, 'it must not carry a user name or password.'],
    ['ftp://graph.microsoft.com/v1.0', LOOPBACK_ON, 'it must use https:.'],
    ['graph.microsoft.com/v1.0', LOOPBACK_OFF, 'it is not an absolute URL.'],
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
    ['https://login.microsoftonline.com/t/oauth2/v2.0/token?client_secret=x', 'login.microsoftonline.com/t/oauth2/v2.0/token'],
    ['https://user:pw@graph.microsoft.com/v1.0', 'graph.microsoft.com/v1.0'],
    ['not a url', '(invalid URL)'],
  ])('%s -> %s', (url, expected) => {
    expect(describeUrl(url)).toBe(expected);
  });
});
