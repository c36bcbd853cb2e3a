import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadWorkspaceConfig } from '../../../../local/google';
import {
  DEFAULT_TENANT_CONFIG,
  DEFAULT_WORKSPACE_CONFIG,
  DEMO_CREDENTIAL_NAME,
  type LocalHost,
  startLocalHost,
} from '../../../../local/host';
import { BRIDGE_SCRIPT_TAG, RESOURCE_CSP, resourceCsp } from '../../../../local/host/server/resource-files';
import { PAGE_CSP } from '../../../../local/jira/web';
import type { CredentialView, ResolverResult } from '../../../../src/contract';

jest.setTimeout(60_000);

let dataDir: string;
let host: LocalHost;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-'));
  host = await startLocalHost({ port: 0, dataDir, log: (line) => logLines.push(line) });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const demoSecret = () => host.microsoft.config.tenants[0]?.apps[0]?.secrets[0]?.value ?? 'missing';

const postJson = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url, ...headers },
    body: JSON.stringify(body),
    redirect: 'manual',
  });

describe('the local host', () => {
  it('seeds the demo credential through the admin resolver without printing the secret', async () => {
    expect(host.seed).toBe('seeded');
    expect(logLines).toEqual([
      `Seeded the demo credential "${DEMO_CREDENTIAL_NAME}" (client ID 3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60, sender support@contoso.onmicrosoft.com).`,
    ]);
    const response = await postJson('/__forge/invoke', {
      moduleKey: 'issue-mailer-admin',
      functionKey: 'listCredentials',
      payload: {},
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(demoSecret());
    const result = JSON.parse(text) as ResolverResult<CredentialView[]>;
    expect(
      result.ok && result.data.map((credential) => [credential.name, credential.hasSecret, credential.tokenEndpoint]),
    ).toEqual([
      [
        DEMO_CREDENTIAL_NAME,
        true,
        `${host.microsoft.loginBaseUrl}/6b1f3c2a-8d4e-4f7a-9c51-2e7d0a3b5c84/oauth2/v2.0/token`,
      ],
    ]);
  });

  it.each(['/', '/admin', '/browse/DEMO-1'])('serves %s as a Jira page under the strict page CSP', async (pathname) => {
    const response = await fetch(`${host.url}${pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<script src="/__host/page.js" defer></script>');
  });

  it.each(['/admin', '/admin/email-log', '/admin/email-templates/'])(
    'serves %s as the admin page, whose app routes (view.createHistory) live below /admin',
    async (pathname) => {
      const response = await fetch(`${host.url}${pathname}`);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('data-module-key="issue-mailer-admin"');
      expect(page).toContain('data-history-base="/admin"');
    },
  );

  it("serves a resource with the bridge first in <head> and the Custom UI CSP the manifest's content permissions allow", async () => {
    const response = await fetch(
      `${host.url}/forge/resources/issue-action/index.html?moduleKey=email-this-issue&issueKey=DEMO-1`,
    );
    expect(response.status).toBe(200);
    // manifest.yml asks for `permissions.content.styles: [unsafe-inline]` (the email preview), and nothing else.
    expect(response.headers.get('content-security-policy')).toBe(resourceCsp({ inlineStyles: true }));
    expect(RESOURCE_CSP).toContain("style-src 'self';");
    expect(resourceCsp({ inlineStyles: true })).toContain("style-src 'self' 'unsafe-inline';");
    expect(resourceCsp({ inlineStyles: true })).toContain("script-src 'self';");
    const html = await response.text();
    expect(html.indexOf(BRIDGE_SCRIPT_TAG)).toBeGreaterThan(html.indexOf('<head>'));
    expect(html.indexOf(BRIDGE_SCRIPT_TAG)).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it('redirects a resource root to its folder, keeping the query', async () => {
    const response = await fetch(`${host.url}/forge/resources/admin?moduleKey=issue-mailer-admin`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/forge/resources/admin/?moduleKey=issue-mailer-admin');
  });

  it.each([
    ['/__forge/invoke', { origin: 'https://evil.example' }, 403, 'CROSS_ORIGIN'],
    ['/__forge/nope', {}, 405, 'METHOD_NOT_ALLOWED'],
  ])('answers POST %s %j with %d', async (pathname, headers, status, code) => {
    const response = await postJson(
      pathname,
      { moduleKey: 'issue-mailer-admin', functionKey: 'listCredentials' },
      headers,
    );
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
  });

  it('answers GET on a bridge endpoint with 405', async () => {
    const response = await fetch(`${host.url}/__forge/invoke`);
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ code: 'METHOD_NOT_ALLOWED', message: '/__forge/invoke takes POST.' });
  });

  it('refuses requests for another host name', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${host.url}/`, { headers: { host: 'rebound.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('switches the signed-in user with ?as= and keeps Jira settings to admins', async () => {
    const member = host.jira.users().find((user) => !user.isAdmin);
    if (!member) throw new Error('The seeded site has no non-admin user.');
    const switched = await fetch(`${host.url}/admin?as=${member.accountId}`, { redirect: 'manual' });
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/admin');
    const cookie = (switched.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toBe(`forge-local-account=${encodeURIComponent(member.accountId)}`);

    const admin = await fetch(`${host.url}/admin`, { headers: { cookie } });
    expect(admin.status).toBe(403);
    expect(await admin.text()).toContain(
      `${member.displayName} is not a Jira administrator and cannot open Jira settings.`,
    );

    const unknown = await fetch(`${host.url}/?as=nobody`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
  });

  it('starts the Google emulator beside the Microsoft one, with its Admin console page', async () => {
    expect(host.google.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.google.tokenUrl).toBe(`${host.google.url}/token`);
    expect(host.google.config.domain).toBe('example-google.test');
    const admin = await fetch(`${host.google.url}/admin`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<td data-testid="delegation-client-id">104729384756102938475</td>');
  });

  it('keeps the credential across restarts on the same emulator ports, and closes the Google emulator', async () => {
    const ports = {
      loginPort: Number(new URL(host.microsoft.loginBaseUrl).port),
      graphPort: Number(new URL(host.microsoft.graphBaseUrl).port),
    };
    const googleUrl = host.google.url;
    await host.close();
    await expect(fetch(`${googleUrl}/admin`)).rejects.toThrow('fetch failed');
    logLines.length = 0;
    host = await startLocalHost({
      port: 0,
      dataDir,
      microsoft: ports,
      google: { port: Number(new URL(googleUrl).port) },
      log: (line) => logLines.push(line),
    });
    expect(host.seed).toBe('present');
    expect(logLines).toEqual([]);
    expect(host.google.url).toBe(googleUrl);
  });

  it('points the demo credential at the emulator of a run on other ports, keeping its secret', async () => {
    await host.close();
    logLines.length = 0;
    host = await startLocalHost({ port: 0, dataDir, log: (line) => logLines.push(line) });
    expect(host.seed).toBe('repointed');
    expect(logLines).toEqual([
      `Pointed the demo credential "${DEMO_CREDENTIAL_NAME}" at this run's Microsoft emulator.`,
    ]);
    const listed = (await (
      await postJson('/__forge/invoke', {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'listCredentials',
        payload: {},
      })
    ).json()) as ResolverResult<CredentialView[]>;
    expect(listed.ok && listed.data.map((c) => [c.name, c.hasSecret, c.tokenEndpoint, c.graphBaseUrl])).toEqual([
      [
        DEMO_CREDENTIAL_NAME,
        true,
        `${host.microsoft.loginBaseUrl}/6b1f3c2a-8d4e-4f7a-9c51-2e7d0a3b5c84/oauth2/v2.0/token`,
        `${host.microsoft.graphBaseUrl}/v1.0`,
      ],
    ]);
    const id = listed.ok ? listed.data[0]?.id : undefined;
    const tested = (await (
      await postJson('/__forge/invoke', {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'testConnection',
        payload: { id },
      })
    ).json()) as ResolverResult<{ ok: boolean }>;
    expect(tested.ok && tested.data.ok).toBe(true);
  });

  it('serves the tenant of another config file', async () => {
    const custom = JSON.parse(await readFile(DEFAULT_TENANT_CONFIG, 'utf8')) as { tenants: { displayName: string }[] };
    custom.tenants[0]!.displayName = 'Fabrikam';
    const otherDir = path.join(dataDir, 'other-tenant');
    await mkdir(otherDir);
    const configPath = path.join(otherDir, 'tenant.json');
    await writeFile(configPath, JSON.stringify(custom));
    const workspace = loadWorkspaceConfig(DEFAULT_WORKSPACE_CONFIG);
    workspace.users[0]!.name = 'Fabrikam support';
    const workspacePath = path.join(otherDir, 'workspace.json');
    await writeFile(workspacePath, JSON.stringify(workspace));
    await host.close(); // one Forge runtime per process
    host = await startLocalHost({
      port: 0,
      dataDir: otherDir,
      microsoft: { tenantConfigPath: configPath },
      google: { workspaceConfigPath: workspacePath },
    });
    expect(host.microsoft.config.tenants[0]?.displayName).toBe('Fabrikam');
    expect(await (await fetch(`${host.microsoft.loginBaseUrl}/portal`)).text()).toContain('Fabrikam');
    expect(await (await fetch(`${host.google.url}/admin`)).text()).toContain('<td>Fabrikam support</td>');
  });
});
